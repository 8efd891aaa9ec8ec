"""StatsBomb events and line-ups read into a replay, without a database."""

import pytest

from feeds.replay import parse_feed
from feeds.replay.statsbomb import parse_statsbomb
from feeds.replay.steps import FeedError, Shot, StepKind
from football.events import GoalType, Period, Side
from tests.feeds.replay_feeds import statsbomb_events, statsbomb_lineups


@pytest.fixture
def events() -> list[dict]:
    return statsbomb_events()


@pytest.fixture
def lineups() -> list[dict]:
    return statsbomb_lineups()


def kinds(replay) -> list[tuple]:
    return [(step.kind, step.period, step.minute, step.added_minute, step.side) for step in replay.steps]


def test_teams_come_from_the_starting_elevens_home_first(events, lineups):
    replay = parse_statsbomb(events, lineups)
    assert (replay.home.name, replay.away.name) == ("Reds", "Blues")
    assert replay.provider == "StatsBomb" and replay.kickoff is None and replay.competition == ""


def test_line_ups_have_starters_first_then_the_bench_with_shirts_and_known_names(events, lineups):
    players = parse_statsbomb(events, lineups).home.players
    assert [player.id for player in players] == [str(number) for number in range(1, 14)]
    assert [player.starter for player in players] == [True] * 11 + [False] * 2
    first, second = players[0], players[1]
    assert (first.known_as, first.name, first.shirt_number, first.position) == (
        "P1",
        "Player 1",
        1,
        "Goalkeeper",
    )
    assert (second.known_as, second.position) == ("Player 2", "Defender")
    assert not any(player.captain for player in players)


def test_without_line_ups_the_bench_is_who_came_on(events):
    away = parse_statsbomb(events).away
    assert [(player.id, player.starter) for player in away.players][-1] == ("112", False)
    assert len(away.players) == 12


def test_steps_in_match_order_with_minutes_as_fans_write_them(events, lineups):
    assert kinds(parse_statsbomb(events, lineups)) == [
        (StepKind.PERIOD_START, Period.FIRST_HALF, 1, 0, None),
        (StepKind.SHOT, Period.FIRST_HALF, 5, 0, Side.HOME),
        (StepKind.YELLOW, Period.FIRST_HALF, 12, 0, Side.HOME),
        (StepKind.GOAL, Period.FIRST_HALF, 19, 0, Side.HOME),
        (StepKind.SHOT, Period.FIRST_HALF, 21, 0, Side.AWAY),
        (StepKind.RED, Period.FIRST_HALF, 33, 0, Side.HOME),
        (StepKind.GOAL, Period.FIRST_HALF, 45, 2, Side.AWAY),
        (StepKind.PERIOD_END, Period.FIRST_HALF, 45, 4, None),
        (StepKind.PERIOD_START, Period.SECOND_HALF, 46, 0, None),
        (StepKind.SUBSTITUTION, Period.SECOND_HALF, 46, 0, Side.AWAY),
        (StepKind.GOAL, Period.SECOND_HALF, 53, 0, Side.AWAY),
        (StepKind.MISSED_PENALTY, Period.SECOND_HALF, 61, 0, Side.HOME),
        (StepKind.SECOND_YELLOW, Period.SECOND_HALF, 71, 0, Side.HOME),
        (StepKind.SHOT, Period.SECOND_HALF, 81, 0, Side.AWAY),
        (StepKind.GOAL, Period.SECOND_HALF, 90, 2, Side.HOME),
        (StepKind.PERIOD_END, Period.SECOND_HALF, 90, 4, None),
    ]


def test_goals_carry_their_type_and_shot(events, lineups):
    goals = [step for step in parse_statsbomb(events, lineups).steps if step.kind is StepKind.GOAL]
    assert [(step.player, step.goal_type) for step in goals] == [
        ("10", GoalType.OPEN_PLAY),
        ("110", GoalType.PENALTY),
        ("104", GoalType.OWN_GOAL),
        ("10", GoalType.OPEN_PLAY),
    ]
    assert goals[0].shot == Shot(expected_goals=0.1455, on_target=True)
    assert goals[2].shot is None  # an own goal is nobody's shot
    assert goals[3].detail == "free kick"


def test_own_goal_is_on_the_side_of_the_player_who_scored_it(events, lineups):
    own_goal = next(
        step for step in parse_statsbomb(events, lineups).steps if step.goal_type is GoalType.OWN_GOAL
    )
    assert own_goal.side is Side.AWAY


def test_shots_say_whether_they_were_on_target(events, lineups):
    shots = [step for step in parse_statsbomb(events, lineups).steps if step.kind is StepKind.SHOT]
    assert [step.shot for step in shots] == [
        Shot(expected_goals=0.0885, on_target=True),
        Shot(expected_goals=0.02, on_target=False),
        Shot(expected_goals=0.1, on_target=False),
    ]
    assert shots[0].detail == "header"


def test_a_saved_penalty_is_a_missed_penalty_and_still_a_shot_on_target(events, lineups):
    missed = next(
        step for step in parse_statsbomb(events, lineups).steps if step.kind is StepKind.MISSED_PENALTY
    )
    assert (missed.player, missed.shot) == ("9", Shot(expected_goals=0.76, on_target=True))


def test_substitution_names_both_players(events, lineups):
    substitution = next(
        step for step in parse_statsbomb(events, lineups).steps if step.kind is StepKind.SUBSTITUTION
    )
    assert (substitution.player, substitution.player_in) == ("108", "112")


def test_each_half_ends_with_its_share_of_the_passes(events, lineups):
    ends = [step for step in parse_statsbomb(events, lineups).steps if step.kind is StepKind.PERIOD_END]
    assert [(step.clock, step.possession) for step in ends] == [
        (48 * 60 + 1, (75, 25)),
        (93 * 60 + 8, (50, 50)),
    ]


def test_parse_feed_recognises_statsbomb(events, lineups):
    assert parse_feed(events, lineups) == parse_statsbomb(events, lineups)


def test_a_feed_without_two_starting_elevens_is_refused(events):
    with pytest.raises(FeedError, match="two 'Starting XI'"):
        parse_statsbomb(events[1:])
