"""Opta MA3 match events read into a replay, without a database."""

import datetime as dt

import pytest

from feeds.replay import parse_feed
from feeds.replay.opta import parse_opta
from feeds.replay.steps import FeedError, Shot, StepKind
from football.events import GoalType, Period, Side
from tests.feeds.replay_feeds import opta_feed


@pytest.fixture
def feed() -> dict:
    return opta_feed()


def test_match_info_gives_teams_kickoff_competition_and_venue(feed):
    replay = parse_opta(feed)
    assert (replay.home.name, replay.away.name) == ("Hamburger SV", "Sandhausen")
    assert (replay.home.short_name, replay.home.code, replay.away.country) == ("Hamburg", "HSV", "Germany")
    assert replay.kickoff == dt.datetime(2021, 9, 11, 18, 30, tzinfo=dt.UTC)
    assert (replay.competition, replay.venue, replay.provider) == (
        "2. Bundesliga",
        "Volksparkstadion",
        "Opta",
    )


def test_line_ups_come_from_the_team_set_up(feed):
    players = parse_opta(feed).home.players
    assert len(players) == 14
    assert [player.starter for player in players] == [True] * 11 + [False] * 3
    assert [player.id for player in players if player.captain] == ["h5"]
    assert (players[0].position, players[1].position, players[9].position, players[11].position) == (
        "Goalkeeper",
        "Defender",
        "Forward",
        "",
    )
    assert (players[9].shirt_number, players[9].known_as) == (10, "N. H10")


def test_a_substitute_who_never_came_on_is_known_by_his_number(feed):
    players = {player.id: player for player in parse_opta(feed).home.players}
    assert players["h12"].known_as == "N. H12"
    assert (players["h13"].known_as, players["h13"].name) == ("No. 13", "Hamburger SV No. 13")


def test_steps_in_match_order_with_minutes_as_fans_write_them(feed):
    steps = [
        (step.kind, step.period, step.minute, step.added_minute, step.side) for step in parse_opta(feed).steps
    ]
    assert steps == [
        (StepKind.PERIOD_START, Period.FIRST_HALF, 1, 0, None),
        (StepKind.SHOT, Period.FIRST_HALF, 2, 0, Side.AWAY),
        (StepKind.YELLOW, Period.FIRST_HALF, 11, 0, Side.AWAY),
        (StepKind.SHOT, Period.FIRST_HALF, 21, 0, Side.HOME),
        (StepKind.SHOT, Period.FIRST_HALF, 31, 0, Side.HOME),
        (StepKind.GOAL, Period.FIRST_HALF, 45, 0, Side.AWAY),
        (StepKind.PERIOD_END, Period.FIRST_HALF, 45, 1, None),
        (StepKind.PERIOD_START, Period.SECOND_HALF, 46, 0, None),
        (StepKind.SUBSTITUTION, Period.SECOND_HALF, 61, 0, Side.HOME),
        (StepKind.SECOND_YELLOW, Period.SECOND_HALF, 72, 0, Side.AWAY),
        (StepKind.GOAL, Period.SECOND_HALF, 74, 0, Side.AWAY),
        (StepKind.MISSED_PENALTY, Period.SECOND_HALF, 81, 0, Side.AWAY),
        (StepKind.NOTE, Period.SECOND_HALF, 90, 4, Side.AWAY),
        (StepKind.RED, Period.SECOND_HALF, 90, 5, Side.HOME),
        (StepKind.GOAL, Period.SECOND_HALF, 90, 6, Side.HOME),
        (StepKind.PERIOD_END, Period.SECOND_HALF, 90, 8, None),
    ]


def test_own_goal_is_on_the_side_of_the_player_who_scored_it_whichever_team_the_feed_names(feed):
    own_goal = next(step for step in parse_opta(feed).steps if step.goal_type is GoalType.OWN_GOAL)
    assert (own_goal.player, own_goal.side, own_goal.shot) == ("a4", Side.AWAY, None)


def test_penalty_goal_and_header(feed):
    goals = [step for step in parse_opta(feed).steps if step.kind is StepKind.GOAL]
    assert [(step.player, step.goal_type, step.detail) for step in goals] == [
        ("a4", GoalType.OWN_GOAL, ""),
        ("a8", GoalType.PENALTY, ""),
        ("h9", GoalType.OPEN_PLAY, "header"),
    ]
    assert goals[1].shot == Shot(expected_goals=None, on_target=True)


def test_shots_on_target_are_saved_and_not_blocked(feed):
    shots = [step.shot for step in parse_opta(feed).steps if step.kind is StepKind.SHOT]
    assert [shot.on_target for shot in shots] == [True, False, False]
    assert all(shot.expected_goals is None for shot in shots)


def test_substitution_pairs_the_player_off_with_the_player_on(feed):
    substitution = next(step for step in parse_opta(feed).steps if step.kind is StepKind.SUBSTITUTION)
    assert (substitution.player, substitution.player_in) == ("h10", "h12")


def test_card_without_a_player_is_a_note_about_a_team_official(feed):
    note = next(step for step in parse_opta(feed).steps if step.kind is StepKind.NOTE)
    assert (note.player, note.text) == ("", "Yellow card shown to a Sandhausen official.")


def test_periods_end_once_each_with_the_share_of_passes(feed):
    ends = [step for step in parse_opta(feed).steps if step.kind is StepKind.PERIOD_END]
    assert [(step.period, step.possession) for step in ends] == [(1, (67, 33)), (2, None)]


def test_parse_feed_recognises_opta(feed):
    assert parse_feed(feed) == parse_opta(feed)


def test_a_feed_without_a_home_team_is_refused(feed):
    feed["matchInfo"]["contestant"].pop(1)
    with pytest.raises(FeedError, match="no home team"):
        parse_opta(feed)
