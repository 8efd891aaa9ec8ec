import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.test import Client

from polls.models import Vote
from polls.services import poll_close
from polls.voters import VOTER_COOKIE
from tests.factories import make_open_poll

pytestmark = pytest.mark.django_db

AS_SCRIPT = {"headers": {"Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}}


@pytest.fixture
def poll():
    return make_open_poll()


def answer(poll, key):
    return poll.options.get(key=key).pk


def vote_url(poll):
    return f"/polls/{poll.pk}/vote/"


def test_a_form_vote_is_counted_and_redirects_back_to_the_poll(client, poll):
    response = client.post(vote_url(poll), {"option": answer(poll, "away")})
    assert response.status_code == 302
    assert response["Location"] == f"{poll.match.get_absolute_url()}#poll"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Thanks, your vote for {poll.match.away_team.name} is in."
    ]
    assert Vote.objects.get().option.key == "away"
    assert VOTER_COOKIE in response.cookies


def test_voting_again_changes_nothing_and_reminds_the_fan(client, poll):
    client.post(vote_url(poll), {"option": answer(poll, "away")})
    response = client.post(vote_url(poll), {"option": answer(poll, "home")})
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == (
        f"You have already voted: {poll.match.away_team.name}."
    )
    assert Vote.objects.get().option.key == "away"


def test_a_script_vote_answers_with_the_poll_as_the_fan_sees_it(client, poll):
    response = client.post(vote_url(poll), {"option": answer(poll, "home")}, **AS_SCRIPT)
    data = response.json()
    assert response.status_code == 200
    assert data["counted"] is True
    assert data["poll"]["total"] == 1
    assert data["poll"]["choice"] == answer(poll, "home")
    assert [o["percent"] for o in data["poll"]["options"]] == [100.0, 0.0, 0.0]
    again = client.post(vote_url(poll), {"option": answer(poll, "draw")}, **AS_SCRIPT).json()
    assert again["counted"] is False
    assert again["message"].startswith("You have already voted")


def test_asking_for_json_alone_is_enough(client, poll):
    response = client.post(
        vote_url(poll), {"option": answer(poll, "home")}, headers={"Accept": "application/json"}
    )
    assert response.json()["counted"] is True


def test_a_logged_in_fan_votes_once_by_account_on_any_device(poll):
    user = User.objects.create_user("fan")
    phone, laptop = Client(), Client()
    phone.force_login(user)
    laptop.force_login(user)
    phone.post(vote_url(poll), {"option": answer(poll, "home")})
    laptop.post(vote_url(poll), {"option": answer(poll, "away")})
    assert list(Vote.objects.values_list("voter_key", "option__key")) == [(f"user:{user.pk}", "home")]


@pytest.mark.parametrize(
    ("option", "status", "message"),
    [
        ("", 400, "Choose one of the answers."),
        ("home", 400, "Choose one of the answers."),
        ("999999", 400, "That answer is not one of this poll's answers."),
    ],
)
def test_a_vote_without_a_valid_answer_is_refused(client, poll, option, status, message):
    response = client.post(vote_url(poll), {"option": option}, **AS_SCRIPT)
    assert (response.status_code, response.json()) == (status, {"error": message})
    assert not Vote.objects.exists()


def test_an_answer_of_another_poll_is_refused(client, poll):
    other = make_open_poll()
    response = client.post(vote_url(poll), {"option": answer(other, "home")}, **AS_SCRIPT)
    assert response.status_code == 400
    assert not Vote.objects.exists()


def test_a_vote_on_a_closed_poll_is_refused_with_a_page_saying_why(client, poll):
    poll_close(poll=poll)
    response = client.post(vote_url(poll), {"option": answer(poll, "home")})
    assert response.status_code == 409
    assert b"This poll is closed" in response.content
    assert f'href="{poll.match.get_absolute_url()}#poll"'.encode() in response.content
    assert not Vote.objects.exists()


def test_a_vote_on_a_closed_poll_is_refused_in_json(client, poll):
    poll_close(poll=poll)
    response = client.post(vote_url(poll), {"option": answer(poll, "home")}, **AS_SCRIPT)
    assert response.status_code == 409
    assert "closed" in response.json()["error"]


def test_a_vote_without_the_csrf_token_is_refused(poll):
    client = Client(enforce_csrf_checks=True)
    response = client.post(vote_url(poll), {"option": answer(poll, "home")})
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_a_vote_with_the_csrf_token_is_counted(poll, settings):
    client = Client(enforce_csrf_checks=True)
    token = "t" * 32
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    response = client.post(vote_url(poll), {"option": answer(poll, "home"), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Vote.objects.count() == 1


def test_a_flood_from_one_fan_is_refused(client, poll, settings):
    settings.POLLS_VOTE_RATE_PER_FAN = "3/m"
    statuses = [
        client.post(vote_url(poll), {"option": answer(poll, "home")}, **AS_SCRIPT).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    refused = client.post(vote_url(poll), {"option": answer(poll, "home")}, **AS_SCRIPT)
    assert "Too many votes" in refused.json()["error"]
    assert Vote.objects.count() == 1


def test_a_flood_from_one_address_without_cookies_is_refused(poll, settings):
    settings.POLLS_VOTE_RATE_PER_ADDRESS = "3/m"
    statuses = [Client().post(vote_url(poll), {"option": answer(poll, "home")}).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Vote.objects.count() == 3


def test_a_vote_must_be_posted(client, poll):
    assert client.get(vote_url(poll)).status_code == 405


def test_a_vote_on_an_unknown_poll_is_not_found(client):
    assert client.post("/polls/999999/vote/", {"option": "1"}).status_code == 404
