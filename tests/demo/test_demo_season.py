"""The demo hangs together: its Premier League season runs up to the day it is loaded, every
result is told by its events, and every event is dated when it happened."""

import datetime as dt
import zoneinfo

import pytest
from django.db import transaction

from demo import europa_league, today
from demo.builders import whistles
from demo.loader import load_demo
from fixtures_app.models import LineupEntry, Match, MatchEvent, MatchUpdate, Player, SquadMember, Stage, Team
from fixtures_app.selectors.facts import event_facts, match_events
from fixtures_app.selectors.tables import stage_table
from football import scoring
from football.events import Period

UK = zoneinfo.ZoneInfo("Europe/London")
# A Saturday afternoon in December; a second load comes five minutes later.
NOW = dt.datetime(2026, 12, 5, 16, 10, tzinfo=dt.UTC)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def loaded(django_db_setup, django_db_blocker):
    """The demo loaded once for the module's tests, and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(now=NOW)
        yield
        transaction.set_rollback(True)


def premier_league() -> Stage:
    return Stage.objects.get(season__competition__name="Premier League", season__name="2026/27")


def finished_games() -> list[Match]:
    return list(Match.objects.filter(stage=premier_league()).finished().with_teams())


def test_the_premier_league_table_has_all_twenty_clubs_with_eleven_or_twelve_played():
    table = stage_table(premier_league())
    assert len(table.rows) == 20
    assert {row.played for row in table.rows} <= {11, 12}
    assert sum(row.played for row in table.rows) == 2 * len(finished_games()) + 2  # and the game in play


def test_todays_games_are_dated_today_and_there_are_recent_results_and_games_to_come():
    today_uk = NOW.astimezone(UK).date()
    day_start = dt.datetime.combine(today_uk, dt.time(0, 0), UK)
    day_end = day_start + dt.timedelta(days=1)
    football = Match.objects.football()
    todays = football.filter(kickoff__gte=day_start, kickoff__lt=day_end)
    assert set(football.in_play()) <= set(todays)
    assert todays.filter(round_name="Matchday 12").count() == 8  # and two of them last night
    assert {m.kickoff.astimezone(UK).date() for m in football.filter(round_name="Matchday 12")} <= {
        today_uk,
        today_uk - dt.timedelta(days=1),
    }
    assert todays.finished().exists() and todays.filter(status="scheduled").exists()
    recent = football.finished().filter(kickoff__gte=day_start - dt.timedelta(days=7), kickoff__lt=day_start)
    assert recent.count() >= 10
    assert football.filter(status="scheduled", kickoff__gte=day_end).count() >= 10


def test_every_matchday_is_a_round_of_ten_in_which_no_club_plays_twice():
    matches = Match.objects.filter(stage=premier_league())
    for number in range(1, 14):
        games = matches.filter(round_name=f"Matchday {number}")
        clubs = [club for game in games for club in (game.home_team_id, game.away_team_id)]
        assert len(clubs) == 20 and len(set(clubs)) == 20, number
    pairs = [frozenset((game.home_team_id, game.away_team_id)) for game in matches]
    assert len(pairs) == len(set(pairs)) == 130


def test_every_finished_game_is_told_by_goals_from_the_right_clubs():
    squads = set(SquadMember.objects.filter(season=premier_league().season).values_list("team", "player"))
    for match in finished_games():
        events = match_events(match)
        facts = event_facts(match, events)
        score, half_time = scoring.score(facts), scoring.half_time_score(facts)
        assert (score.home, score.away) == (match.home_score, match.away_score), match
        assert (half_time.home, half_time.away) == (match.home_half_time_score, match.away_half_time_score)
        for goal in (e for e in events if e.kind == "goal"):
            assert goal.team_id in (match.home_team_id, match.away_team_id)
            assert (goal.team_id, goal.player_id) in squads, goal
            assert goal.assist is None or (goal.team_id, goal.assist_id) in squads
            assert goal.assist_id != goal.player_id


def test_the_leaders_tables_have_scorers_assists_penalties_own_goals_and_cards():
    goals = MatchEvent.objects.filter(match__stage=premier_league(), kind="goal")
    assert goals.count() > 200
    assert goals.filter(assist__isnull=False).count() > goals.count() / 2
    assert goals.filter(goal_type="penalty").exists() and goals.filter(goal_type="own_goal").exists()
    cards = MatchEvent.objects.filter(match__stage=premier_league())
    assert cards.filter(kind="yellow").count() > 200
    assert cards.filter(kind="second_yellow").exists() and cards.filter(kind="red").exists()


def test_every_finished_game_has_two_sheets_of_eleven_and_a_bench_with_shirt_numbers():
    for match in finished_games():
        entries = LineupEntry.objects.filter(match=match)
        for team in (match.home_team_id, match.away_team_id):
            assert entries.filter(team=team, starter=True).count() == 11
            assert entries.filter(team=team, starter=False).exists()
        assert not entries.filter(shirt_number__isnull=True).exists()
        assert match.home_formation and match.away_formation
        for change in match.events.filter(kind="substitution"):
            assert entries.get(player=change.player_in).starter is False


def test_events_are_dated_at_the_moment_they_happened_in_the_match():
    matches = [*finished_games(), Match.objects.in_play().get(), *Match.objects.filter(tie__isnull=False)]
    for match in matches:
        for event in match.events.exclude(kind__in=["period_start", "period_end"]):
            assert event.created_at == moment(match, event), (match, event)
            assert event.updated_at == event.created_at
    stamps = MatchEvent.objects.values_list("created_at", flat=True)
    assert len(set(stamps)) > 1000
    assert not MatchEvent.objects.filter(created_at__gt=NOW).exists()


def test_the_consoles_audit_trail_reads_as_the_match_went():
    live = Match.objects.in_play().get()
    times = list(
        MatchUpdate.objects.filter(match=live).exclude(kind="lineups_changed").values_list("at", flat=True)
    )
    assert times == sorted(times) and len(set(times)) > 3
    assert min(times) == live.kickoff and max(times) <= NOW


def moment(match: Match, event: MatchEvent) -> dt.datetime:
    if event.period == Period.FIRST_HALF:
        return match.first_half_started_at + dt.timedelta(minutes=event.minute - 1 + event.added_minute)
    return match.second_half_started_at + dt.timedelta(minutes=event.minute - 46 + event.added_minute)


def test_the_whistles_fall_after_the_added_time():
    half_time, second_half, full_time = whistles(NOW, (2, 4))
    assert (half_time - NOW, second_half - half_time) == (
        dt.timedelta(minutes=46, seconds=30),
        dt.timedelta(minutes=15),
    )
    assert full_time - second_half == dt.timedelta(minutes=48, seconds=30)


def test_no_club_goes_by_a_feed_spelling_fans_would_find_wrong():
    spellings = {spelling for spelling, club in europa_league.CLUBS.items() if spelling != club.name}
    assert not Team.objects.filter(name__in=spellings).exists()
    kyiv = Team.objects.get(name="Dynamo Kyiv")
    assert "Dinamo Kiev" in kyiv.aliases and Match.objects.filter(home_team=kyiv).exists()
    assert Team.objects.filter(sport="football", short_name="").count() == 0


def test_every_club_of_today_has_a_short_name_and_the_live_sides_wear_their_squad_numbers():
    live = Match.objects.in_play().get()
    numbers = dict(LineupEntry.objects.filter(match=live).values_list("player__known_as", "shirt_number"))
    assert (numbers["Saka"], numbers["Palmer"]) == (7, 10)
    assert (live.home_formation, live.away_formation) == tuple(today.LIVE_MATCH["formations"].values())


def test_the_nfl_slate_is_a_week_of_the_regular_season():
    games = Match.objects.filter(stage__season__competition__name="NFL")
    assert {(g.stage.name, g.stage.season.name, g.round_name) for g in games} == {
        ("Regular season", "2026", "Week 13")
    }


def test_loading_again_changes_nothing():
    counts = {
        model: model.objects.count() for model in (Match, MatchEvent, Player, SquadMember, Team, MatchUpdate)
    }
    load_demo(now=NOW + dt.timedelta(minutes=5))
    assert {model: model.objects.count() for model in counts} == counts
