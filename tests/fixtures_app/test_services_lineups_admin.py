"""The admin's line-up rows refuse what the line-up service refuses: a player of another club,
a side not in the match; names already on the sheet and left alone pass."""

import pytest

from fixtures_app.models import LineupEntry, SquadMember
from tests.factories import add_to_lineup, make_match, make_player, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    add_to_lineup(match, match.away_team, "Salah")
    return match


def save_with_row(admin_client, match, *, team, player):
    """Posts the match's admin page with one line-up row added."""
    url = f"/admin/fixtures_app/match/{match.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    salah = match.lineup.get()
    data.update(
        {
            "kickoff_0": "2024-04-18",
            "kickoff_1": "19:00:00",
            "lineup-TOTAL_FORMS": 2,
            "lineup-INITIAL_FORMS": 1,
            "lineup-0-id": salah.pk,
            "lineup-0-match": match.pk,
            "lineup-0-team": salah.team_id,
            "lineup-0-player": salah.player_id,
            "lineup-0-starter": "on",
            "lineup-0-order": 1,
            "lineup-1-match": match.pk,
            "lineup-1-team": team.pk,
            "lineup-1-player": player.pk,
            "lineup-1-starter": "on",
            "lineup-1-order": 2,
        }
    )
    return admin_client.post(url, data)


def test_the_admin_refuses_another_clubs_player_by_name(admin_client, match):
    lookman = make_player("Lookman")
    SquadMember.objects.create(season=match.stage.season, team=match.home_team, player=lookman)
    response = save_with_row(admin_client, match, team=match.away_team, player=lookman)
    assert response.status_code == 200
    assert "Lookman plays for Atalanta this season, not for Liverpool" in response.content.decode()
    assert not LineupEntry.objects.filter(player=lookman).exists()


def test_the_admin_refuses_a_side_not_in_the_match(admin_client, match):
    everton = make_team("Everton")
    response = save_with_row(admin_client, match, team=everton, player=make_player("Pickford"))
    assert response.status_code == 200 and "Everton is not playing in this match" in response.content.decode()
    assert not LineupEntry.objects.filter(team=everton).exists()


def test_the_admin_adds_a_clubs_own_player(admin_client, match):
    szoboszlai = make_player("Szoboszlai")
    SquadMember.objects.create(season=match.stage.season, team=match.away_team, player=szoboszlai)
    response = save_with_row(admin_client, match, team=match.away_team, player=szoboszlai)
    assert response.status_code == 302
    assert LineupEntry.objects.get(player=szoboszlai).team == match.away_team


def save_formations(admin_client, match, *, home: str, away: str):
    """Posts the match's admin page with its line-up as it is and the two formations given."""
    url = f"/admin/fixtures_app/match/{match.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    salah = match.lineup.get()
    data.update(
        {
            "kickoff_0": "2024-04-18",
            "kickoff_1": "19:00:00",
            "home_formation": home,
            "away_formation": away,
            "lineup-TOTAL_FORMS": 1,
            "lineup-INITIAL_FORMS": 1,
            "lineup-0-id": salah.pk,
            "lineup-0-match": match.pk,
            "lineup-0-team": salah.team_id,
            "lineup-0-player": salah.player_id,
            "lineup-0-starter": "on",
            "lineup-0-order": 1,
        }
    )
    return admin_client.post(url, data)


def test_the_admin_sets_formations_the_sites_way_and_fans_pages_redraw(admin_client, match):
    before = match.seq
    response = save_formations(admin_client, match, home="3421", away="4-3-3")
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.home_formation, match.away_formation) == ("3-4-2-1", "4-3-3")
    assert match.seq > before and match.updates.latest("seq").kind == "lineups_changed"


def test_the_admin_refuses_a_formation_saying_why(admin_client, match):
    response = save_formations(admin_client, match, home="4-4-3", away="")
    assert response.status_code == 200
    assert "4-4-3 has 11 outfield players" in response.content.decode()
    match.refresh_from_db()
    assert match.home_formation == ""
