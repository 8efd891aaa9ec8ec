"""Playing a replay through the editors' write path: the match, its line-ups, events, stats."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from feeds.replay.player import Pacer, replay_play
from feeds.replay.setup import season_name
from feeds.replay.statsbomb import parse_statsbomb
from feeds.replay.steps import ReplayStep, StepKind
from fixtures_app.models import LineupEntry, MatchEvent, MatchStat, MatchUpdate
from football.events import Period, Side
from tests.feeds.replay_feeds import statsbomb_events, statsbomb_lineups

KICKOFF = dt.datetime(2018, 9, 23, 18, 45, tzinfo=dt.UTC)


@pytest.fixture
def replay():
    return parse_statsbomb(statsbomb_events(), statsbomb_lineups())


def play(replay, **options):
    return replay_play(replay=replay, key="statsbomb_test", kickoff=KICKOFF, **options)


@pytest.mark.django_db
def test_replay_plays_the_whole_match_into_the_replays_competition(replay):
    report = play(replay)
    match = report.match
    match.refresh_from_db()
    assert (report.refusals, report.reset) == ([], False)
    assert (match.status, match.home_score, match.away_score) == ("full_time", 3, 1)
    assert (match.home_half_time_score, match.away_half_time_score) == (1, 1)
    assert (match.home_team.name, match.away_team.name, match.round_name) == (
        "Reds",
        "Blues",
        "statsbomb_test",
    )
    assert str(match.stage) == "Replays 2018/19 · Replays"


@pytest.mark.django_db
def test_replay_builds_line_ups_with_starters_bench_and_shirts(replay):
    match = play(replay).match
    lineup = LineupEntry.objects.filter(match=match, team=match.home_team)
    assert lineup.count() == 13
    assert lineup.filter(starter=True).count() == 11
    first = lineup.get(order=1)
    assert (first.player.known_as, first.shirt_number, first.position) == ("P1", 1, "Goalkeeper")


@pytest.mark.django_db
def test_events_are_recorded_by_the_replay_user_at_the_minutes_fans_write(replay):
    match = play(replay).match
    events = MatchEvent.objects.filter(match=match).exclude(kind__in=["period_start", "period_end"])
    lines = [(event.kind, event.minute, event.added_minute, event.goal_type) for event in events]
    assert lines == [
        ("yellow", 12, 0, ""),
        ("goal", 19, 0, "open_play"),
        ("red", 33, 0, ""),
        ("goal", 45, 2, "penalty"),
        ("substitution", 46, 0, ""),
        ("goal", 53, 0, "own_goal"),
        ("missed_penalty", 61, 0, ""),
        ("second_yellow", 71, 0, ""),
        ("goal", 90, 2, "open_play"),
    ]
    assert {event.created_by.username for event in events} == {"replay"}
    ends = MatchEvent.objects.filter(match=match, kind="period_end")
    assert [(event.minute, event.added_minute) for event in ends] == [(45, 4), (90, 4)]


@pytest.mark.django_db
def test_periods_start_at_kickoff_plus_match_time_with_a_real_break(replay):
    match = play(replay).match
    match.refresh_from_db()
    assert match.first_half_started_at == KICKOFF
    assert match.second_half_started_at == KICKOFF + dt.timedelta(minutes=48, seconds=1 + 15 * 60)


@pytest.mark.django_db
def test_shots_on_target_xg_and_possession_per_side_and_half(replay):
    match = play(replay).match
    figures = {
        (stat.team.name, stat.period): (
            stat.shots,
            stat.shots_on_target,
            stat.expected_goals,
            stat.possession,
        )
        for stat in MatchStat.objects.filter(match=match)
    }
    assert figures == {
        ("Reds", 1): (2, 2, Decimal("0.23"), 75),
        ("Blues", 1): (2, 1, Decimal("0.78"), 25),
        ("Reds", 2): (2, 2, Decimal("1.03"), 50),
        ("Blues", 2): (1, 0, Decimal("0.10"), 50),
    }


def with_steps(replay, *extra: ReplayStep):
    steps = sorted([*replay.steps, *extra], key=lambda step: (step.period, step.clock))
    return dataclasses.replace(replay, steps=tuple(steps))


@pytest.mark.django_db
def test_a_refused_step_is_reported_and_the_replay_goes_on(replay):
    second = Period.SECOND_HALF
    replay = with_steps(
        replay,
        ReplayStep(StepKind.YELLOW, second, 80 * 60, 81, side=Side.HOME, player="3"),
        ReplayStep(StepKind.GOAL, second, 85 * 60, 86, side=Side.AWAY, player="999"),
    )
    lines = []
    report = play(replay, progress=lines.append)
    assert report.refusals == [
        "81' yellow: P3 has already been sent off (33').",
        "86' goal: player 999 is not in the feed's line-up for Blues",
    ]
    assert [line for line in lines if line.startswith("Refused")] == [
        f"Refused {line}" for line in report.refusals
    ]
    report.match.refresh_from_db()
    assert (report.match.status, report.match.home_score, report.match.away_score) == ("full_time", 3, 1)


@pytest.mark.django_db
def test_replaying_the_same_feed_again_resets_its_match(replay):
    first = play(replay)
    updates = MatchUpdate.objects.filter(match=first.match).count()
    again = play(replay)
    assert again.reset and again.match.pk == first.match.pk
    assert MatchEvent.objects.filter(match=first.match, kind="goal").count() == 4
    assert LineupEntry.objects.filter(match=first.match).count() == 26
    assert MatchUpdate.objects.filter(match=first.match).count() == updates
    again.match.refresh_from_db()
    assert again.match.seq > updates


@pytest.mark.django_db
def test_speed_60_plays_the_match_in_a_sixtieth_of_its_time(replay):
    now = [0.0]

    def sleep(seconds):
        now[0] += seconds

    play(replay, speed=60, sleep=sleep, clock=lambda: now[0])
    # The final whistle: 48:01 of first half, a 15-minute break, 48:08 of second half.
    assert now[0] == pytest.approx((48 * 60 + 1 + 15 * 60 + 48 * 60 + 8) / 60)


def test_pacer_waits_until_each_moment_is_due():
    now, waits = [100.0], []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    pacer = Pacer(60, sleep=sleep, clock=lambda: now[0])
    for match_seconds in (0, 60, 60, 600, 5400):
        pacer.wait_for(match_seconds)
    assert waits == [1, 9, 80]


def test_pacer_at_speed_0_never_waits():
    waits = []
    pacer = Pacer(0, sleep=waits.append, clock=lambda: 0.0)
    pacer.wait_for(5400)
    assert waits == []


@pytest.mark.parametrize(
    ("day", "season"),
    [
        (dt.date(2018, 9, 23), ("2018/19", "2018-19")),
        (dt.date(2019, 5, 1), ("2018/19", "2018-19")),
        (dt.date(2021, 6, 11), ("2020/21", "2020-21")),
        (dt.date(1999, 7, 1), ("1999/00", "1999-00")),
    ],
)
def test_season_turns_on_the_first_of_july(day, season):
    assert season_name(day) == season
