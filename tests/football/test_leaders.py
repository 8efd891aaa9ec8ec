"""A season's leaders: goals, assists, yellow and red cards, shared ranks. No database."""

import itertools

import pytest

from football.events import EventFact, EventKind, GoalType, Period, Side, VarDecision
from football.leaders import Board, board, season_leaders

SALAH, NUNEZ, SAKA, RICE = 11, 9, 7, 41
NAMES = {SALAH: "Mohamed Salah", NUNEZ: "Darwin Núñez", SAKA: "Bukayo Saka", RICE: "Declan Rice"}
_ids = itertools.count(1)
GOAL, YELLOW, SECOND_YELLOW, RED, VAR = (
    EventKind.GOAL,
    EventKind.YELLOW,
    EventKind.SECOND_YELLOW,
    EventKind.RED,
    EventKind.VAR,
)


def event(kind: EventKind, player: int | None, minute: int = 10, **more) -> EventFact:
    period = more.pop("period", Period.FIRST_HALF if minute <= 45 else Period.SECOND_HALF)
    return EventFact(
        id=more.pop("id", next(_ids)),
        kind=kind,
        period=period,
        minute=minute,
        side=Side.HOME,
        player_id=player,
        **more,
    )


def goal(player: int, goal_type: GoalType = GoalType.OPEN_PLAY, **more) -> EventFact:
    return event(GOAL, player, goal_type=goal_type, **more)


def table(found: Board) -> list[tuple[str, int, int]]:
    return [(leader.rank_label, leader.player_id, leader.value) for leader in found.leaders]


def leaders_of(*matches: list[EventFact], assists=None, limit=10):
    return season_leaders(matches, assists=assists or {}, names=NAMES, limit=limit)


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([goal(SALAH), goal(SALAH, GoalType.PENALTY)], [("1", SALAH, 2)]),
        ([goal(SALAH, GoalType.OWN_GOAL), goal(NUNEZ)], [("1", NUNEZ, 1)]),
        (
            [
                goal(SALAH, id=500),
                event(VAR, None, reverses_id=500, var_decision=VarDecision.GOAL_DISALLOWED),
            ],
            [],
        ),
        ([goal(SALAH, period=Period.PENALTIES, minute=120)], []),
        ([goal(SALAH, period=Period.EXTRA_FIRST_HALF, minute=95)], [("1", SALAH, 1)]),
    ],
    ids=[
        "penalty-counts",
        "own-goal-does-not",
        "var-disallowed-does-not",
        "shoot-out-kick-is-no-goal",
        "extra-time",
    ],
)
def test_top_scorers_count_the_goals_that_stand(events, expected):
    assert table(leaders_of(events).scorers) == expected


def test_penalties_are_counted_among_the_goals_and_shown_apart():
    found = leaders_of([goal(SALAH, GoalType.PENALTY), goal(SALAH), goal(NUNEZ, GoalType.PENALTY)]).scorers
    assert [(leader.player_id, leader.value, leader.penalties) for leader in found.leaders] == [
        (SALAH, 2, 1),
        (NUNEZ, 1, 1),
    ]


def test_goals_add_up_over_the_season():
    found = leaders_of([goal(SAKA)], [goal(SAKA), goal(SALAH)], [goal(SAKA)]).scorers
    assert table(found) == [("1", SAKA, 3), ("2", SALAH, 1)]


def test_players_level_share_a_rank_listed_by_name_and_the_next_rank_skips():
    found = leaders_of([goal(SALAH), goal(SALAH), goal(SAKA), goal(NUNEZ), goal(RICE)]).scorers
    assert table(found) == [("1", SALAH, 2), ("=2", SAKA, 1), ("=2", NUNEZ, 1), ("=2", RICE, 1)]
    assert board({SALAH: 1, SAKA: 3, NUNEZ: 3, RICE: 1}, NAMES).leaders[2].rank_label == "=3"


def test_a_table_lists_at_most_its_limit_and_counts_those_level_left_out():
    found = leaders_of([goal(SALAH), goal(SALAH), goal(SAKA), goal(NUNEZ), goal(RICE)], limit=2).scorers
    assert table(found) == [("1", SALAH, 2), ("=2", SAKA, 1)]
    assert (found.more, found.last_value) == (2, 1)


def test_assists_count_goals_set_up_that_stand():
    first, second, disallowed = goal(SALAH), goal(NUNEZ), goal(SALAH, id=900)
    var = event(VAR, None, reverses_id=900, var_decision=VarDecision.GOAL_DISALLOWED)
    found = leaders_of(
        [first, second, disallowed, var], assists={first.id: NUNEZ, second.id: SALAH, 900: NUNEZ}
    )
    assert found.assists is not None
    assert table(found.assists) == [("=1", NUNEZ, 1), ("=1", SALAH, 1)]


def test_without_any_assist_recorded_there_is_no_assists_table():
    found = leaders_of([goal(SALAH)])
    assert found.assists is None
    assert found.empty is False


@pytest.mark.parametrize(
    ("events", "yellows", "reds"),
    [
        ([event(YELLOW, RICE)], [("1", RICE, 1)], []),
        ([event(YELLOW, RICE), event(SECOND_YELLOW, RICE, 60)], [("1", RICE, 1)], [("1", RICE, 1)]),
        (
            [event(YELLOW, RICE), event(SECOND_YELLOW, RICE, 60), event(RED, RICE, 60)],
            [("1", RICE, 1)],
            [("1", RICE, 1)],
        ),
        (
            [
                event(RED, RICE, id=700),
                event(VAR, None, 62, reverses_id=700, var_decision=VarDecision.RED_RESCINDED),
            ],
            [],
            [],
        ),
        ([event(RED, SAKA)], [], [("1", SAKA, 1)]),
    ],
    ids=[
        "yellow",
        "second-yellow-is-one-red",
        "second-yellow-and-red-count-once",
        "rescinded-red",
        "straight-red",
    ],
)
def test_cards(events, yellows, reds):
    found = leaders_of(events)
    assert (table(found.yellow_cards), table(found.red_cards)) == (yellows, reds)


def test_reds_in_two_matches_count_twice():
    found = leaders_of([event(RED, SAKA)], [event(YELLOW, SAKA), event(SECOND_YELLOW, SAKA, 70)])
    assert table(found.red_cards) == [("1", SAKA, 2)]


def test_a_season_without_events_has_empty_leaders():
    assert leaders_of([]).empty is True
