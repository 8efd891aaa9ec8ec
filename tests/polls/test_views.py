import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.test import Client, RequestFactory
from django.utils.html import escape

from polls.models import Vote
from polls.services import poll_close
from polls.voters import VOTER_COOKIE, voter_key
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


BALLOT = "0123456789abcdef0123456789abcdef"  # as the page's script makes them
BALLOT_REFUSED = "This vote could not be read: reload the page and vote again."
VOTING_PAUSED = "Voting is paused for a moment: we can't count votes right now. Try again in a minute."


def fan_of(response) -> str | None:
    """The fan the answer's voter cookie stands for."""
    request = RequestFactory().post("/")
    request.COOKIES[VOTER_COOKIE] = response.cookies[VOTER_COOKIE].value
    return voter_key(request)


def test_a_script_vote_sent_again_with_its_ballot_is_counted_once(poll):
    """The first answer, and the cookie in it, never reached the fan: the page sent the vote again."""
    fields = {"option": answer(poll, "away"), "ballot": BALLOT}
    first = Client().post(vote_url(poll), fields, **AS_SCRIPT)
    again = Client().post(vote_url(poll), fields, **AS_SCRIPT)
    assert again.json() == first.json()
    assert again.json()["counted"] is True
    assert again.json()["poll"]["total"] == 1
    assert list(Vote.objects.values_list("voter_key", flat=True)) == [f"anon:{BALLOT}"]
    assert fan_of(first) == fan_of(again) == f"anon:{BALLOT}"


def test_a_form_post_after_a_lost_script_vote_is_the_same_vote(poll):
    fields = {"option": answer(poll, "home"), "ballot": BALLOT}
    Client().post(vote_url(poll), fields, **AS_SCRIPT)
    response = Client().post(vote_url(poll), fields)
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Thanks, your vote for {poll.match.home_team.name} is in."
    ]
    assert Vote.objects.count() == 1


def test_a_ballot_sent_again_with_another_answer_keeps_the_first(poll):
    Client().post(vote_url(poll), {"option": answer(poll, "home"), "ballot": BALLOT}, **AS_SCRIPT)
    again = Client().post(vote_url(poll), {"option": answer(poll, "away"), "ballot": BALLOT}, **AS_SCRIPT)
    assert again.json()["counted"] is False
    assert again.json()["message"] == f"You have already voted: {poll.match.home_team.name}."
    assert Vote.objects.get().option.key == "home"


def test_a_fan_with_a_voter_cookie_keeps_it_whatever_the_ballot(client, poll):
    client.post(vote_url(poll), {"option": answer(poll, "home")}, **AS_SCRIPT)
    known = fan_of_client(client)
    second = make_open_poll()
    response = client.post(
        vote_url(second), {"option": answer(second, "home"), "ballot": BALLOT}, **AS_SCRIPT
    )
    assert VOTER_COOKIE not in response.cookies
    assert set(Vote.objects.values_list("voter_key", flat=True)) == {known}


def fan_of_client(client) -> str | None:
    request = RequestFactory().post("/")
    request.COOKIES[VOTER_COOKIE] = client.cookies[VOTER_COOKIE].value
    return voter_key(request)


def test_a_signed_in_fan_votes_by_account_whatever_the_ballot(poll):
    user = User.objects.create_user("fan")
    client = Client()
    client.force_login(user)
    response = client.post(vote_url(poll), {"option": answer(poll, "home"), "ballot": BALLOT}, **AS_SCRIPT)
    assert VOTER_COOKIE not in response.cookies
    assert list(Vote.objects.values_list("voter_key", flat=True)) == [f"user:{user.pk}"]


@pytest.mark.parametrize("ballot", ["short", BALLOT.upper(), BALLOT + "0", "g" * 32, BALLOT[:-1] + "\n"])
def test_a_ballot_the_page_did_not_make_is_refused(client, poll, ballot):
    response = client.post(vote_url(poll), {"option": answer(poll, "home"), "ballot": ballot}, **AS_SCRIPT)
    assert (response.status_code, response.json()) == (400, {"error": BALLOT_REFUSED})
    assert not Vote.objects.exists()


def test_with_the_counters_out_of_reach_a_vote_is_refused_saying_voting_is_paused(
    client, poll, counters_out_of_reach, caplog
):
    response = client.post(vote_url(poll), {"option": answer(poll, "home"), "ballot": BALLOT}, **AS_SCRIPT)
    assert (response.status_code, response.json()) == (503, {"error": VOTING_PAUSED})
    assert response["Retry-After"] == "60"
    assert not Vote.objects.exists()
    assert "vote rate counters out of reach" in caplog.text


def test_with_the_counters_out_of_reach_a_form_vote_gets_a_page_saying_voting_is_paused(
    client, poll, counters_out_of_reach
):
    response = client.post(vote_url(poll), {"option": answer(poll, "home")})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert escape(VOTING_PAUSED) in response.content.decode()
    assert b"Too many votes" not in response.content
