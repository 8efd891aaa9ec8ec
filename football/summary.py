"""A match's key events as a fan reads them under the score.

Goals are listed under the side they count for, one entry per scorer, in the order of
each scorer's first goal: "Salah (7' pen.)", "Koopmeiners (77')". A player who scores
more than once is named once, with every minute: "Saka (12', 60')", each goal keeping its
own mark: "Salah (7' pen., 60')"; two players of the same name are listed apart. An own
goal is listed under the side it helped, with the name of the player who put it in his
own net: "Ruggeri (52' o.g.)". Goals by an unnamed player are listed one by one. Goals
the VAR disallowed and penalty shoot-out kicks are not listed.

Each entry carries the id of the player it names, so a page can link his name.

Cards are listed under the booked player's own side, in match order: a yellow card
"Hien (43')", a second yellow "Zappacosta (90+1' 2nd yellow, sent off)", a straight red
"Mancini (33' sent off)". A red card the VAR rescinded is not listed.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from football.clock import minute_label
from football.events import CARD_KINDS, EventFact, EventKind, GoalType, Period, Side
from football.scoring import counted, scoring_side

_GOAL_KINDS: dict[GoalType | None, str] = {GoalType.PENALTY: "penalty", GoalType.OWN_GOAL: "own_goal"}
_GOAL_NOTES = {"goal": "", "penalty": " pen.", "own_goal": " o.g."}
_CARD_NOTES = {
    EventKind.YELLOW: ("yellow", ""),
    EventKind.SECOND_YELLOW: ("second_yellow", " 2nd yellow, sent off"),
    EventKind.RED: ("red", " sent off"),
}


@dataclass(frozen=True)
class KeyEntry:
    player_name: str
    text: str
    kind: str
    # Who the entry names, so a page can link the name to the player; None for an unnamed player.
    player_id: int | None = None


@dataclass(frozen=True)
class SideSummary:
    goals: tuple[KeyEntry, ...] = ()
    cards: tuple[KeyEntry, ...] = ()

    @property
    def goals_line(self) -> str:
        return ", ".join(entry.text for entry in self.goals)

    @property
    def cards_line(self) -> str:
        return ", ".join(entry.text for entry in self.cards)


def _entry_text(player_name: str, minute: str) -> str:
    return f"{player_name} ({minute})" if player_name else f"({minute})"


def goal_entry(event: EventFact) -> KeyEntry:
    """One goal as a fan reads it: "Salah (7' pen.)"."""
    kind = _GOAL_KINDS.get(event.goal_type, "goal")
    return KeyEntry(
        player_name=event.player_name,
        text=_entry_text(event.player_name, _goal_minute(event)),
        kind=kind,
        player_id=event.player_id,
    )


def _goal_minute(event: EventFact) -> str:
    return (
        minute_label(event.minute, event.added_minute) + _GOAL_NOTES[_GOAL_KINDS.get(event.goal_type, "goal")]
    )


def scorer_entries(goals: Iterable[EventFact]) -> tuple[KeyEntry, ...]:
    """One side's goals, in match order, as one entry per scorer: "Salah (7' pen., 60')".

    The entry's kind is its goals' kind when they share one ("own_goal"), else "goal".
    """
    by_scorer: dict[object, list[EventFact]] = {}
    for index, event in enumerate(goals):
        # Namesakes are told apart by who they are; an unnamed scorer cannot be told apart
        # from another, so each such goal stands alone.
        key = event.player_id if event.player_id is not None else event.player_name or f"#{index}"
        by_scorer.setdefault(key, []).append(event)
    return tuple(_scorer_entry(scored) for scored in by_scorer.values())


def _scorer_entry(goals: list[EventFact]) -> KeyEntry:
    name = goals[0].player_name
    kinds = {goal_entry(event).kind for event in goals}
    minutes = ", ".join(_goal_minute(event) for event in goals)
    return KeyEntry(
        player_name=name,
        text=_entry_text(name, minutes),
        kind=kinds.pop() if len(kinds) == 1 else "goal",
        player_id=goals[0].player_id,
    )


def card_entry(event: EventFact) -> KeyEntry:
    """One card as a fan reads it: "Zappacosta (90+1' 2nd yellow, sent off)"."""
    kind, note = _CARD_NOTES[event.kind]
    minute = minute_label(event.minute, event.added_minute) + note
    return KeyEntry(
        player_name=event.player_name,
        text=_entry_text(event.player_name, minute),
        kind=kind,
        player_id=event.player_id,
    )


def key_events(events: Iterable[EventFact]) -> dict[Side, SideSummary]:
    """Goals and cards per side, in match order; both sides are always present."""
    goals: dict[Side, list[EventFact]] = {Side.HOME: [], Side.AWAY: []}
    cards: dict[Side, list[KeyEntry]] = {Side.HOME: [], Side.AWAY: []}
    for event in counted(events):
        if event.kind is EventKind.GOAL and event.period is not Period.PENALTIES:
            goals[scoring_side(event)].append(event)
        elif event.kind in CARD_KINDS and event.side is not None:
            cards[event.side].append(card_entry(event))
    return {side: SideSummary(goals=scorer_entries(goals[side]), cards=tuple(cards[side])) for side in Side}
