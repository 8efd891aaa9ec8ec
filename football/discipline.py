"""Cards and sendings-off.

A player shown a second yellow card in a match is sent off, as is a player shown a
straight red. A red card the VAR rescinds no longer counts: the player was never sent
off. A player who has been sent off takes no further part: he cannot be booked again,
and cannot score. A player cannot be booked twice in the same minute by mistake; an
editor who means a second yellow says so.
"""

from collections.abc import Iterable

from football.clock import minute_label
from football.events import CARD_KINDS, SENDING_OFF_KINDS, EventFact, EventKind, Period
from football.scoring import counted

Moment = tuple[int, int, int]
_YELLOW_KINDS = frozenset({EventKind.YELLOW, EventKind.SECOND_YELLOW})


class DisciplineError(ValueError):
    """A card or an action that the disciplinary record makes impossible."""


def _moment(event: EventFact) -> Moment:
    return (event.period, event.minute, event.added_minute)


def _label(event: EventFact) -> str:
    return minute_label(event.minute, event.added_minute)


def _player_cards(events: Iterable[EventFact], player_id: int) -> list[EventFact]:
    """The player's cards that still stand, in match order."""
    return [event for event in counted(events) if event.player_id == player_id and event.kind in CARD_KINDS]


def _sending_off(cards: list[EventFact], moment: Moment) -> EventFact | None:
    """The card that sent the player off at or before `moment`, if any."""
    for card in cards:
        if card.kind in SENDING_OFF_KINDS and _moment(card) <= moment:
            return card
    return None


def sent_off(events: Iterable[EventFact]) -> frozenset[int]:
    """Ids of the players sent off, by a second yellow or a red the VAR did not rescind."""
    return frozenset(
        event.player_id
        for event in counted(events)
        if event.kind in SENDING_OFF_KINDS and event.player_id is not None
    )


def booking_kind(
    events: Iterable[EventFact],
    *,
    player_id: int,
    kind: EventKind,
    period: Period,
    minute: int,
    added_minute: int = 0,
) -> EventKind:
    """What a new card really is: a second yellow card for a player already booked.

    Raise DisciplineError for a player already sent off, a second yellow with no first,
    the same yellow entered twice, or a yellow before a yellow already on record.
    Anything other than a card is returned unchanged.
    """
    if kind not in CARD_KINDS:
        return kind
    moment = (int(period), minute, added_minute)
    cards = _player_cards(events, player_id)
    _refuse_if_sent_off(cards, moment)
    if kind is EventKind.RED:
        return EventKind.RED
    _refuse_if_later_yellow(cards, moment)
    earlier_yellows = [card for card in cards if card.kind is EventKind.YELLOW and _moment(card) <= moment]
    if kind is EventKind.SECOND_YELLOW:
        if not earlier_yellows:
            raise DisciplineError("This player has no yellow card yet, so this cannot be a second yellow.")
        return EventKind.SECOND_YELLOW
    if not earlier_yellows:
        return EventKind.YELLOW
    _refuse_duplicate(earlier_yellows[-1], moment)
    return EventKind.SECOND_YELLOW


def _refuse_if_sent_off(cards: list[EventFact], moment: Moment) -> None:
    card = _sending_off(cards, moment)
    if card is not None:
        name = card.player_name or "This player"
        raise DisciplineError(f"{name} has already been sent off ({_label(card)}).")


def _refuse_if_later_yellow(cards: list[EventFact], moment: Moment) -> None:
    # A yellow slipped in before one already on record would turn that one into a second
    # yellow; the editor must put the cards right in match order instead.
    for card in cards:
        if card.kind in _YELLOW_KINDS and _moment(card) > moment:
            name = card.player_name or "This player"
            raise DisciplineError(
                f"{name} already has a yellow card at {_label(card)}, later in the match. "
                "Remove it, then enter the cards in match order."
            )


def _refuse_duplicate(earlier_yellow: EventFact, moment: Moment) -> None:
    if _moment(earlier_yellow) == moment:
        name = earlier_yellow.player_name or "This player"
        raise DisciplineError(
            f"{name} was already booked at {_label(earlier_yellow)}. "
            "If this is a second yellow, record it as a second yellow."
        )


def check_can_play(
    events: Iterable[EventFact],
    *,
    player_id: int,
    player_name: str,
    period: Period,
    minute: int,
    added_minute: int = 0,
    action: str = "score",
) -> None:
    """Raise DisciplineError when the player was sent off at or before that moment.

    `action` names what the player is said to do, for the message ("score", "come on").
    """
    moment = (int(period), minute, added_minute)
    card = _sending_off(_player_cards(events, player_id), moment)
    if card is not None:
        name = player_name or card.player_name or "This player"
        when = minute_label(minute, added_minute)
        raise DisciplineError(f"{name} was sent off at {_label(card)} and cannot {action} at {when}.")


def check_record(events: Iterable[EventFact]) -> None:
    """Raise DisciplineError at the first event, in match order, that the cards make impossible:
    anything a player does after being sent off, or a second yellow with no yellow before it."""
    booked: set[int] = set()
    off: dict[int, EventFact] = {}
    for event in sorted(counted(events), key=lambda fact: fact.order):
        for player_id, name, action in _actions(event):
            card = off.get(player_id)
            if card is not None:
                raise DisciplineError(
                    f"{name or card.player_name or 'This player'} was sent off at {_label(card)} "
                    f"and cannot {action} at {_label(event)}. Put the events right in match order."
                )
        if event.player_id is None:
            continue
        if event.kind is EventKind.SECOND_YELLOW and event.player_id not in booked:
            name = event.player_name or "This player"
            raise DisciplineError(
                f"{name}'s second yellow at {_label(event)} needs a yellow card before it. "
                "Remove or correct the second yellow first."
            )
        if event.kind is EventKind.YELLOW:
            booked.add(event.player_id)
        if event.kind in SENDING_OFF_KINDS:
            off[event.player_id] = event


def _actions(event: EventFact) -> list[tuple[int, str, str]]:
    """Who takes part in the event, and what they are said to do."""
    if event.kind is EventKind.SUBSTITUTION:
        return [
            (player_id, name, action)
            for player_id, name, action in (
                (event.player_id, event.player_name, "go off"),
                (event.player_in_id, event.player_in_name, "come on"),
            )
            if player_id is not None
        ]
    action = _ACTIONS.get(event.kind)
    return [(event.player_id, event.player_name, action)] if action and event.player_id is not None else []


_ACTIONS = {
    EventKind.GOAL: "score",
    EventKind.MISSED_PENALTY: "take a penalty",
    EventKind.YELLOW: "be booked",
    EventKind.SECOND_YELLOW: "be booked",
    EventKind.RED: "be shown a card",
}
