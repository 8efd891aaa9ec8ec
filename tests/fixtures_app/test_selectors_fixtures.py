"""Today's games, fixtures by round, a club's matches and earlier meetings."""

import datetime as dt
import zoneinfo

import pytest

from fixtures_app.models import Stage
from fixtures_app.selectors.fixtures import fixtures_by_round, game_history, team_matches, todays_games
from tests.factories import make_competition, make_match, make_result, make_season, make_stage, make_team

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
UTC_EVENING = dt.datetime(2024, 4, 18, 19, 0, tzinfo=dt.UTC)


def nfl_stage() -> Stage:
    return make_stage(make_season(make_competition("NFL", sport="american_football")), name="Week 1")


def test_todays_games_covers_every_sport_on_the_readers_day_in_kickoff_order():
    bears, vikings = (
        make_team("Chicago Bears", short_name="Bears"),
        make_team("Minnesota Vikings", short_name="Vikings"),
    )
    late = make_match(bears, vikings, nfl_stage(), kickoff=dt.datetime(2024, 4, 18, 22, 30, tzinfo=dt.UTC))
    early = make_result(make_team("Atalanta"), make_team("Liverpool"), score=(0, 1), kickoff=UTC_EVENING)
    make_match(kickoff=dt.datetime(2024, 4, 18, 23, 30, tzinfo=dt.UTC))  # 00:30 on the 19th in London
    games = todays_games(day=dt.date(2024, 4, 18), tz=LONDON)
    assert [game.match for game in games] == [early, late]
    assert [game.strip for game in games] == ["8pm Atalanta v Liverpool", "11.30pm Vikings @ Bears"]
    assert (games[0].score, games[0].state, games[1].score, games[1].state) == (
        "0-1",
        "final",
        "",
        "scheduled",
    )
    assert games[0].url == early.get_absolute_url()


def test_todays_games_follow_the_readers_zone():
    match = make_match(kickoff=dt.datetime(2024, 4, 18, 23, 30, tzinfo=dt.UTC))
    assert todays_games(day=dt.date(2024, 4, 18), tz=dt.UTC)[0].match == match
    assert todays_games(day=dt.date(2024, 4, 18), tz=LONDON) == []
    assert todays_games(day=dt.date(2024, 4, 19), tz=LONDON)[0].kickoff_time == "12.30am"


def test_a_live_game_shows_its_current_score():
    make_match(kickoff=UTC_EVENING, status="first_half", home_score=1, away_score=0)
    game = todays_games(day=dt.date(2024, 4, 18), tz=LONDON)[0]
    assert (game.state, game.score) == ("live", "1-0")


def test_fixtures_by_round_group_rounds_and_days():
    season = make_season(make_competition("Premier League"))
    stage = make_stage(season)
    for day, round_name in ((1, "Matchday 1"), (1, "Matchday 1"), (2, "Matchday 1"), (8, "Matchday 2")):
        make_match(stage=stage, round_name=round_name, kickoff=UTC_EVENING + dt.timedelta(days=day))
    page = fixtures_by_round("premier-league", season.slug, tz=LONDON)
    assert [(r.title, [len(d.games) for d in r.days]) for r in page.rounds] == [
        ("Matchday 1", [2, 1]),
        ("Matchday 2", [1]),
    ]


def test_fixtures_of_several_stages_name_the_stage():
    season = make_season(make_competition("Cup"))
    make_match(stage=make_stage(season, name="Final", kind=Stage.Kind.KNOCKOUT, order=2))
    make_match(
        stage=make_stage(season, name="Group A", kind=Stage.Kind.GROUP, order=1), round_name="Matchday 1"
    )
    page = fixtures_by_round("cup", season.slug, tz=LONDON)
    assert [r.title for r in page.rounds] == ["Group A · Matchday 1", "Final"]


def test_team_matches_split_results_and_fixtures():
    club = make_team("Liverpool")
    older = make_result(club, kickoff=UTC_EVENING - dt.timedelta(days=7))
    newer = make_result(away=club, kickoff=UTC_EVENING)
    upcoming = make_match(club, kickoff=UTC_EVENING + dt.timedelta(days=3))
    page = team_matches("liverpool", tz=LONDON)
    assert [g.match for g in page.results] == [newer, older]
    assert [g.match for g in page.fixtures] == [upcoming]


def test_game_history_lists_the_other_played_meetings_at_either_ground_newest_first():
    atalanta, liverpool = make_team("Atalanta"), make_team("Liverpool")
    match = make_match(atalanta, liverpool, kickoff=UTC_EVENING)
    first_leg = make_result(liverpool, atalanta, score=(0, 3), kickoff=UTC_EVENING - dt.timedelta(days=7))
    older = make_result(atalanta, liverpool, score=(0, 2), kickoff=UTC_EVENING - dt.timedelta(days=1200))
    make_result(atalanta, make_team("Roma"), kickoff=UTC_EVENING - dt.timedelta(days=3))
    make_match(liverpool, atalanta, kickoff=UTC_EVENING - dt.timedelta(days=30), status="postponed")
    later = make_result(liverpool, atalanta, kickoff=UTC_EVENING + dt.timedelta(days=30))
    history = game_history(match, tz=LONDON)
    assert [g.match for g in history.past] == [later, first_leg, older]
    assert history.past[1].result == "Liverpool 0-3 Atalanta"
    assert len(game_history(match, limit=1, tz=LONDON).past) == 1


def test_lists_take_the_same_queries_however_many_matches(django_assert_num_queries):
    club = make_team("Liverpool")
    for days in range(6):
        make_result(club, kickoff=UTC_EVENING + dt.timedelta(hours=days))
    with django_assert_num_queries(1):
        todays_games(day=dt.date(2024, 4, 18), tz=LONDON)
    with django_assert_num_queries(2):
        team_matches("liverpool", tz=LONDON)
