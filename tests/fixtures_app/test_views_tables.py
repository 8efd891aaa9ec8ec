"""Table, fixtures and club pages, and the table as JSON."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fixtures_app.models import PointsDeduction, Stage
from tests.factories import make_competition, make_match, make_result, make_season, make_stage, make_team

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.fixture
def league():
    season = make_season(make_competition("Premier League"))
    stage = make_stage(season)
    clubs = [make_team(name) for name in ("Arsenal", "Chelsea", "Everton", "Luton")]
    make_result(clubs[0], clubs[1], stage, (2, 0))
    make_result(clubs[2], clubs[3], stage, (1, 1))
    return stage, clubs


def table_url(stage: Stage) -> str:
    return reverse("fixtures_app:table", args=["premier-league", stage.season.slug])


def api_url(competition: str = "premier-league", season: str = "2023-24") -> str:
    return reverse("fixtures_app:api-table", args=[competition, season])


def test_table_page_names_the_rule_and_lists_the_clubs(client, league):
    stage, _ = league
    response = client.get(table_url(stage))
    text = page_text(response)
    assert response.status_code == 200
    assert "Premier League 2023/24: table" in text
    assert "Sorted by Premier League rules: points, goal difference, goals scored, head-to-head" in text
    assert re.search(r"1 Arsenal 1 1 0 0 2 0 \+2 3 W", text)
    assert "Provisional" not in text


def test_table_page_marks_a_provisional_table_and_deductions(client, league):
    stage, clubs = league
    make_match(clubs[1], clubs[3], stage, status="first_half", home_score=0, away_score=0)
    PointsDeduction.objects.create(season=stage.season, team=clubs[2], points=3, reason="Financial rules")
    text = page_text(client.get(table_url(stage)))
    assert "Provisional" in text
    assert "Matches in play count with their current score" in text
    assert "Everton \N{MINUS SIGN}3 points: Financial rules." in text


def test_table_page_takes_the_same_queries_with_more_matches(client, league, django_assert_num_queries):
    stage, clubs = league
    with CaptureQueriesContext(connection) as few:
        client.get(table_url(stage))
    for _ in range(20):
        make_result(clubs[3], clubs[0], stage, (1, 2))
    with django_assert_num_queries(len(few)):
        response = client.get(table_url(stage))
    assert "22" in page_text(response)


@pytest.mark.parametrize(
    "path", ["/competitions/nope/2023-24/table/", "/competitions/premier-league/1999-00/table/"]
)
def test_unknown_table_is_not_found(client, league, path):
    assert client.get(path).status_code == 404


def test_table_page_shows_one_stage_when_asked(client):
    season = make_season(make_competition("Premier League"))
    for name in ("Group A", "Group B"):
        make_result(stage=make_stage(season, name=name, kind=Stage.Kind.GROUP))
    url = reverse("fixtures_app:table", args=["premier-league", season.slug])
    assert "Group B" in page_text(client.get(url))
    text = page_text(client.get(url + "?stage=group-a"))
    assert "Group A" in text and "Group B" not in text
    assert client.get(url + "?stage=group-z").status_code == 404


def test_api_table_gives_the_rows_as_a_list(client, league):
    response = client.get(api_url())
    assert response.status_code == 200
    rows = response.json()
    assert rows[0] == {
        "position": 1,
        "team": "Arsenal",
        "played": 1,
        "won": 1,
        "drawn": 0,
        "lost": 0,
        "goals_for": 2,
        "goals_against": 0,
        "goal_difference": 2,
        "points": 3,
        "deducted": 0,
        "form": "W",
    }
    assert [row["position"] for row in rows] == [1, 2, 2, 4]


@pytest.mark.parametrize(("competition", "season"), [("nope", "2023-24"), ("premier-league", "1999-00")])
def test_api_table_of_an_unknown_season_is_a_json_404(client, league, competition, season):
    response = client.get(api_url(competition, season))
    assert response.status_code == 404
    assert "error" in response.json()


def test_api_table_asks_which_stage_when_there_are_several(client):
    season = make_season(make_competition("Premier League"))
    for name in ("Group A", "Group B"):
        make_result(stage=make_stage(season, name=name, kind=Stage.Kind.GROUP))
    response = client.get(api_url())
    assert (response.status_code, response.json()["stages"]) == (400, ["group-a", "group-b"])
    assert len(client.get(api_url() + "?stage=group-b").json()) == 2
    assert client.get(api_url() + "?stage=group-z").status_code == 404


def test_fixtures_page_lists_rounds_and_results(client, league):
    stage, clubs = league
    make_match(clubs[3], clubs[0], stage, round_name="Matchday 2")
    response = client.get(reverse("fixtures_app:fixtures", args=["premier-league", stage.season.slug]))
    text = page_text(response)
    assert response.status_code == 200
    assert "Arsenal 2-0 Chelsea" in text
    assert "Matchday 2" in text and "Luton v Arsenal" in text


def test_fixtures_page_of_an_unknown_season_is_not_found(client):
    assert client.get(reverse("fixtures_app:fixtures", args=["nope", "2023-24"])).status_code == 404


def test_team_page_lists_its_matches(client, league):
    _, clubs = league
    response = client.get(reverse("fixtures_app:team", args=["arsenal"]))
    text = page_text(response)
    assert response.status_code == 200
    assert "Arsenal 2-0 Chelsea" in text
    assert "Everton" not in text
    assert client.get(reverse("fixtures_app:team", args=["nobody"])).status_code == 404


def test_partials_render_from_their_context(league):
    from django.template.loader import render_to_string

    from fixtures_app.selectors.fixtures import game_history, todays_games
    from fixtures_app.selectors.tables import table_for_match

    stage, clubs = league
    match = make_match(clubs[1], clubs[0], stage)
    table = table_for_match(match)
    rendered = render_to_string("fixtures_app/_table.html", {"table": table, "highlight": table.highlight})
    assert rendered.count("is-highlighted") == 2
    assert '<abbr title="Goal difference">GD</abbr>' in rendered
    games = todays_games(day=match.kickoff.date(), tz=match.kickoff.tzinfo)
    assert "Chelsea v Arsenal" in render_to_string("fixtures_app/_todays_games.html", {"todays_games": games})
    history = render_to_string("fixtures_app/_game_history.html", {"history": game_history(match)})
    assert "Arsenal 2-0 Chelsea" in history  # their other meeting, kicking off at the same time
