"""What the line-ups mark on each player: tables of events and the marks they leave (no database)."""

import pytest

from football.events import EventFact, EventKind, GoalType, Period, Side, VarDecision
from football.lineup_marks import NO_MARKS, Note, PlayerMarks, player_marks

SALAH, NUNEZ, JONES, VAN_DIJK = 11, 9, 17, 4


def goal(event_id, minute, player, goal_type=GoalType.OPEN_PLAY, added=0, period=None) -> EventFact:
    period = period or (Period.FIRST_HALF if minute <= 45 else Period.SECOND_HALF)
    return EventFact(
        event_id, EventKind.GOAL, period, minute, added, Side.AWAY, player_id=player, goal_type=goal_type
    )


def card(event_id, kind, minute, player) -> EventFact:
    return EventFact(
        event_id, kind, Period.SECOND_HALF if minute > 45 else Period.FIRST_HALF, minute, 0, Side.AWAY, player
    )


def substitution(event_id, minute, off, on, added=0) -> EventFact:
    return EventFact(
        event_id, EventKind.SUBSTITUTION, Period.SECOND_HALF, minute, added, Side.AWAY, off, player_in_id=on
    )


def var(event_id, minute, reverses, decision) -> EventFact:
    return EventFact(
        event_id, EventKind.VAR, Period.FIRST_HALF, minute, var_decision=decision, reverses_id=reverses
    )


@pytest.mark.parametrize(
    ("events", "player", "marks"),
    [
        ([], SALAH, NO_MARKS),
        (
            [goal(1, 7, SALAH, GoalType.PENALTY), goal(2, 90, SALAH, added=2)],
            SALAH,
            PlayerMarks(goals=2, notes=(Note("goal", "goal 7'"), Note("goal", "goal 90+2'"))),
        ),
        (
            [goal(1, 52, VAN_DIJK, GoalType.OWN_GOAL)],
            VAN_DIJK,
            PlayerMarks(own_goals=1, notes=(Note("own-goal", "own goal 52'"),)),
        ),
        (
            [card(1, EventKind.YELLOW, 20, JONES)],
            JONES,
            PlayerMarks(booked=True, notes=(Note("yellow", "booked 20'"),)),
        ),
        (
            [card(1, EventKind.YELLOW, 20, JONES), card(2, EventKind.SECOND_YELLOW, 70, JONES)],
            JONES,
            PlayerMarks(
                booked=True,
                sent_off=True,
                notes=(Note("yellow", "booked 20'"), Note("red", "sent off (2nd yellow) 70'")),
            ),
        ),
        (
            [card(1, EventKind.RED, 33, JONES)],
            JONES,
            PlayerMarks(sent_off=True, notes=(Note("red", "sent off 33'"),)),
        ),
        (
            [substitution(1, 66, SALAH, NUNEZ)],
            SALAH,
            PlayerMarks(off_at="66'", notes=(Note("off", "off 66'"),)),
        ),
        (
            [substitution(1, 66, SALAH, NUNEZ)],
            NUNEZ,
            PlayerMarks(on_at="66'", notes=(Note("on", "on 66'"),)),
        ),
        (
            # On as a substitute, then taken off again in added time.
            [substitution(1, 60, SALAH, NUNEZ), substitution(2, 90, NUNEZ, JONES, added=3)],
            NUNEZ,
            PlayerMarks(on_at="60'", off_at="90+3'", notes=(Note("on", "on 60'"), Note("off", "off 90+3'"))),
        ),
        # A goal the VAR disallowed and a red it rescinded leave no mark.
        ([goal(1, 41, SALAH), var(2, 41, 1, VarDecision.GOAL_DISALLOWED)], SALAH, NO_MARKS),
        ([card(1, EventKind.RED, 30, JONES), var(2, 32, 1, VarDecision.RED_RESCINDED)], JONES, NO_MARKS),
        # A shoot-out kick is no goal of the match.
        ([goal(1, 120, SALAH, GoalType.PENALTY, period=Period.PENALTIES)], SALAH, NO_MARKS),
    ],
    ids=[
        "nothing",
        "two goals",
        "own goal",
        "booked",
        "second yellow",
        "straight red",
        "off",
        "on",
        "on then off",
        "goal disallowed",
        "red rescinded",
        "shoot-out kick",
    ],
)
def test_each_player_carries_what_he_did(events, player, marks):
    assert player_marks(events).get(player, NO_MARKS) == marks


def test_notes_come_in_match_order_whatever_order_the_events_were_entered_in():
    events = [substitution(3, 66, SALAH, NUNEZ), goal(1, 7, SALAH)]
    assert [note.text for note in player_marks(events)[SALAH].notes] == ["goal 7'", "off 66'"]
