"""The fast lane for script votes: it answers as the vote view does, counts each fan once, and
hands every other request, body included, to Django."""

import asyncio
import json
from http.cookies import SimpleCookie

import pytest
from channels.db import database_sync_to_async
from django.contrib.auth.models import User
from django.core.asgi import get_asgi_application
from django.db import OperationalError
from django.test import Client, RequestFactory

from polls import endpoint
from polls.endpoint import VoteLane
from polls.models import Vote
from polls.selectors import poll_for_fan
from polls.services import poll_close
from polls.voters import VOTER_COOKIE, voter_key
from tests.factories import make_open_poll

pytestmark = pytest.mark.django_db(transaction=True)
CSRF = "c" * 32


class Recorder:
    """Stands for Django behind the lane: records what is handed on."""

    def __init__(self, app=None) -> None:
        self.app = app
        self.bodies: list[bytes] = []

    async def __call__(self, scope, receive, send):
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.bodies.append(body)
        if self.app is None:
            await send({"type": "http.response.start", "status": 599, "headers": []})
            await send({"type": "http.response.body", "body": b"handed on"})
            return
        pending = [{"type": "http.request", "body": body, "more_body": False}]
        await self.app(scope, lambda: _next(pending), send)


async def _next(pending):
    if pending:
        return pending.pop()
    await asyncio.Event().wait()  # the client stays: Django listens for a disconnect


@pytest.fixture
def lane():
    """The lane in front of a recorder that answers 599."""
    lane = VoteLane(Recorder())
    yield lane
    lane.box.close()


@pytest.fixture
def lane_before_django():
    """The lane in front of the real Django app, recording what it hands on."""
    lane = VoteLane(Recorder(get_asgi_application()))
    yield lane
    lane.box.close()


@pytest.fixture
async def poll():
    return await database_sync_to_async(make_open_poll)()


async def answer_id(poll, key: str) -> int:
    return await database_sync_to_async(lambda: poll.options.get(key=key).pk)()


async def post(
    app,
    path,
    fields,
    *,
    script=True,
    cookies=None,
    headers=(),
    content_type=b"application/x-www-form-urlencoded",
):
    """One POST through the ASGI app: (status, headers by lower-case name, body)."""
    body = "&".join(f"{name}={value}" for name, value in fields.items()).encode()
    jar = {"csrftoken": CSRF, **(cookies or {})}
    sent = [
        (b"host", b"127.0.0.1:8000"),
        (b"content-type", content_type),
        (b"cookie", "; ".join(f"{k}={v}" for k, v in jar.items()).encode()),
        *headers,
    ]
    if script:
        sent += [(b"accept", b"application/json"), (b"x-requested-with", b"XMLHttpRequest")]
    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "query_string": b"",
        "headers": sent,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    answer = {"headers": {}, "body": b""}

    async def receive():
        return await _next(messages)

    async def send(message):
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            for name, value in message["headers"]:
                answer["headers"].setdefault(name.decode().lower(), []).append(value.decode())
        else:
            answer["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return answer["status"], answer["headers"], answer["body"]


def vote_path(poll) -> str:
    return f"/polls/{poll.pk}/vote/"


def voter_cookie(headers) -> str:
    jar = SimpleCookie()
    for line in headers.get("set-cookie", []):
        jar.load(line)
    return jar[VOTER_COOKIE].value


async def vote(app, poll, key, *, ballot=None, **kwargs):
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, key)}
    if ballot is not None:
        fields["ballot"] = ballot
    return await post(app, vote_path(poll), fields, **kwargs)


async def test_a_script_vote_is_answered_in_the_lane_as_the_view_answers(lane, poll):
    status, headers, body = await vote(lane, poll, "away")
    data = json.loads(body)
    assert status == 200
    assert lane.app.bodies == []  # Django saw nothing
    assert data["counted"] is True
    assert data["message"] == f"Thanks, your vote for {poll.match.away_team.name} is in."
    fan = fan_key(voter_cookie(headers))
    assert data["poll"] == await database_sync_to_async(poll_for_fan)(poll=poll, voter_key=fan)
    assert data["poll"]["total"] == 1


def fan_key(signed_cookie: str) -> str:
    """The voter key the cookie stands for, as the view reads it."""
    request = RequestFactory().post("/")
    request.COOKIES[VOTER_COOKIE] = signed_cookie
    return voter_key(request)


async def test_the_lane_answer_carries_the_views_security_headers(lane, poll):
    _, headers, _ = await vote(lane, poll, "home")
    assert headers["x-frame-options"] == ["DENY"]
    assert headers["x-content-type-options"] == ["nosniff"]
    assert headers["referrer-policy"] == ["same-origin"]
    assert headers["content-type"] == ["application/json"]
    [cookie] = headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


async def test_a_fan_voting_again_keeps_the_first_answer(lane, poll):
    _, headers, _ = await vote(lane, poll, "away")
    status, _, body = await vote(lane, poll, "home", cookies={VOTER_COOKIE: voter_cookie(headers)})
    data = json.loads(body)
    assert status == 200
    assert data["counted"] is False
    assert data["message"] == f"You have already voted: {poll.match.away_team.name}."
    assert data["poll"]["choice"] == await answer_id(poll, "away")
    assert await database_sync_to_async(Vote.objects.count)() == 1


async def test_fans_voting_at_once_are_each_counted_once(lane, poll):
    first = [vote(lane, poll, ("home", "draw", "away")[n % 3]) for n in range(40)]
    answers = await asyncio.gather(*first)
    cookies = [voter_cookie(headers) for _, headers, _ in answers]
    # Each fan again, twice at once: neither repeat counts.
    again = [vote(lane, poll, "draw", cookies={VOTER_COOKIE: cookie}) for cookie in cookies[:10] * 2]
    repeats = await asyncio.gather(*again)
    assert [json.loads(body)["counted"] for _, _, body in answers] == [True] * 40
    # A repeat of the fan's own answer is the same vote sent again, answered as the first was.
    already_draw = [n % 3 == 1 for n in range(10)] * 2
    assert [json.loads(body)["counted"] for _, _, body in repeats] == already_draw
    assert await database_sync_to_async(Vote.objects.filter(poll=poll).count)() == 40
    assert lane.app.bodies == []


async def test_a_vote_on_a_closed_poll_is_refused_in_the_lane(lane, poll, caplog):
    await database_sync_to_async(poll_close)(poll=poll)
    status, _, body = await vote(lane, poll, "home")
    assert (status, json.loads(body)) == (409, {"error": "This poll is closed: no more votes are taken."})
    assert not await database_sync_to_async(Vote.objects.exists)()
    logged = [(r.name, r.levelname, r.getMessage()) for r in caplog.records if r.name == "django.request"]
    assert logged == [("django.request", "WARNING", f"Conflict: {vote_path(poll)}")]  # as Django logs it


async def test_an_answer_of_another_poll_is_refused_in_the_lane(lane, poll):
    other = await database_sync_to_async(make_open_poll)()
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(other, "home")}
    status, _, body = await post(lane, vote_path(poll), fields)
    assert (status, json.loads(body)) == (400, {"error": "That answer is not one of this poll's answers."})


async def test_a_flood_from_one_fan_is_refused_in_the_lane(lane, poll, settings):
    settings.POLLS_VOTE_RATE_PER_FAN = "2/m"
    _, headers, _ = await vote(lane, poll, "home")
    cookies = {VOTER_COOKIE: voter_cookie(headers)}
    statuses = [(await vote(lane, poll, "home", cookies=cookies))[0] for _ in range(3)]
    assert statuses == [200, 429, 429]
    assert json.loads((await vote(lane, poll, "home", cookies=cookies))[2]) == {
        "error": "Too many votes from here. Wait a minute, then try again."
    }


async def test_a_form_post_goes_on_to_django_and_redirects(lane_before_django, poll):
    status, headers, _ = await vote(lane_before_django, poll, "home", script=False)
    assert status == 302
    assert headers["location"] == [f"{poll.match.get_absolute_url()}#poll"]
    assert len(lane_before_django.app.bodies) == 1
    assert await database_sync_to_async(Vote.objects.count)() == 1


async def test_a_vote_without_the_csrf_token_goes_on_to_django_and_is_refused(lane_before_django, poll):
    fields = {"option": await answer_id(poll, "home")}
    status, _, _ = await post(lane_before_django, vote_path(poll), fields)
    assert status == 403
    assert not await database_sync_to_async(Vote.objects.exists)()


async def test_a_signed_in_fan_goes_on_to_django_and_votes_by_account(lane_before_django, poll, settings):
    def signed_in() -> tuple[User, str]:
        user = User.objects.create_user("fan")
        client = Client()
        client.force_login(user)
        return user, client.cookies[settings.SESSION_COOKIE_NAME].value

    user, session = await database_sync_to_async(signed_in)()
    status, _, body = await vote(
        lane_before_django, poll, "home", cookies={settings.SESSION_COOKIE_NAME: session}
    )
    assert (status, json.loads(body)["counted"]) == (200, True)
    assert len(lane_before_django.app.bodies) == 1
    voters = await database_sync_to_async(lambda: list(Vote.objects.values_list("voter_key", flat=True)))()
    assert voters == [f"user:{user.pk}"]


@pytest.mark.parametrize("option", ["", "home", "²"])
async def test_an_answer_that_is_not_an_id_goes_on_to_django(lane_before_django, poll, option):
    status, _, body = await post(
        lane_before_django, vote_path(poll), {"csrfmiddlewaretoken": CSRF, "option": option}
    )
    assert (status, json.loads(body)) == (400, {"error": "Choose one of the answers."})


async def test_an_unknown_poll_goes_on_to_django(lane_before_django):
    status, _, _ = await post(
        lane_before_django, "/polls/999999/vote/", {"csrfmiddlewaretoken": CSRF, "option": 1}
    )
    assert status == 404


async def test_a_large_body_goes_on_to_django_whole(lane_before_django, poll):
    padding = "x" * (endpoint.LANE_BODY_BYTES + 1)
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, "home"), "padding": padding}
    status, _, body = await post(lane_before_django, vote_path(poll), fields)
    assert (status, json.loads(body)["counted"]) == (200, True)
    assert padding.encode() in lane_before_django.app.bodies[0]


async def test_a_batch_the_database_refuses_goes_on_to_django(lane_before_django, poll, monkeypatch):
    def database_gone(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(endpoint, "poll_cast_many", database_gone)
    status, _, body = await vote(lane_before_django, poll, "away")
    assert (status, json.loads(body)["counted"]) == (200, True)  # the view counted it, once
    assert len(lane_before_django.app.bodies) == 1
    assert await database_sync_to_async(Vote.objects.count)() == 1


async def test_other_requests_pass_by_the_lane(lane):
    status, _, _ = await post(lane, "/polls/1/vote/extra", {"option": 1})
    assert status == 599


async def test_a_body_django_cannot_read_goes_on_to_django(lane_before_django, poll):
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, "home")}
    broken = b"multipart/form-data; boundary="  # no boundary: Django cannot split the body
    status, _, _ = await post(lane_before_django, vote_path(poll), fields, content_type=broken)
    assert len(lane_before_django.app.bodies) == 1
    assert status == 400
    assert not await database_sync_to_async(Vote.objects.exists)()


BALLOT = "0123456789abcdef0123456789abcdef"  # as the page's script makes them
BALLOT_REFUSED = "This vote could not be read: reload the page and vote again."
VOTING_PAUSED = "Voting is paused for a moment: we can't count votes right now. Try again in a minute."


async def test_the_same_ballot_sent_twice_is_one_vote_answered_alike(lane, poll):
    """The first answer, and the cookie in it, never reached the fan: the page sent the vote again."""
    first_status, first_headers, first = await vote(lane, poll, "away", ballot=BALLOT)
    status, headers, again = await vote(lane, poll, "away", ballot=BALLOT)
    assert (first_status, status) == (200, 200)
    assert json.loads(again) == json.loads(first)
    assert json.loads(again)["counted"] is True and json.loads(again)["poll"]["total"] == 1
    assert lane.app.bodies == []
    voters = await database_sync_to_async(lambda: list(Vote.objects.values_list("voter_key", flat=True)))()
    assert voters == [f"anon:{BALLOT}"]
    # From now on the cookie and the ballot are one fan.
    assert fan_key(voter_cookie(first_headers)) == fan_key(voter_cookie(headers)) == f"anon:{BALLOT}"


async def test_a_ballot_sent_by_the_lane_then_by_the_form_is_one_vote(lane_before_django, poll):
    await vote(lane_before_django, poll, "home", ballot=BALLOT)
    status, _, _ = await vote(lane_before_django, poll, "home", ballot=BALLOT, script=False)
    assert status == 302
    assert await database_sync_to_async(Vote.objects.count)() == 1


async def test_a_fans_cookie_wins_over_the_ballot(lane, poll):
    _, headers, _ = await vote(lane, poll, "home")
    cookie = voter_cookie(headers)
    _, again, body = await vote(lane, poll, "away", ballot=BALLOT, cookies={VOTER_COOKIE: cookie})
    assert json.loads(body)["counted"] is False
    assert "set-cookie" not in again
    voters = await database_sync_to_async(lambda: list(Vote.objects.values_list("voter_key", flat=True)))()
    assert voters == [fan_key(cookie)]


@pytest.mark.parametrize("ballot", ["short", BALLOT.upper(), BALLOT + "0", "g" * 32])
async def test_a_ballot_the_page_did_not_make_goes_on_to_django_and_is_refused(
    lane_before_django, poll, ballot
):
    status, _, body = await vote(lane_before_django, poll, "home", ballot=ballot)
    assert (status, json.loads(body)) == (400, {"error": BALLOT_REFUSED})
    assert len(lane_before_django.app.bodies) == 1
    assert not await database_sync_to_async(Vote.objects.exists)()


async def test_with_the_counters_out_of_reach_the_lane_says_voting_is_paused(
    lane, poll, counters_out_of_reach, caplog
):
    status, headers, body = await vote(lane, poll, "home", ballot=BALLOT)
    assert (status, json.loads(body)) == (503, {"error": VOTING_PAUSED})
    assert headers["retry-after"] == ["60"]
    assert lane.app.bodies == []
    assert not await database_sync_to_async(Vote.objects.exists)()
    assert "vote rate counters out of reach" in caplog.text
    logged = [(r.name, r.getMessage()) for r in caplog.records if r.name == "django.request"]
    assert logged == [("django.request", f"Service Unavailable: {vote_path(poll)}")]
