"""The player's page as a fan opens it: his numbers, his matches, the right address."""

import datetime as dt
import html
import re

import pytest

from fixtures_app.models import LineupEntry, Match, MatchEvent, Player
from tests.factories import KICKOFF, make_player, make_result, make_team

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    """The page as a reader sees it: tags gone, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.fixture
def salah() -> Player:
    """Salah: two matches for Liverpool, a penalty in the first, on at 60' in the second."""
    liverpool, atalanta = make_team("Liverpool"), make_team("Atalanta")
    player = make_player(
        "Salah", name="Mohamed Salah", position="Forward", date_of_birth=dt.date(1992, 6, 15)
    )
    first = make_result(atalanta, liverpool, score=(0, 1), kickoff=KICKOFF)
    LineupEntry.objects.create(match=first, team=liverpool, player=player, shirt_number=11)
    MatchEvent.objects.create(
        match=first, team=liverpool, kind="goal", goal_type="penalty", period=1, minute=7, player=player
    )
    MatchEvent.objects.create(match=first, team=liverpool, kind="yellow", period=2, minute=70, player=player)
    second = make_result(liverpool, atalanta, score=(0, 3), kickoff=KICKOFF - dt.timedelta(days=7))
    LineupEntry.objects.create(match=second, team=liverpool, player=player, shirt_number=11, starter=False)
    MatchEvent.objects.create(
        match=second,
        team=liverpool,
        kind="substitution",
        period=2,
        minute=60,
        player=make_player(),
        player_in=player,
    )
    return player


def test_player_page_shows_who_he_is_and_his_club(client, salah):
    response = client.get(salah.get_absolute_url())
    text = page_text(response)

    assert response.status_code == 200
    assert "<h1" in response.content.decode() and "Mohamed Salah" in text
    assert 'href="/teams/liverpool/"' in response.content.decode()
    assert "Position Forward" in text
    assert "Shirt 11" in text
    assert "Born 15 June 1992 (age" in text


def test_player_page_shows_his_numbers(client, salah):
    text = page_text(client.get(salah.get_absolute_url()))

    assert re.search(r"Appearances 2 1 start, 1 as sub", text)
    assert re.search(r"Goals 1 1 pen\.", text)
    assert re.search(r"Minutes 120 ", text)
    assert re.search(r"Yellow cards 1 ", text)
    assert re.search(r"All matches 2 \(1\) 120 1 \(1 pen\.\) 0 1 0", text)


def test_player_page_lists_his_matches_with_links_newest_first(client, salah):
    response = client.get(salah.get_absolute_url())
    text = page_text(response)
    newest, oldest = Match.objects.order_by("-kickoff")

    assert re.search(
        r"18 Apr 2024 .* A Atalanta W 1-0 90 min .* 11 Apr 2024 .* H Atalanta L 0-3 30 min on 60'", text
    )
    content = response.content.decode()
    assert content.index(newest.get_absolute_url()) < content.index(oldest.get_absolute_url())


def test_a_wrong_name_in_the_address_redirects_for_good_to_the_right_one(client, salah):
    response = client.get(f"/players/{salah.pk}/mo-salah/")

    assert response.status_code == 301
    assert response["Location"] == f"/players/{salah.pk}/mohamed-salah/"


def test_the_short_address_redirects_for_good_too(client, salah):
    response = client.get(f"/players/{salah.pk}/")

    assert (response.status_code, response["Location"]) == (301, salah.get_absolute_url())


def test_an_unknown_player_is_a_clear_404_page(client):
    response = client.get("/players/999999/nobody/")

    assert response.status_code == 404
    assert "No such player" in page_text(response)
    assert 'href="/"' in response.content.decode()


def test_a_player_with_no_match_says_so(client):
    player = make_player("Unused", name="Reserve Keeper")

    text = page_text(client.get(player.get_absolute_url()))

    assert "No appearances in the matches we hold yet." in text
    assert "No club on record" in text
