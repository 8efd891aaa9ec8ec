"""Real matches from ../shared/data/events replayed: the right scores, goal minutes and
sendings-off, checked against the key-events digests of the same feeds, with nothing refused."""

import json
from decimal import Decimal

import pytest
from django.utils import timezone

from feeds.replay import feed_key, parse_feed
from feeds.replay.player import replay_play
from feeds.replay.summary import replay_summary
from fixtures_app.models import MatchEvent, MatchStat

pytestmark = [pytest.mark.needs_data, pytest.mark.django_db]

MATCHES = {
    # feed: (line-ups, key events, score, half-time score, goals, sendings-off)
    "statsbomb_15986_events.json": (
        "statsbomb_15986_lineups.json",
        "statsbomb_15986_key_events.json",
        [2, 2],
        [1, 1],
        ["19'", "45'", "51'", "63'"],
        [("33'", "red", "Barcelona")],
    ),
    "statsbomb_3788741_events.json": (
        "statsbomb_3788741_lineups.json",
        "statsbomb_3788741_key_events.json",
        [0, 3],
        [0, 0],
        ["53'", "66'", "79'"],
        [],
    ),
    "statsbomb_15946_events.json": (
        "statsbomb_15946_lineups.json",
        "statsbomb_15946_key_events.json",
        [3, 0],
        [0, 0],
        ["64'", "83'", "90+2'"],
        [],
    ),
    "opta_ma3_hamburg-sandhausen_2021-09-11.json": (
        None,
        "statsperform_ma3_hamburg-sandhausen_key_events.json",
        [2, 1],
        [0, 0],
        ["74'", "87'", "90+6'"],
        [("72'", "second_yellow", "Sandhausen")],
    ),
}
GOAL_TYPES = {"goal": "open_play", "penalty_goal": "penalty", "own_goal": "own_goal"}
SENDINGS_OFF = {"red_card": "red", "second_yellow": "second_yellow"}


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def replayed(shared_data, feed: str):
    folder = shared_data / "events"
    lineups = MATCHES[feed][0]
    replay = parse_feed(read(folder / feed), read(folder / lineups) if lineups else None)
    report = replay_play(replay=replay, key=feed_key(feed), kickoff=replay.kickoff or timezone.now())
    return report, replay_summary(report.match, now=timezone.now(), refusals=report.refusals)


def key_events(shared_data, feed: str) -> dict:
    return read(shared_data / "events" / "key_events" / MATCHES[feed][1])


def same_team(ours: str, theirs: str) -> bool:
    """The digest's spelling of a club ("SV Sandhausen") against the feed's ("Sandhausen")."""
    return ours in theirs or theirs in ours


@pytest.mark.parametrize("feed", MATCHES)
def test_replay_ends_with_the_real_scores_goal_minutes_and_sendings_off(shared_data, feed):
    _, _, score, half_time, goal_minutes, sendings_off = MATCHES[feed]
    digest = key_events(shared_data, feed)
    report, summary = replayed(shared_data, feed)
    assert report.refusals == []
    assert (summary["state"]["status"], summary["score"], summary["half_time_score"]) == (
        "full_time",
        score,
        half_time,
    )
    assert [goal["minute"] for goal in summary["goals"]] == goal_minutes
    assert [(card["minute"], card["kind"], card["team"]) for card in summary["sendings_off"]] == sendings_off
    # The same, against the digest of the feed.
    assert [summary["score"], summary["half_time_score"]] == [
        list(digest["final_score"].values()),
        list(digest["half_time_score"].values()),
    ]
    goals = [entry for entry in digest["key_events"] if entry["type"] in GOAL_TYPES]
    assert [(goal["minute"], goal["goal_type"], goal["score"]) for goal in summary["goals"]] == [
        (entry["display_minute"], GOAL_TYPES[entry["type"]], list(entry["score_after"].values()))
        for entry in goals
    ]
    assert all(
        same_team(ours["team"], theirs["team"]) for ours, theirs in zip(summary["goals"], goals, strict=True)
    )
    offs = [entry for entry in digest["key_events"] if entry["type"] in SENDINGS_OFF]
    assert [(card["minute"], card["kind"]) for card in summary["sendings_off"]] == [
        (entry["display_minute"], SENDINGS_OFF[entry["type"]]) for entry in offs
    ]


@pytest.mark.parametrize("feed", MATCHES)
def test_every_card_substitution_and_xg_of_the_digest_is_replayed(shared_data, feed):
    digest = key_events(shared_data, feed)
    report, _ = replayed(shared_data, feed)
    events = MatchEvent.objects.filter(match=report.match)
    booked = [
        entry
        for entry in digest["key_events"]
        if entry["type"] in ("yellow_card", "second_yellow", "red_card")
    ]
    with_player = [entry for entry in booked if entry.get("player")]
    assert events.filter(kind__in=["yellow", "second_yellow", "red"]).count() == len(with_player)
    # A card shown to a team official (no player) is told in the commentary.
    assert events.filter(kind="commentary").count() == len(booked) - len(with_player)
    substitutions = [entry for entry in digest["key_events"] if entry["type"] == "substitution"]
    assert events.filter(kind="substitution").count() == len(substitutions)
    for team in (report.match.home_team, report.match.away_team):
        stats = MatchStat.objects.filter(match=report.match, team=team)
        assert sorted(stats.values_list("period", flat=True)) == [1, 2]
        assert all(stat.possession is not None for stat in stats)
        if digest.get("xg_totals"):
            # Each half's xG is kept to two decimals, so the match's may be a hundredth out.
            xg = sum(stat.expected_goals for stat in stats)
            assert abs(xg - Decimal(str(digest["xg_totals"][team.name]))) <= Decimal("0.011")
