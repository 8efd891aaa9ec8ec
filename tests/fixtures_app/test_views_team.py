"""A club's page as a fan reads it: what it shows, for football and for other sports."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from fixtures_app.models import SquadMember
from tests.factories import (
    make_competition,
    make_match,
    make_player,
    make_result,
    make_season,
    make_stage,
    make_team,
)
from tests.fixtures_app.test_other_sports import FOOTBALL_FURNITURE, visible_text

pytestmark = pytest.mark.django_db
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")

# What a club's page shows only for football, on top of what other sports' pages never show.
CLUB_FURNITURE = (*FOOTBALL_FURNITURE, "Form", "Head-to-head", "Squad", " pts", "in NFL")


def team_url(slug: str) -> str:
    return reverse("fixtures_app:team", args=[slug])


@pytest.fixture
def liverpool():
    """Liverpool's league: two results, Arsenal next, a squad of three; Everton play elsewhere."""
    now = timezone.now()
    league = make_stage(make_season(make_competition("Premier League"), name="2026/27"))
    liverpool, arsenal, chelsea = make_team("Liverpool"), make_team("Arsenal"), make_team("Chelsea")
    make_result(liverpool, chelsea, league, (2, 0), kickoff=now - dt.timedelta(days=14))
    make_result(arsenal, liverpool, league, (3, 1), kickoff=now - dt.timedelta(days=7))
    make_result(make_team("Everton"), chelsea, league, (0, 0), kickoff=now - dt.timedelta(days=7))
    make_match(liverpool, arsenal, league, kickoff=now + dt.timedelta(days=3))
    for known_as, number, position in [
        ("Alisson", 1, "Goalkeeper"),
        ("Van Dijk", 4, "Defender"),
        ("Salah", 11, "Forward"),
    ]:
        player = make_player(
            known_as, name=f"{known_as} Becker" if known_as == "Alisson" else known_as, position=position
        )
        SquadMember.objects.create(season=league.season, team=liverpool, player=player, shirt_number=number)
    return liverpool


def test_club_page_shows_standing_next_match_form_head_to_head_results_fixtures_and_squad(client, liverpool):
    response = client.get(team_url("liverpool"))
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(html).replace("Number ", "")
    assert "<title>Liverpool — MatchCentre</title>" in html
    assert re.search(r"<h1[^>]*>Liverpool</h1>", html)
    # Level with Arsenal on points, behind on goal difference.
    assert "2nd in Premier League, 3 pts 2026/27" in text
    assert "Next match ARS v Arsenal (home)" in text  # ARS: the crest's letters
    assert "Form last five, newest first L Lost 1-3 v Arsenal (away)" in text
    assert "W Won 2-0 v Chelsea (home)" in text
    assert "Head-to-head v Arsenal Liverpool: 0 won 0 drawn 1 lost" in text
    assert "Results" in text and "Fixtures" in text
    assert "Squad Goalkeepers 1 Alisson Becker Defenders 4 Van Dijk Forwards 11 Salah" in text


def test_player_names_link_to_their_pages(client, liverpool):
    html = client.get(team_url("liverpool")).content.decode()
    salah = SquadMember.objects.get(player__known_as="Salah").player
    assert f'<a href="{salah.get_absolute_url()}">Salah</a>' in html


def test_next_kickoff_is_written_in_the_readers_zone(client, liverpool):
    client.cookies["tz"] = "America/New_York"
    html = client.get(team_url("liverpool")).content.decode()
    kickoff = liverpool.home_matches.get(status="scheduled").kickoff.astimezone(NEW_YORK)
    written = f"{kickoff:%A} {kickoff.day} {kickoff:%B %Y, %H:%M}"
    assert f'<time datetime="{kickoff.isoformat()}" data-local>{written}</time>' in html


def test_unknown_club_is_not_found(client):
    assert client.get(team_url("nobody")).status_code == 404


def test_an_nfl_teams_page_has_its_games_and_none_of_footballs_furniture(client):
    week = make_stage(make_season(make_competition("NFL", sport="american_football"), name="2026"))
    bears = make_team("Chicago Bears", short_name="Bears", sport="american_football")
    vikings = make_team("Minnesota Vikings", short_name="Vikings", sport="american_football")
    make_result(bears, vikings, week, (20, 17), kickoff=timezone.now() - dt.timedelta(days=7))
    make_match(vikings, bears, week, kickoff=timezone.now() + dt.timedelta(days=3))
    html = client.get(team_url("chicago-bears")).content.decode()
    shown = [word for word in CLUB_FURNITURE if word in html]
    assert shown == []
    text = visible_text(html)
    assert "Next match MIN at Minnesota Vikings (away)" in text  # MIN: the crest's letters
    assert "Vikings 17-20 Bears" in text
    assert "NFL 2026" in text


def test_query_count_does_not_grow_with_matches_or_players(client, liverpool, django_assert_max_num_queries):
    league = SquadMember.objects.first().season.stages.get()
    rivals = [make_team(f"Rival {number}") for number in range(12)]
    for number, rival in enumerate(rivals):
        make_result(
            liverpool, rival, league, (number % 3, 1), kickoff=timezone.now() - dt.timedelta(days=30 + number)
        )
        make_match(rival, liverpool, league, kickoff=timezone.now() + dt.timedelta(days=10 + number))
        player = make_player(f"Squad player {number}", position="Midfielder")
        SquadMember.objects.create(
            season=league.season, team=liverpool, player=player, shirt_number=20 + number
        )
    with django_assert_max_num_queries(5):  # the club, its matches, its table (2), its squad
        response = client.get(team_url("liverpool"))
    assert response.status_code == 200
    assert "Squad player 11" in response.content.decode()


def test_a_club_without_matches_says_so_in_each_section(client):
    make_team("Wrexham")
    text = visible_text(client.get(team_url("wrexham")).content.decode())
    assert "Next match No match of Wrexham is scheduled yet." in text
    assert "Form last five, newest first No results yet." in text
    assert "Fixtures No fixtures scheduled." in text
    assert "Head-to-head" not in text and "Squad" not in text
