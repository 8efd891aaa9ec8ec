"""The score from a match's events: own goals, VAR reversals, halves, extra time, shoot-outs."""

import pytest

from football.events import EventFact, EventKind, GoalType, Period, Side, VarDecision
from football.scoring import (
    Score,
    counted,
    half_time_score,
    normal_time_score,
    reversed_ids,
    score,
    scoring_side,
    shootout_score,
)

HOME, AWAY = Side.HOME, Side.AWAY
P1, P2, ET1, ET2, PENS = Period


def goal(
    id: int, side: Side, minute: int, period: Period = P1, goal_type: GoalType = GoalType.OPEN_PLAY
) -> EventFact:
    return EventFact(id=id, kind=EventKind.GOAL, period=period, minute=minute, side=side, goal_type=goal_type)


def miss(id: int, side: Side, period: Period = PENS, minute: int = 120) -> EventFact:
    return EventFact(id=id, kind=EventKind.MISSED_PENALTY, period=period, minute=minute, side=side)


def var(id: int, reverses_id: int, decision: VarDecision, minute: int = 60, period: Period = P2) -> EventFact:
    return EventFact(
        id=id,
        kind=EventKind.VAR,
        period=period,
        minute=minute,
        var_decision=decision,
        reverses_id=reverses_id,
    )


def kicks(*scored: tuple[Side, bool]) -> list[EventFact]:
    """Shoot-out kicks in order, ids from 100."""
    return [
        goal(100 + n, side, 120, PENS, GoalType.PENALTY) if hit else miss(100 + n, side)
        for n, (side, hit) in enumerate(scored)
    ]


def test_score_reads_like_a_scoreline() -> None:
    assert str(Score(0, 1)) == "0-1"
    assert Score(2, 1).total == 3
    assert Score(2, 1).for_side(AWAY) == 1
    assert Score(3, 1).with_goal(AWAY) == Score(3, 2)


@pytest.mark.parametrize(
    ("home", "away", "leader"),
    [(0, 0, None), (2, 2, None), (1, 0, HOME), (0, 3, AWAY)],
)
def test_leader_is_the_side_ahead(home: int, away: int, leader: Side | None) -> None:
    assert Score(home, away).leader == leader


@pytest.mark.parametrize(
    ("event", "side"),
    [
        (goal(1, HOME, 7), HOME),
        (goal(1, AWAY, 7, goal_type=GoalType.PENALTY), AWAY),
        (goal(1, AWAY, 52, goal_type=GoalType.OWN_GOAL), HOME),
        (goal(1, HOME, 52, goal_type=GoalType.OWN_GOAL), AWAY),
    ],
)
def test_own_goal_counts_for_the_other_side(event: EventFact, side: Side) -> None:
    assert scoring_side(event) is side


def test_goal_without_a_side_is_refused() -> None:
    with pytest.raises(ValueError, match="has no side"):
        scoring_side(EventFact(id=9, kind=EventKind.GOAL, period=P1, minute=3))


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], Score(0, 0)),
        ([goal(1, HOME, 7, goal_type=GoalType.PENALTY), goal(2, AWAY, 77)], Score(1, 1)),
        ([goal(1, AWAY, 52, P2, GoalType.OWN_GOAL)], Score(1, 0)),
        ([goal(1, HOME, 38), goal(2, HOME, 60, P2), goal(3, HOME, 90, P2)], Score(3, 0)),
        # VAR disallows the away goal: it no longer counts.
        ([goal(1, AWAY, 30), var(2, 1, VarDecision.GOAL_DISALLOWED)], Score(0, 0)),
        # VAR overturns the penalty that was scored.
        (
            [
                goal(1, HOME, 10),
                goal(2, HOME, 55, P2, GoalType.PENALTY),
                var(3, 2, VarDecision.PENALTY_OVERTURNED),
            ],
            Score(1, 0),
        ),
        # A disallowed own goal no longer helps the other side.
        (
            [goal(1, AWAY, 12, goal_type=GoalType.OWN_GOAL), var(2, 1, VarDecision.GOAL_DISALLOWED)],
            Score(0, 0),
        ),
        # Extra-time goals are in the match score.
        (
            [goal(1, HOME, 20), goal(2, AWAY, 88, P2), goal(3, AWAY, 105, ET1), goal(4, HOME, 120, ET2)],
            Score(2, 2),
        ),
        # Shoot-out kicks are not.
        ([goal(1, HOME, 20), *kicks((HOME, True), (AWAY, True), (HOME, True))], Score(1, 0)),
    ],
)
def test_score_counts_goals_that_stand(events: list[EventFact], expected: Score) -> None:
    assert score(events) == expected


def test_half_time_and_normal_time_scores_stop_at_their_whistle() -> None:
    events = [
        goal(1, HOME, 45, P1),
        EventFact(id=2, kind=EventKind.GOAL, period=P1, minute=45, added_minute=2, side=AWAY),
        goal(3, AWAY, 46, P2),
        EventFact(id=4, kind=EventKind.GOAL, period=P2, minute=90, added_minute=3, side=HOME),
        goal(5, HOME, 95, ET1),
        goal(6, AWAY, 30),
        var(7, 6, VarDecision.GOAL_DISALLOWED),
    ]
    assert half_time_score(events) == Score(1, 1)
    assert normal_time_score(events) == Score(2, 2)
    assert score(events) == Score(3, 2)


def test_reversed_ids_are_the_targets_of_var_decisions() -> None:
    events = [goal(1, HOME, 5), var(2, 1, VarDecision.GOAL_DISALLOWED), var(3, 7, VarDecision.RED_RESCINDED)]
    assert reversed_ids(events) == frozenset({1, 7})


def test_counted_puts_events_in_match_order_and_drops_reversed_ones() -> None:
    late = EventFact(id=1, kind=EventKind.GOAL, period=P1, minute=45, added_minute=1, side=HOME)
    second_half = goal(2, AWAY, 46, P2)
    early = goal(3, HOME, 44)
    disallowed = goal(4, AWAY, 10)
    decision = var(5, 4, VarDecision.GOAL_DISALLOWED, minute=11, period=P1)
    assert counted([second_half, late, disallowed, early, decision]) == [decision, early, late, second_half]


def test_counted_accepts_a_one_pass_iterator() -> None:
    events = iter([goal(1, HOME, 5), var(2, 1, VarDecision.GOAL_DISALLOWED)])
    assert [event.id for event in counted(events)] == [2]


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([goal(1, HOME, 20)], None),
        (kicks((HOME, False)), Score(0, 0)),
        (kicks((HOME, True), (AWAY, False), (HOME, True), (AWAY, True)), Score(2, 1)),
        (
            kicks(*[(HOME, True), (AWAY, True)] * 5, (HOME, False), (AWAY, True)),
            Score(5, 6),
        ),
        # A kick the VAR orders retaken no longer counts.
        ([*kicks((HOME, True), (AWAY, True)), var(200, 101, VarDecision.GOAL_DISALLOWED)], Score(1, 0)),
    ],
)
def test_shootout_score_counts_kicks_scored(events: list[EventFact], expected: Score | None) -> None:
    assert shootout_score(events) == expected


def test_missed_penalty_in_normal_time_does_not_start_a_shootout() -> None:
    assert shootout_score([miss(1, HOME, P2, 70)]) is None
