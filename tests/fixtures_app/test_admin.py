import pytest

from fixtures_app.models import Match, MatchEvent
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    add_to_lineup(match, match.away_team, "Salah")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    return match


def event_form(match, **fields):
    salah = match.lineup.get().player
    data = {
        "match": match.pk,
        "kind": "goal",
        "period": "",
        "minute": 7,
        "added_minute": 0,
        "team": match.away_team.pk,
        "player": salah.pk,
        "goal_type": "penalty",
        "detail": "",
        "text": "",
    }
    data.update(fields)
    return data


def test_editor_records_a_goal_in_the_admin_and_the_score_follows(admin_client, match):
    response = admin_client.post("/admin/fixtures_app/matchevent/add/", event_form(match))
    assert response.status_code == 302, response.context["adminform"].form.errors
    match.refresh_from_db()
    assert (match.home_score, match.away_score) == (0, 1)


def test_admin_refuses_an_impossible_minute_with_the_services_message(admin_client, match):
    response = admin_client.post("/admin/fixtures_app/matchevent/add/", event_form(match, minute=75))
    assert response.status_code == 200
    assert "second half has not started" in response.content.decode()
    assert not MatchEvent.objects.filter(kind="goal").exists()


def test_admin_refuses_a_status_change_the_rules_do_not_allow(admin_client, match):
    url = f"/admin/fixtures_app/match/{match.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        {
            "status": "full_time",
            "kickoff_0": "2024-04-18",
            "kickoff_1": "19:00:00",
            "lineup-TOTAL_FORMS": 1,
            "lineup-INITIAL_FORMS": 1,
            "lineup-0-id": match.lineup.get().pk,
            "lineup-0-match": match.pk,
            "lineup-0-team": match.away_team.pk,
            "lineup-0-player": match.lineup.get().player_id,
            "lineup-0-starter": "on",
            "lineup-0-order": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "can go to" in response.content.decode()
    assert Match.objects.get(pk=match.pk).status == "first_half"


@pytest.mark.parametrize(
    "model",
    [
        "competition",
        "season",
        "stage",
        "tie",
        "team",
        "venue",
        "player",
        "squadmember",
        "match",
        "matchevent",
        "pointsdeduction",
        "matchstat",
        "matchupdate",
    ],
)
def test_every_model_has_an_admin_list(admin_client, match, model):
    assert admin_client.get(f"/admin/fixtures_app/{model}/").status_code == 200


def test_deleting_the_first_yellow_of_a_second_yellow_in_the_admin_is_explained_not_made(admin_client, match):
    from fixtures_app.services.events import match_record_event

    salah = match.lineup.get().player
    first, second = (
        match_record_event(
            match=match, kind="yellow", minute=minute, team=match.away_team, player=salah
        ).event
        for minute in (20, 40)
    )
    response = admin_client.post(
        f"/admin/fixtures_app/matchevent/{first.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert "second yellow at 40&#x27; needs a yellow card before it" in response.content.decode()
    assert MatchEvent.objects.filter(pk=first.pk).exists()
    action = {"action": "delete_selected", "post": "yes", "_selected_action": [first.pk, second.pk]}
    response = admin_client.post("/admin/fixtures_app/matchevent/", action, follow=True)
    assert "was kept" in response.content.decode()


def test_a_match_added_in_the_admin_gets_its_poll_until_kick_off(admin_client):
    from tests.factories import make_stage

    stage, home, away = make_stage(), make_team("Everton"), make_team("Fulham")
    data = {
        "stage": stage.pk,
        "home_team": home.pk,
        "away_team": away.pk,
        "status": "scheduled",
        "kickoff_0": "2099-08-16",
        "kickoff_1": "15:00:00",
        "version": 1,
        "seq": 0,
        "lineup-TOTAL_FORMS": 0,
        "lineup-INITIAL_FORMS": 0,
    }
    response = admin_client.post("/admin/fixtures_app/match/add/", data, follow=True)
    assert "poll is open on it until kick-off" in response.content.decode(), response.content.decode()[:3000]
    match = Match.objects.get(home_team=home)
    assert match.polls.get().closes_at == match.kickoff
