"""Other sports' pages: what we hold of them (a fixture, a score), never football's furniture."""

import datetime as dt
import re

import pytest

from fixtures_app.models import Stage
from fixtures_app.services.status import match_change_status
from tests.factories import make_competition, make_match, make_result, make_season, make_stage, make_team

pytestmark = pytest.mark.django_db

# What only football has: its stats, line-ups, match-flow chart, minute-by-minute and league table.
FOOTBALL_FURNITURE = (
    "Line-ups",
    "Yellow cards",
    "Red cards",
    "Match stats",
    "Match flow",
    "Minute by minute",
    "Goal difference",
    ">GD<",
    "Premier League rules",
    "goal difference",
)


def nfl_week() -> Stage:
    season = make_season(make_competition("NFL", sport="american_football"), name="2026")
    return make_stage(season, name="Week 12", kind=Stage.Kind.LEAGUE)


def visible_text(html: str) -> str:
    """The text a reader sees in `html` (the page's main part when it is a whole page)."""
    if '<main id="main"' in html:
        html = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def page(client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def assert_no_football_furniture(html: str) -> None:
    shown = [word for word in FOOTBALL_FURNITURE if word in html]
    assert shown == []


@pytest.fixture
def bears_vikings():
    week = nfl_week()
    bears = make_team("Chicago Bears", short_name="Bears", sport="american_football")
    vikings = make_team("Minnesota Vikings", short_name="Vikings", sport="american_football")
    make_match(make_team("Indianapolis Colts"), make_team("Detroit Lions"), week, round_name="Week 12")
    return make_match(
        bears, vikings, week, round_name="Week 12", kickoff=dt.datetime(2026, 12, 3, 18, tzinfo=dt.UTC)
    )


def test_an_nfl_game_page_shows_its_header_and_no_football_furniture(client, bears_vikings):
    html = page(client, bears_vikings.get_absolute_url())
    assert_no_football_furniture(html)
    text = visible_text(html)
    assert "NFL · Week 12" in text and "Week 12 · Week 12" not in text
    assert "Chicago Bears" in text and "Minnesota Vikings" in text
    assert "Share this game" in text and "match" not in text.lower().replace("matchcentre", "")


def test_a_finished_nfl_game_shows_its_score_and_final(client):
    week = nfl_week()
    game = make_result(make_team("Green Bay Packers"), make_team("San Francisco 49ers"), week, score=(20, 17))
    html = page(client, game.get_absolute_url())
    assert_no_football_furniture(html)
    scoreboard = html.split('id="scoreboard"', 1)[1].split("</header>", 1)[0]
    # US style, the visitors first and their score with them: 49ers 17 @ Packers 20.
    assert re.search(r"San Francisco 49ers<.*>17<.*>20<.*Green Bay Packers<", scoreboard, re.S)
    assert 'aria-label="Score: San Francisco 49ers 17, Green Bay Packers 20"' in scoreboard
    assert "Final" in scoreboard and "FT" not in scoreboard


def test_an_nfl_game_in_play_shows_no_football_clock(client, bears_vikings):
    match_change_status(match=bears_vikings, status="first_half", at=bears_vikings.kickoff)
    html = page(client, bears_vikings.get_absolute_url())
    assert 'data-period-started-at=""' in html
    scoreboard = html.split('id="scoreboard"', 1)[1].split("</header>", 1)[0]
    assert "Live" in scoreboard and "'" not in visible_text(scoreboard)


def test_an_nfl_table_page_shows_no_football_table(client, bears_vikings):
    html = page(client, "/competitions/nfl/2026/table/")
    assert_no_football_furniture(html)
    assert "Pts" not in html
    assert "We keep scores of NFL games, not its standings" in visible_text(html)


def test_a_football_match_keeps_its_furniture(client):
    match = make_match(make_team("Arsenal"), make_team("Chelsea"), round_name="Matchday 12")
    html = page(client, match.get_absolute_url())
    for word in ("Line-ups", "Match stats", "Yellow cards", "Goal difference"):
        assert word in html


def test_an_nfl_teams_page_shows_its_games_and_no_football_furniture(client, bears_vikings):
    html = page(client, "/teams/chicago-bears/")
    assert_no_football_furniture(html)
    assert "Vikings" in visible_text(html)
