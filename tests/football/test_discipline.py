"""Cards and sendings-off: second yellow makes red, VAR rescinds, sent-off players take no part."""

from dataclasses import replace

import pytest

from football.discipline import DisciplineError, booking_kind, check_can_play, check_record, sent_off
from football.events import EventFact, EventKind, Period, Side, VarDecision

YELLOW, SECOND_YELLOW, RED = EventKind.YELLOW, EventKind.SECOND_YELLOW, EventKind.RED
P1, P2, ET1, ET2, PENS = Period
HIEN, ZAPPACOSTA, SALAH = 4, 7, 11
NAMES = {HIEN: "Hien", ZAPPACOSTA: "Zappacosta", SALAH: "Salah"}


def card(
    id: int, player_id: int, kind: EventKind, period: Period, minute: int, added_minute: int = 0
) -> EventFact:
    return EventFact(
        id=id,
        kind=kind,
        period=period,
        minute=minute,
        added_minute=added_minute,
        side=Side.AWAY,
        player_id=player_id,
        player_name=NAMES[player_id],
    )


def rescind(id: int, reverses_id: int) -> EventFact:
    return EventFact(
        id=id,
        kind=EventKind.VAR,
        period=P2,
        minute=70,
        var_decision=VarDecision.RED_RESCINDED,
        reverses_id=reverses_id,
    )


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], frozenset()),
        ([card(1, HIEN, YELLOW, P1, 20)], frozenset()),
        ([card(1, HIEN, RED, P2, 60)], frozenset({HIEN})),
        (
            [card(1, ZAPPACOSTA, YELLOW, P1, 30), card(2, ZAPPACOSTA, SECOND_YELLOW, P2, 90, 1)],
            frozenset({ZAPPACOSTA}),
        ),
        ([card(1, HIEN, RED, P2, 60), rescind(2, 1)], frozenset()),
        ([card(1, HIEN, RED, P2, 60), card(2, SALAH, RED, ET1, 100)], frozenset({HIEN, SALAH})),
    ],
)
def test_sent_off_lists_players_shown_red_that_stands(
    events: list[EventFact], expected: frozenset[int]
) -> None:
    assert sent_off(events) == expected


def test_second_yellow_sends_player_off() -> None:
    events = [card(1, ZAPPACOSTA, YELLOW, P1, 30)]
    new_kind = booking_kind(events, player_id=ZAPPACOSTA, kind=YELLOW, period=P2, minute=90, added_minute=1)
    assert new_kind is SECOND_YELLOW
    assert sent_off([*events, card(2, ZAPPACOSTA, new_kind, P2, 90, 1)]) == frozenset({ZAPPACOSTA})


@pytest.mark.parametrize(
    ("events", "kind", "moment", "expected"),
    [
        ([], YELLOW, (P1, 10, 0), YELLOW),
        ([], RED, (P1, 10, 0), RED),
        ([card(1, HIEN, YELLOW, P1, 10)], RED, (P2, 50, 0), RED),
        ([card(1, HIEN, YELLOW, P1, 10)], SECOND_YELLOW, (P2, 50, 0), SECOND_YELLOW),
        # The first yellow at the same minute is fine when the editor says it is a second yellow.
        ([card(1, HIEN, YELLOW, P1, 10)], SECOND_YELLOW, (P1, 10, 0), SECOND_YELLOW),
        ([card(1, HIEN, YELLOW, P1, 45, 1)], YELLOW, (P1, 45, 2), SECOND_YELLOW),
        ([card(1, HIEN, YELLOW, P2, 80)], YELLOW, (ET2, 115, 0), SECOND_YELLOW),
        # Someone else's yellow does not count towards this player's.
        ([card(1, SALAH, YELLOW, P1, 10)], YELLOW, (P2, 50, 0), YELLOW),
        # A rescinded red leaves the player on the pitch, to be booked again.
        ([card(1, HIEN, RED, P1, 20), rescind(2, 1)], YELLOW, (P2, 75, 0), YELLOW),
        # A straight red after the moment does not stop an earlier yellow being entered late.
        ([card(1, HIEN, RED, P2, 80)], YELLOW, (P1, 20, 0), YELLOW),
        # Not a card at all: returned as it is.
        ([card(1, HIEN, RED, P1, 20)], EventKind.SUBSTITUTION, (P2, 60, 0), EventKind.SUBSTITUTION),
    ],
)
def test_booking_kind_is_what_the_card_really_is(
    events: list[EventFact], kind: EventKind, moment: tuple[Period, int, int], expected: EventKind
) -> None:
    period, minute, added_minute = moment
    assert booking_kind(
        events, player_id=HIEN, kind=kind, period=period, minute=minute, added_minute=added_minute
    ) is (expected)


@pytest.mark.parametrize(
    ("events", "player_id", "kind", "moment", "message"),
    [
        (
            [card(1, ZAPPACOSTA, YELLOW, P2, 90, 1)],
            ZAPPACOSTA,
            YELLOW,
            (P2, 90, 1),
            "Zappacosta was already booked at 90+1'. "
            "If this is a second yellow, record it as a second yellow.",
        ),
        ([card(1, HIEN, RED, P2, 60)], HIEN, YELLOW, (P2, 70, 0), "Hien has already been sent off (60')."),
        ([card(1, HIEN, RED, P2, 60)], HIEN, RED, (P2, 60, 0), "Hien has already been sent off (60')."),
        (
            [card(1, ZAPPACOSTA, YELLOW, P1, 30), card(2, ZAPPACOSTA, SECOND_YELLOW, P2, 90, 1)],
            ZAPPACOSTA,
            SECOND_YELLOW,
            (ET1, 95, 0),
            "Zappacosta has already been sent off (90+1').",
        ),
        (
            [],
            HIEN,
            SECOND_YELLOW,
            (P1, 30, 0),
            "This player has no yellow card yet, so this cannot be a second yellow.",
        ),
        (
            [card(1, SALAH, YELLOW, P1, 10)],
            HIEN,
            SECOND_YELLOW,
            (P1, 30, 0),
            "This player has no yellow card yet, so this cannot be a second yellow.",
        ),
        (
            [card(1, HIEN, YELLOW, P2, 80)],
            HIEN,
            YELLOW,
            (P1, 30, 0),
            "Hien already has a yellow card at 80', later in the match. "
            "Remove it, then enter the cards in match order.",
        ),
    ],
)
def test_booking_kind_refuses_impossible_cards(
    events: list[EventFact], player_id: int, kind: EventKind, moment: tuple[Period, int, int], message: str
) -> None:
    period, minute, added_minute = moment
    with pytest.raises(DisciplineError) as raised:
        booking_kind(
            events, player_id=player_id, kind=kind, period=period, minute=minute, added_minute=added_minute
        )
    assert str(raised.value) == message


def test_sent_off_player_cannot_score() -> None:
    events = [card(1, HIEN, RED, P2, 60)]
    with pytest.raises(DisciplineError) as raised:
        check_can_play(events, player_id=HIEN, player_name="Hien", period=P2, minute=70)
    assert str(raised.value) == "Hien was sent off at 60' and cannot score at 70'."


@pytest.mark.parametrize(
    ("events", "moment"),
    [
        ([], (P2, 70, 0)),
        # Before the red card he could still play.
        ([card(1, HIEN, RED, P2, 60)], (P2, 59, 0)),
        ([card(1, HIEN, RED, P1, 45, 2)], (P1, 45, 1)),
        # A yellow card alone does not stop him.
        ([card(1, HIEN, YELLOW, P1, 10)], (P2, 70, 0)),
        # The VAR rescinded the red.
        ([card(1, HIEN, RED, P2, 60), rescind(2, 1)], (P2, 80, 0)),
        # Someone else was sent off.
        ([card(1, SALAH, RED, P1, 10)], (P2, 70, 0)),
    ],
)
def test_player_not_sent_off_by_then_can_play(
    events: list[EventFact], moment: tuple[Period, int, int]
) -> None:
    period, minute, added_minute = moment
    check_can_play(
        events, player_id=HIEN, player_name="Hien", period=period, minute=minute, added_minute=added_minute
    )


@pytest.mark.parametrize(
    ("events", "moment", "action", "message"),
    [
        (
            [card(1, HIEN, RED, P2, 60)],
            (P2, 60, 0),
            "score",
            "Hien was sent off at 60' and cannot score at 60'.",
        ),
        (
            [card(1, HIEN, YELLOW, P1, 5), card(2, HIEN, SECOND_YELLOW, P1, 45, 2)],
            (P2, 90, 3),
            "score",
            "Hien was sent off at 45+2' and cannot score at 90+3'.",
        ),
        (
            [card(1, HIEN, RED, P2, 90, 4)],
            (ET1, 93, 0),
            "come on",
            "Hien was sent off at 90+4' and cannot come on at 93'.",
        ),
        (
            [card(1, HIEN, RED, ET2, 119)],
            (PENS, 120, 0),
            "take a kick",
            "Hien was sent off at 119' and cannot take a kick at 120'.",
        ),
    ],
)
def test_player_sent_off_at_or_before_the_moment_cannot_play(
    events: list[EventFact], moment: tuple[Period, int, int], action: str, message: str
) -> None:
    period, minute, added_minute = moment
    with pytest.raises(DisciplineError) as raised:
        check_can_play(
            events,
            player_id=HIEN,
            player_name="Hien",
            period=period,
            minute=minute,
            added_minute=added_minute,
            action=action,
        )
    assert str(raised.value) == message


def goal(id: int, player_id: int, period: Period, minute: int) -> EventFact:
    return card(id, player_id, EventKind.GOAL, period, minute)


def substitution(id: int, off: int, on: int, minute: int) -> EventFact:
    return replace(
        card(id, off, EventKind.SUBSTITUTION, P2, minute), player_in_id=on, player_in_name=NAMES[on]
    )


@pytest.mark.parametrize(
    "events",
    [
        pytest.param([], id="no events"),
        pytest.param(
            [card(1, SALAH, YELLOW, P1, 20), card(2, SALAH, SECOND_YELLOW, P2, 60)], id="two yellows"
        ),
        pytest.param([goal(1, SALAH, P2, 55), card(2, SALAH, RED, P2, 60)], id="scored, then sent off"),
        pytest.param(
            [card(1, SALAH, RED, P2, 50), goal(2, SALAH, P2, 55), rescind(3, 1)], id="red rescinded"
        ),
        pytest.param([substitution(1, HIEN, SALAH, 60), goal(2, SALAH, P2, 75)], id="came on, scored"),
        pytest.param(
            [
                card(2, SALAH, RED, P2, 90, 3),
                goal(
                    1,
                    SALAH,
                    P2,
                    90,
                ),
            ],
            id="scored in the 90th, red in added time",
        ),
    ],
)
def test_a_record_a_match_can_have_passes(events):
    check_record(events)


@pytest.mark.parametrize(
    ("events", "message"),
    [
        pytest.param(
            [card(1, SALAH, RED, P2, 50), goal(2, SALAH, P2, 55)],
            "Salah was sent off at 50' and cannot score at 55'",
            id="red moved before his goal",
        ),
        pytest.param(
            [card(2, SALAH, SECOND_YELLOW, P2, 60)],
            "Salah's second yellow at 60' needs a yellow card before it",
            id="first yellow deleted",
        ),
        pytest.param(
            [card(1, SALAH, SECOND_YELLOW, P1, 30), card(2, SALAH, YELLOW, P2, 60)],
            "Salah's second yellow at 30' needs a yellow card before it",
            id="first yellow moved after the second",
        ),
        pytest.param(
            [card(1, HIEN, RED, P2, 50), substitution(2, HIEN, SALAH, 70)],
            "Hien was sent off at 50' and cannot go off at 70'",
            id="sent off, then substituted",
        ),
        pytest.param(
            [
                card(1, SALAH, YELLOW, P1, 20),
                card(2, SALAH, SECOND_YELLOW, P1, 40),
                card(3, SALAH, YELLOW, P2, 60),
            ],
            "Salah was sent off at 40' and cannot be booked at 60'",
            id="booked after the second yellow",
        ),
        pytest.param(
            [card(1, HIEN, RED, P1, 30), substitution(2, ZAPPACOSTA, HIEN, 60)],
            "Hien was sent off at 30' and cannot come on at 60'",
            id="sent off, then brought on",
        ),
    ],
)
def test_a_record_no_match_can_have_is_refused_at_its_first_impossible_event(events, message):
    with pytest.raises(DisciplineError, match=message):
        check_record(events)
