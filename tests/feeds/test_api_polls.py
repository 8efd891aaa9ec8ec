"""Polls through the JSON API: anyone reads them; editors open, close and reopen them."""

import datetime as dt

import pytest
from django.utils import timezone

from polls.models import Poll
from polls.services import poll_vote
from tests.factories import make_match, make_open_poll
from tests.feeds.api_helpers import call, editor_key, fan_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def key():
    return editor_key()[1]


def test_a_fan_reads_a_poll_and_its_counts_without_a_token(client):
    poll = make_open_poll()
    home = poll.options.get(key="home")
    poll_vote(poll=poll, option_id=home.pk, voter_key="anon:1", now=timezone.now())
    body = call(client, "GET", f"/polls/{poll.pk}").json()
    assert body["question"] == "Who will win?" and body["is_open"] is True and body["total"] == 1
    assert [(o["key"], o["votes"], o["percent"]) for o in body["options"]][0] == ("home", 1, 100.0)
    assert body["vote_url"] == f"/polls/{poll.pk}/vote/"
    assert [p["id"] for p in call(client, "GET", f"/matches/{poll.match_id}/polls").json()] == [poll.pk]


def test_an_editor_opens_a_poll_once_however_often_the_request_is_retried(client, key):
    match = make_match(kickoff=timezone.now() + dt.timedelta(days=1))
    body = {
        "question": "Man of the match?",
        "options": [{"key": "a", "label": "Saka"}, {"key": "b", "label": "Rice"}],
    }
    first = call(client, "POST", f"/matches/{match.pk}/polls", body, key=key, HTTP_IDEMPOTENCY_KEY="motm")
    again = call(client, "POST", f"/matches/{match.pk}/polls", body, key=key, HTTP_IDEMPOTENCY_KEY="motm")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Poll.objects.filter(match=match).count() == 1
    assert [o["label"] for o in first.json()["options"]] == ["Saka", "Rice"]


def test_a_poll_opened_without_answers_asks_who_will_win(client, key):
    match = make_match(kickoff=timezone.now() + dt.timedelta(days=1))
    body = call(client, "POST", f"/matches/{match.pk}/polls", {}, key=key).json()
    assert [o["key"] for o in body["options"]] == ["home", "draw", "away"]
    assert body["closes_at"] == match.kickoff.isoformat()


def test_answers_with_the_same_key_are_refused(client, key):
    match = make_match()
    options = [{"key": "a", "label": "Saka"}, {"key": "a", "label": "Rice"}]
    response = call(client, "POST", f"/matches/{match.pk}/polls", {"options": options}, key=key)
    assert (
        response.status_code == 400
        and response.json()["message"] == "Each answer of a poll needs its own key."
    )
    assert not Poll.objects.exists()


def test_an_editor_closes_and_reopens_a_poll(client, key):
    poll = make_open_poll()
    closed = call(client, "POST", f"/polls/{poll.pk}/close", key=key)
    until = (timezone.now() + dt.timedelta(hours=2)).isoformat()
    reopened = call(client, "POST", f"/polls/{poll.pk}/reopen", {"until": until}, key=key)
    assert closed.json()["is_open"] is False and reopened.json()["is_open"] is True
    poll.refresh_from_db()
    assert poll.closed is None and poll.closes_at.isoformat() == until


def test_a_reopening_time_must_say_its_zone(client, key):
    poll = make_open_poll()
    response = call(client, "POST", f"/polls/{poll.pk}/reopen", {"until": "2030-01-01T12:00:00"}, key=key)
    assert response.status_code == 400 and list(response.json()["errors"]) == ["until"]


def test_only_editors_open_and_close_polls(client):
    poll = make_open_poll()
    _, key = fan_key()
    assert call(client, "POST", f"/polls/{poll.pk}/close", key=key).status_code == 403
    assert call(client, "POST", f"/matches/{poll.match_id}/polls", {}).status_code == 401
    poll.refresh_from_db()
    assert poll.closed is None
