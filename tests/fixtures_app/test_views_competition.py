"""A competition season's overview page, and what its table and fixtures pages add: round dates,
tie-break notes, leaders."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fixtures_app.models import MatchEvent
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

DAY = dt.datetime(2024, 11, 7, 20, 0, tzinfo=dt.UTC)


def page_text(response) -> str:
    main = response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main)))


@pytest.fixture
def league():
    stage = make_stage(make_season(make_competition("Premier League")))
    clubs = {name: make_team(name) for name in ("Arsenal", "Chelsea", "Everton", "Luton")}
    make_result(clubs["Arsenal"], clubs["Luton"], stage, (3, 0), round_name="Matchday 1", kickoff=DAY)
    make_result(clubs["Chelsea"], clubs["Everton"], stage, (1, 0), round_name="Matchday 1", kickoff=DAY)
    make_match(
        clubs["Luton"], clubs["Chelsea"], stage, round_name="Matchday 2", kickoff=DAY + dt.timedelta(days=7)
    )
    return stage, clubs


def url(name: str, stage) -> str:
    return reverse(f"fixtures_app:{name}", args=["premier-league", stage.season.slug])


def test_overview_shows_latest_and_next_rounds_with_dates_the_table_and_links(client, league):
    stage, _ = league
    response = client.get(url("competition", stage))
    text = page_text(response)
    assert response.status_code == 200
    assert "Premier League 2023/24" in text
    assert "Latest round Matchday 1 · 7 Nov 2024" in text
    assert "Arsenal 3-0 Luton" in text
    assert "Next round Matchday 2 · 14 Nov 2024" in text and "8pm Luton v Chelsea" in text
    assert re.search(r"1 Arsenal 1 1 0 0 \+3 3", text)
    body = response.content.decode()
    for name in ("table", "fixtures"):
        assert f'href="{url(name, stage)}"' in body


def test_overview_shows_leaders_with_links_and_says_when_assists_are_unknown(client, league):
    stage, clubs = league
    match = stage.matches.get(home_team=clubs["Arsenal"])
    saka = make_player("Saka", name="Bukayo Saka")
    for minute in (10, 50, 80):
        MatchEvent.objects.create(
            match=match,
            team=clubs["Arsenal"],
            player=saka,
            kind="goal",
            goal_type="open_play",
            period=1 + (minute > 45),
            minute=minute,
        )
    response = client.get(url("competition", stage))
    text = page_text(response)
    assert re.search(r"Top scorers # Player Goals Pens 1 Bukayo Saka Arsenal 3 0", text)
    assert f'href="{saka.get_absolute_url()}"' in response.content.decode()
    assert "No assists are recorded for this season" in text
    assert "Assists # Player" not in text


def test_overview_of_a_season_without_events_says_so(client, league):
    stage, _ = league
    assert "No goals or cards are recorded for this season's matches yet." in page_text(
        client.get(url("competition", stage))
    )


@pytest.mark.parametrize("path", ["/competitions/nope/2023-24/", "/competitions/premier-league/1999-00/"])
def test_unknown_season_overview_is_not_found(client, league, path):
    assert client.get(path).status_code == 404


def test_an_nfl_overview_shows_its_games_and_no_football_furniture(client):
    season = make_season(make_competition("NFL", sport="american_football"), name="2026")
    week = make_stage(season, name="Week 12")
    make_match(
        make_team("Chicago Bears", short_name="Bears"),
        make_team("Minnesota Vikings", short_name="Vikings"),
        week,
        round_name="Week 12",
        kickoff=DAY,
    )
    response = client.get("/competitions/nfl/2026/")
    text = page_text(response)
    assert "Next round Week 12 · 7 Nov 2024" in text and "Vikings @ Bears" in text
    for word in ("Leaders", "Yellow cards", "goal difference", "Pts", "Table"):
        assert word not in text


def test_table_page_marks_rows_a_tie_break_decided_and_explains_it_under_the_table(client, league):
    stage, _ = league
    body = client.get(url("table", stage)).content.decode()
    text = page_text_of(body)
    assert "Level on 3 points: Arsenal above Chelsea on goal difference (+3 v +1)." in text
    marker = '<a href="#note-league-1"><span class="visually-hidden">note </span>1</a>'
    rows = re.findall(r'<tr class="league-table__row">(.*?)</tr>', body, re.S)
    marked = [re.search(r'<a href="/teams/([^/]+)/">', row).group(1) for row in rows if marker in row]
    assert marked == ["arsenal", "chelsea"]
    assert 'id="note-league-1"' in body


def page_text_of(body: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def test_fixtures_page_heads_each_round_with_its_dates(client, league):
    text = page_text(client.get(url("fixtures", league[0])))
    assert "Matchday 1 · 7 Nov 2024" in text and "Matchday 2 · 14 Nov 2024" in text
    assert text.index("Arsenal 3-0 Luton") < text.index("Matchday 2") < text.index("Luton v Chelsea")


def test_overview_takes_the_same_queries_with_more_matches_and_events(
    client, league, django_assert_num_queries
):
    stage, clubs = league
    with CaptureQueriesContext(connection) as few:
        client.get(url("competition", stage))
    for day in range(1, 11):
        match = make_result(
            clubs["Everton"], clubs["Arsenal"], stage, (0, 1), kickoff=DAY - dt.timedelta(days=day)
        )
        MatchEvent.objects.create(
            match=match,
            team=clubs["Arsenal"],
            player=make_player(),
            kind="goal",
            goal_type="open_play",
            period=1,
            minute=day,
        )
    with django_assert_num_queries(len(few)):
        assert client.get(url("competition", stage)).status_code == 200
