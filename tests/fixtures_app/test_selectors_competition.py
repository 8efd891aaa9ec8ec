"""A competition season's overview, its leaders and its tables' notes, read from the database."""

import datetime as dt
import zoneinfo

import pytest

from fixtures_app.models import MatchEvent, PointsDeduction, Stage
from fixtures_app.selectors.competition import competition_page
from fixtures_app.selectors.fixtures import fixtures_by_round
from fixtures_app.selectors.leaders import season_leaders
from fixtures_app.selectors.tables import stage_table
from tests.factories import (
    make_competition,
    make_match,
    make_player,
    make_result,
    make_season,
    make_stage,
    make_team,
)

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
DAY = dt.datetime(2024, 11, 7, 20, 0, tzinfo=dt.UTC)


def event(match, team, player, kind: str, minute: int = 10, **fields) -> MatchEvent:
    period = 1 if minute <= 45 else 2
    return MatchEvent.objects.create(
        match=match, team=team, player=player, kind=kind, period=period, minute=minute, **fields
    )


@pytest.fixture
def league():
    stage = make_stage(make_season(make_competition("Premier League")))
    clubs = {name: make_team(name) for name in ("Arsenal", "Chelsea", "Everton", "Luton")}
    return stage, clubs


def test_latest_round_is_the_one_with_the_latest_match_played_and_next_the_soonest_to_play(league):
    stage, c = league
    make_result(c["Arsenal"], c["Chelsea"], stage, round_name="Matchday 1", kickoff=DAY)
    make_result(c["Everton"], c["Luton"], stage, round_name="Matchday 1", kickoff=DAY + dt.timedelta(days=1))
    make_match(c["Chelsea"], c["Everton"], stage, round_name="Matchday 2", kickoff=DAY + dt.timedelta(days=7))
    make_match(c["Luton"], c["Arsenal"], stage, round_name="Matchday 3", kickoff=DAY + dt.timedelta(days=14))
    page = competition_page("premier-league", stage.season.slug, tz=LONDON)
    assert (page.latest.heading, page.next.heading) == (
        "Matchday 1 · 7\N{EN DASH}8 Nov 2024",
        "Matchday 2 · 14 Nov 2024",
    )
    assert [game.result for game in page.latest.games] == ["Arsenal 1-0 Chelsea", "Everton 1-0 Luton"]
    assert [table.stage for table in page.tables] == ["League"]


def test_a_season_not_begun_has_no_latest_round_and_one_over_has_no_next(league):
    stage, c = league
    make_match(c["Arsenal"], c["Chelsea"], stage, round_name="Matchday 1", kickoff=DAY)
    page = competition_page("premier-league", stage.season.slug, tz=LONDON)
    assert (page.latest, page.next.title) == (None, "Matchday 1")
    other = make_stage(make_season(make_competition("Cup")))
    make_result(stage=other, round_name="Final", kickoff=DAY)
    page = competition_page("cup", other.season.slug, tz=LONDON)
    assert (page.latest.title, page.next) == ("Final", None)


def test_another_sports_season_has_no_table_and_no_leaders():
    season = make_season(make_competition("NFL", sport="american_football"), name="2026")
    make_match(stage=make_stage(season, name="Week 12"), round_name="Week 12", kickoff=DAY)
    page = competition_page("nfl", "2026", tz=LONDON)
    assert (page.tables, page.leaders, page.next.title) == ([], None, "Week 12")


def test_round_dates_are_the_readers_days():
    stage = make_stage(make_season(make_competition("Premier League")))
    late = dt.datetime(2024, 11, 7, 23, 30, tzinfo=dt.UTC)  # half past midnight on the 8th in Paris
    make_match(stage=stage, round_name="Matchday 4", kickoff=late)
    assert fixtures_by_round("premier-league", stage.season.slug, tz=LONDON).rounds[0].dates == "7 Nov 2024"
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    assert fixtures_by_round("premier-league", stage.season.slug, tz=paris).rounds[0].dates == "8 Nov 2024"


def test_leaders_link_players_and_their_clubs(league):
    stage, c = league
    match = make_result(c["Arsenal"], c["Chelsea"], stage, score=(2, 1))
    saka, rice, palmer = (
        make_player("Saka", name="Bukayo Saka"),
        make_player("Rice", name="Declan Rice"),
        make_player("Palmer", name="Cole Palmer"),
    )
    event(match, c["Arsenal"], saka, "goal", 12, goal_type="open_play", assist=rice)
    event(match, c["Arsenal"], saka, "goal", 60, goal_type="open_play")
    event(match, c["Chelsea"], palmer, "goal", 70, goal_type="penalty")
    event(match, c["Arsenal"], rice, "yellow", 80)
    leaders = season_leaders(stage.season)
    boards = {board.slug: board for board in leaders.boards}
    assert list(boards) == ["scorers", "assists", "yellow-cards", "red-cards"]
    scorers = [
        (line.rank, line.player, line.team, line.value, line.penalties) for line in boards["scorers"].lines
    ]
    assert scorers == [("1", "Bukayo Saka", "Arsenal", 2, 0), ("2", "Cole Palmer", "Chelsea", 1, 1)]
    first = boards["scorers"].lines[0]
    assert (first.player_url, first.team_url) == (saka.get_absolute_url(), "/teams/arsenal/")
    assert [(line.player, line.value) for line in boards["assists"].lines] == [("Declan Rice", 1)]
    assert [line.player for line in boards["yellow-cards"].lines] == ["Declan Rice"]
    assert boards["red-cards"].lines == []


def test_without_assists_recorded_the_leaders_say_so_rather_than_list_zeros(league):
    stage, c = league
    match = make_result(c["Arsenal"], c["Chelsea"], stage)
    event(match, c["Arsenal"], make_player("Saka"), "goal", 12, goal_type="open_play")
    leaders = season_leaders(stage.season)
    assert (leaders.assists_known, [board.slug for board in leaders.boards]) == (
        False,
        ["scorers", "yellow-cards", "red-cards"],
    )


def test_leaders_take_one_query_however_many_events(league, django_assert_num_queries):
    stage, c = league
    for minute in range(1, 30):
        match = make_result(c["Arsenal"], c["Chelsea"], stage)
        event(match, c["Arsenal"], make_player(), "goal", minute, goal_type="open_play", assist=make_player())
    with django_assert_num_queries(1):
        season_leaders(stage.season)


def test_a_table_notes_deductions_and_tie_breaks_on_the_rows_they_are_about(league):
    stage, c = league
    make_result(c["Arsenal"], c["Luton"], stage, score=(3, 0))
    make_result(c["Chelsea"], c["Everton"], stage, score=(1, 0))
    PointsDeduction.objects.create(season=stage.season, team=c["Everton"], points=2, reason="Financial rules")
    table = stage_table(Stage.objects.select_related("season__competition").get(pk=stage.pk))
    assert [(note.number, note.text) for note in table.notes] == [
        (1, "Level on 3 points: Arsenal above Chelsea on goal difference (+3 v +1)."),
        (2, "Everton \N{MINUS SIGN}2 points: Financial rules."),
    ]
    assert {row.team: row.notes for row in table.rows} == {
        "Arsenal": (1,),
        "Chelsea": (1,),
        "Luton": (),
        "Everton": (2,),
    }
