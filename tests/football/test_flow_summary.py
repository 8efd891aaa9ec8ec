"""The match-flow chart in words, as a screen reader reads it. No database."""

from decimal import Decimal

import pytest

from football.events import EventFact, EventKind, GoalType, Period, Side, VarDecision
from football.flow_summary import flow_summary
from football.statistics import StatLine

HOME, AWAY = Side.HOME, Side.AWAY
NAMES = {HOME: "Atalanta", AWAY: "Liverpool"}


def event(id: int, kind: EventKind, side: Side | None, minute: int, added: int = 0, **fields) -> EventFact:
    period = fields.pop("period", None) or (Period.FIRST_HALF if minute <= 45 else Period.SECOND_HALF)
    return EventFact(id=id, kind=kind, period=period, minute=minute, added_minute=added, side=side, **fields)


SALAH = event(1, EventKind.GOAL, AWAY, 7, player_name="Salah", goal_type=GoalType.PENALTY)
KOOPMEINERS = event(2, EventKind.GOAL, HOME, 41, player_name="Koopmeiners", goal_type=GoalType.OPEN_PLAY)
RULED_OUT = event(3, EventKind.VAR, HOME, 41, var_decision=VarDecision.GOAL_DISALLOWED, reverses_id=2)


@pytest.mark.parametrize(
    ("events", "stats", "expected"),
    [
        ([], {}, "Atalanta 0, Liverpool 0."),
        (
            [SALAH, KOOPMEINERS, RULED_OUT],
            {(AWAY, Period.SECOND_HALF): StatLine(shots=2, expected_goals=Decimal("0.11"))},
            "Atalanta 0, Liverpool 1. Salah scored a penalty for Liverpool on 7 minutes. "
            "A goal by Koopmeiners for Atalanta on 41 minutes was disallowed. "
            "Second half: Liverpool 0.11 xG from 2 shots, no figures for Atalanta.",
        ),
        (
            [event(1, EventKind.GOAL, HOME, 52, player_name="Ruggeri", goal_type=GoalType.OWN_GOAL)],
            {},
            "Atalanta 0, Liverpool 1. "
            "An own goal by Ruggeri of Atalanta counted for Liverpool on 52 minutes.",
        ),
        (
            [
                event(1, EventKind.SECOND_YELLOW, HOME, 90, 1, player_name="Zappacosta"),
                event(2, EventKind.SUBSTITUTION, AWAY, 66, player_name="Salah", player_in_name="Núñez"),
            ],
            {(HOME, Period.FIRST_HALF): StatLine(shots=7), (AWAY, Period.FIRST_HALF): StatLine(shots=1)},
            "Atalanta 0, Liverpool 0. "
            "Zappacosta of Atalanta was sent off for a second yellow card on 90+1 minutes. "
            "Substitutions: Atalanta 0, Liverpool 1. First half: Atalanta 7 shots, Liverpool 1 shot.",
        ),
        (
            [
                event(1, EventKind.GOAL, HOME, 120, player_name="Lookman", period=Period.PENALTIES),
                event(2, EventKind.GOAL, AWAY, 118, player_name="Gakpo", period=Period.EXTRA_SECOND_HALF),
            ],
            {(AWAY, Period.EXTRA_FIRST_HALF): StatLine(expected_goals=Decimal("0.3"))},
            "Atalanta 0, Liverpool 1. Gakpo scored for Liverpool on 118 minutes. "
            "Extra time: Liverpool 0.30 xG, no figures for Atalanta.",
        ),
    ],
    ids=["no events", "seed match", "own goal", "sending-off and substitution", "extra time and shoot-out"],
)
def test_summary_tells_the_chart_in_words(events, stats, expected):
    assert flow_summary(events, stats, names=NAMES) == expected
