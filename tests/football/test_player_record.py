"""A player's record: appearances, minutes, goals, assists and cards, match by match and in total."""

import datetime as dt

import pytest

from football.events import EventFact, EventKind, GoalType, Period, Side, VarDecision
from football.player_record import (
    LineupRole,
    MatchRecord,
    PlayerMatch,
    Totals,
    age,
    match_record,
    result_letter,
    totals,
)

P1, P2, ET1, ET2, PENS = Period
STARTER, SUBSTITUTE, UNKNOWN = LineupRole
SALAH, NUNEZ, OTHER = 11, 9, 5
_ids = iter(range(1, 10_000))


def at(minute: int, added: int = 0, period: Period | None = None) -> dict:
    if period is None:
        period = P1 if minute <= 45 else P2 if minute <= 90 else ET1 if minute <= 105 else ET2
    return {"period": period, "minute": minute, "added_minute": added}


def event(kind: EventKind, when: dict, player: int | None = SALAH, **more) -> EventFact:
    return EventFact(
        id=more.pop("id", next(_ids)), kind=kind, side=Side.HOME, player_id=player, **when, **more
    )


def goal(when: dict, player: int = SALAH, goal_type: GoalType = GoalType.OPEN_PLAY, **more) -> EventFact:
    return event(EventKind.GOAL, when, player, goal_type=goal_type, **more)


def sub(when: dict, off: int, on: int) -> EventFact:
    return event(EventKind.SUBSTITUTION, when, off, player_in_id=on)


def card(kind: EventKind, when: dict, player: int = SALAH, **more) -> EventFact:
    return event(kind, when, player, **more)


def end(when: dict) -> EventFact:
    return event(EventKind.PERIOD_END, when, None)


def var(reverses: EventFact, decision: VarDecision) -> EventFact:
    return event(EventKind.VAR, at(89), None, var_decision=decision, reverses_id=reverses.id)


def record(role: LineupRole, *events: EventFact, assisted=frozenset(), extra_time=False) -> MatchRecord:
    return match_record(PlayerMatch(SALAH, role, tuple(events), frozenset(assisted), extra_time))


FIRST_HALF_ENDS_45_2 = end(at(45, 2))
SECOND_HALF_ENDS_90_4 = end(at(90, 4))
DISALLOWED = goal(at(30))
OVERTURNED = goal(at(40), goal_type=GoalType.PENALTY)
RESCINDED = card(EventKind.RED, at(20))


@pytest.mark.parametrize(
    ("case", "match", "expected"),
    [
        (
            "a starter who plays throughout plays ninety minutes",
            record(STARTER),
            MatchRecord(appeared=True, started=True, minutes=90),
        ),
        (
            "added time the halves' ends tell is played too",
            record(STARTER, FIRST_HALF_ENDS_45_2, SECOND_HALF_ENDS_90_4),
            MatchRecord(appeared=True, started=True, minutes=96),
        ),
        (
            "a substitute on at 60' of a match ending at 90+4' plays 34 minutes",
            record(SUBSTITUTE, sub(at(60), OTHER, SALAH), SECOND_HALF_ENDS_90_4),
            MatchRecord(appeared=True, came_on="60'", minutes=34),
        ),
        (
            "a starter taken off at 66' plays 66 minutes",
            record(STARTER, sub(at(66), SALAH, NUNEZ)),
            MatchRecord(appeared=True, started=True, went_off="66'", minutes=66),
        ),
        (
            "a starter taken off in first-half added time plays the added minutes",
            record(STARTER, sub(at(45, 3), SALAH, NUNEZ), end(at(45, 4))),
            MatchRecord(appeared=True, started=True, went_off="45+3'", minutes=48),
        ),
        (
            "a substitute who comes on and is taken off again plays the minutes between",
            record(SUBSTITUTE, sub(at(46), OTHER, SALAH), sub(at(80), SALAH, NUNEZ)),
            MatchRecord(appeared=True, came_on="46'", went_off="80'", minutes=34),
        ),
        ("a substitute who never comes on makes no appearance", record(SUBSTITUTE), MatchRecord()),
        (
            "a substitute booked on the bench has the card but no appearance",
            record(SUBSTITUTE, card(EventKind.YELLOW, at(70))),
            MatchRecord(yellow_cards=1),
        ),
        (
            "a starter in a match that went to extra time plays 120 minutes",
            record(STARTER, extra_time=True),
            MatchRecord(appeared=True, started=True, minutes=120),
        ),
        (
            "an event in extra time means the match went to extra time",
            record(STARTER, goal(at(118))),
            MatchRecord(appeared=True, started=True, minutes=120, goals=1),
        ),
        (
            "a substitute on in the second half of extra time plays to its end, added time included",
            record(SUBSTITUTE, sub(at(106), OTHER, SALAH), end(at(120, 2, ET2))),
            MatchRecord(appeared=True, came_on="106'", minutes=16),
        ),
        (
            "the penalty shoot-out adds no minutes and its kicks are no goals",
            record(STARTER, goal(at(120, period=PENS)), extra_time=True),
            MatchRecord(appeared=True, started=True, minutes=120),
        ),
        (
            "a penalty is a goal, noted apart",
            record(STARTER, goal(at(7), goal_type=GoalType.PENALTY), goal(at(60))),
            MatchRecord(appeared=True, started=True, minutes=90, goals=2, penalties=1),
        ),
        (
            "an own goal is counted apart, never as his goal",
            record(STARTER, goal(at(52), goal_type=GoalType.OWN_GOAL)),
            MatchRecord(appeared=True, started=True, minutes=90, own_goals=1),
        ),
        (
            "a goal the VAR disallowed does not count",
            record(STARTER, DISALLOWED, var(DISALLOWED, VarDecision.GOAL_DISALLOWED)),
            MatchRecord(appeared=True, started=True, minutes=90),
        ),
        (
            "a penalty the VAR overturned does not count",
            record(STARTER, OVERTURNED, var(OVERTURNED, VarDecision.PENALTY_OVERTURNED)),
            MatchRecord(appeared=True, started=True, minutes=90),
        ),
        (
            "another player's goal is not his",
            record(STARTER, goal(at(10), player=NUNEZ)),
            MatchRecord(appeared=True, started=True, minutes=90),
        ),
        (
            "a goal he set up is an assist",
            record(STARTER, goal(at(10), player=NUNEZ, id=501), assisted={501}),
            MatchRecord(appeared=True, started=True, minutes=90, assists=1),
        ),
        (
            "a goal he set up that the VAR disallowed is no assist",
            record(
                STARTER, DISALLOWED, var(DISALLOWED, VarDecision.GOAL_DISALLOWED), assisted={DISALLOWED.id}
            ),
            MatchRecord(appeared=True, started=True, minutes=90),
        ),
        (
            "a second yellow sends him off: one yellow, one red, minutes to the card",
            record(STARTER, card(EventKind.YELLOW, at(30)), card(EventKind.SECOND_YELLOW, at(70))),
            MatchRecord(appeared=True, started=True, went_off="70'", minutes=70, yellow_cards=1, red_cards=1),
        ),
        (
            "a straight red sends him off",
            record(STARTER, card(EventKind.RED, at(33))),
            MatchRecord(appeared=True, started=True, went_off="33'", minutes=33, red_cards=1),
        ),
        (
            "a red card the VAR rescinded does not count, and he stayed on",
            record(STARTER, RESCINDED, var(RESCINDED, VarDecision.RED_RESCINDED)),
            MatchRecord(appeared=True, started=True, minutes=90),
        ),
        (
            "a substitute sent off plays from coming on to the card",
            record(SUBSTITUTE, sub(at(60), OTHER, SALAH), card(EventKind.RED, at(75))),
            MatchRecord(appeared=True, came_on="60'", went_off="75'", minutes=15, red_cards=1),
        ),
        (
            "without a line-up, a scorer started the match",
            record(UNKNOWN, goal(at(12))),
            MatchRecord(appeared=True, started=True, minutes=90, goals=1),
        ),
        (
            "without a line-up, a player who came on was a substitute",
            record(UNKNOWN, sub(at(70), OTHER, SALAH), goal(at(85))),
            MatchRecord(appeared=True, came_on="70'", minutes=20, goals=1),
        ),
        (
            "without a line-up, a player who set up a goal started the match",
            record(UNKNOWN, goal(at(10), player=NUNEZ, id=601), assisted={601}),
            MatchRecord(appeared=True, started=True, minutes=90, assists=1),
        ),
        (
            "without a line-up, a player named only in a goal the VAR disallowed made no appearance",
            record(UNKNOWN, DISALLOWED, var(DISALLOWED, VarDecision.GOAL_DISALLOWED)),
            MatchRecord(),
        ),
        ("without a line-up or an event, he made no appearance", record(UNKNOWN), MatchRecord()),
    ],
)
def test_match_record(case: str, match: MatchRecord, expected: MatchRecord) -> None:
    assert match == expected, case


def test_totals_add_appearances_starts_and_numbers() -> None:
    records = [
        MatchRecord(appeared=True, started=True, minutes=90, goals=2, penalties=1, yellow_cards=1),
        MatchRecord(appeared=True, came_on="60'", minutes=30, assists=1, own_goals=1),
        MatchRecord(red_cards=1),  # sent off from the bench
    ]
    assert totals(records) == Totals(
        appearances=2,
        starts=1,
        minutes=120,
        goals=2,
        penalties=1,
        own_goals=1,
        assists=1,
        yellow_cards=1,
        red_cards=1,
    )
    assert totals(records).substitute_appearances == 1


def test_totals_of_no_match_are_all_nought() -> None:
    assert totals([]) == Totals()


@pytest.mark.parametrize(
    ("scored", "conceded", "letter"), [(2, 1, "W"), (1, 1, "D"), (0, 3, "L"), (0, 0, "D")]
)
def test_result_letter_from_the_players_side(scored: int, conceded: int, letter: str) -> None:
    assert result_letter(scored, conceded) == letter


@pytest.mark.parametrize(
    ("born", "on", "years"),
    [
        (dt.date(1992, 6, 15), dt.date(2024, 6, 14), 31),
        (dt.date(1992, 6, 15), dt.date(2024, 6, 15), 32),
        (dt.date(2000, 2, 29), dt.date(2023, 2, 28), 22),
        (dt.date(2000, 2, 29), dt.date(2023, 3, 1), 23),
    ],
)
def test_age_counts_full_years(born: dt.date, on: dt.date, years: int) -> None:
    assert age(born, on) == years
