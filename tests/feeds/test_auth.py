"""Who may write through the JSON API, and that fans read without a token."""

import pytest
from django.test import Client
from django.utils import timezone

from feeds.models import ApiToken
from feeds.tokens import api_token_revoke
from tests.factories import make_editor
from tests.feeds.api_helpers import call, editor_key, fan_key, live_match, player_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    return live_match()


def goal(match):
    return {"kind": "goal", "minute": 12, "player": player_id(match, "Saka")}


def record(client, match, **kwargs):
    return call(client, "POST", f"/matches/{match.pk}/events", goal(match), **kwargs)


def assert_refused(response, status: int, words: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert words in body["message"]
    assert body["code"] == {401: "unauthorized", 403: "forbidden"}[status]


def test_a_write_without_a_token_is_refused_with_401(client, match):
    response = record(client, match)
    assert_refused(response, 401, "Send an API token (Authorization: Bearer <key>)")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not match.events.filter(kind="goal").exists()


def test_a_wrong_token_is_refused_with_401(client, match):
    editor_key()
    assert_refused(record(client, match, key="mc_not-a-real-key"), 401, "This API token is not valid.")
    assert not match.events.filter(kind="goal").exists()


def test_a_revoked_token_is_refused_with_401(client, match):
    _, key = editor_key()
    api_token_revoke(token=ApiToken.objects.get(), at=timezone.now())
    assert_refused(record(client, match, key=key), 401, "This API token has been revoked.")
    assert not match.events.filter(kind="goal").exists()


def test_a_token_of_an_inactive_user_is_refused_with_401(client, match):
    user, key = editor_key()
    user.is_active = False
    user.save()
    assert_refused(record(client, match, key=key), 401, "inactive")


def test_a_wrong_token_is_refused_even_beside_an_editors_session(client, match):
    client.force_login(make_editor("console-editor"))
    assert_refused(record(client, match, key="mc_wrong"), 401, "not valid")


def test_an_editors_token_writes_and_is_noted_as_used(client, match):
    _, key = editor_key()
    response = record(client, match, key=key)
    assert response.status_code == 201, response.content
    assert match.events.filter(kind="goal").count() == 1
    assert ApiToken.objects.get().last_used_at is not None


def test_a_token_of_someone_who_is_not_an_editor_is_refused_with_403(client, match):
    _, key = fan_key()
    assert_refused(record(client, match, key=key), 403, "Only editors")
    assert not match.events.filter(kind="goal").exists()


def test_the_consoles_session_writes_with_its_csrf_token():
    match = live_match()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_editor())
    browser.get(f"/console/matches/{match.pk}/")  # sets the CSRF cookie, as the console does
    token = browser.cookies["csrftoken"].value
    refused = record(browser, match)
    written = record(browser, match, HTTP_X_CSRFTOKEN=token)
    assert_refused(refused, 403, "CSRF")
    assert written.status_code == 201, written.content
    assert match.events.filter(kind="goal").count() == 1


def test_a_signed_in_fan_is_refused_with_403(client, match):
    client.force_login(fan_key()[0])
    assert_refused(record(client, match), 403, "Only editors")


@pytest.mark.parametrize(
    "path",
    [
        "/matches",
        "/matches/{id}",
        "/matches/{id}/updates?since=0",
        "/matches/{id}/events",
        "/matches/{id}/lineups",
        "/matches/{id}/polls",
    ],
)
def test_fans_read_without_a_token(client, match, path):
    response = client.get("/api/v1" + path.format(id=match.pk))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
