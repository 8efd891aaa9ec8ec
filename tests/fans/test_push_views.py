"""The subscribe endpoint (a browser's Web Push subscription, what it follows, its delay) refuses
bad input with a clear 400 in the shared shape and saves nothing; the editors' "no alerts"
switch is for editors only and turns a match's alerts off."""

import json

import pytest
from django.core.cache import cache

from fans.models import PushSubscription
from fans.push_keys import public_key_text
from fixtures_app.models import Match
from tests.factories import make_editor, make_match, make_team
from tests.fans.push_service import BrowserKeys, vapid_key_fixture  # noqa: F401

pytestmark = pytest.mark.django_db
ADDRESS = "/push/subscriptions"
FCM = "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b-fan"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()  # the rate limit counts in the cache
    yield
    cache.clear()


def body(endpoint: str = FCM, keys: BrowserKeys | None = None, **extra) -> dict:
    keys = keys or BrowserKeys()
    return {
        "subscription": {"endpoint": endpoint, "keys": {"p256dh": keys.p256dh, "auth": keys.auth}},
        **extra,
    }


def post(client, data, method: str = "post"):
    return getattr(client, method)(ADDRESS, json.dumps(data), content_type="application/json")


def test_the_page_gets_the_public_key_it_subscribes_with(client, vapid_key):
    answer = client.get("/push/key").json()
    assert answer == {"enabled": True, "public_key": public_key_text(), "message": ""}
    assert len(public_key_text()) == 87  # 65 bytes, base64url


def test_a_browser_subscribes_with_its_follows_and_delay_and_again_replaces_them(client, vapid_key):
    arsenal, chelsea = make_team("Arsenal"), make_team("Chelsea")
    match = make_match(arsenal, chelsea)
    keys = BrowserKeys()

    answer = post(client, body(keys=keys, teams=[arsenal.pk], matches=[match.pk, 999999], delay_seconds=30))
    assert answer.status_code == 201, answer.content
    saved = PushSubscription.objects.get()
    assert (saved.endpoint, saved.p256dh, saved.auth, saved.delay_seconds) == (
        FCM,
        keys.p256dh,
        keys.auth,
        30,
    )
    assert list(saved.teams.all()) == [arsenal] and list(saved.matches.all()) == [match]

    post(client, body(keys=keys, teams=[chelsea.pk], delay_seconds=0))
    saved = PushSubscription.objects.get()
    assert list(saved.teams.all()) == [chelsea] and not saved.matches.exists() and saved.delay_seconds == 0


def test_delete_forgets_the_browser(client, vapid_key):
    post(client, body())
    answer = post(client, {"endpoint": FCM}, method="delete")
    assert answer.status_code == 200 and answer.json()["known"] is True
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(
    "data, field, words",
    [
        ("not json", "__all__", "JSON object"),
        ([1, 2], "__all__", "JSON object"),
        ({"teams": []}, "subscription", "PushSubscription"),
        (body("http://fcm.googleapis.com/fcm/send/x"), "endpoint", "https"),
        (body("https://169.254.169.254/latest/meta-data"), "endpoint", "not a push service"),
        (body("https://intranet.example/push"), "endpoint", "not a push service"),
        (body("http://127.0.0.1:8000/push"), "endpoint", "https"),
        (body("x" * 1001), "endpoint", "at most 1000"),
        (
            {"subscription": {"endpoint": FCM, "keys": {"p256dh": "AAAA", "auth": BrowserKeys().auth}}},
            "p256dh",
            "P-256",
        ),
        (
            {"subscription": {"endpoint": FCM, "keys": {"p256dh": BrowserKeys().p256dh, "auth": "c2hvcnQ"}}},
            "auth",
            "16 bytes",
        ),
        ({"subscription": {"endpoint": FCM, "keys": {"p256dh": BrowserKeys().p256dh}}}, "auth", "missing"),
        (body(teams="1,2"), "teams", "list"),
        (body(matches=[1, "2"]), "matches", "whole numbers"),
        (body(teams=list(range(1, 300))), "teams", "at most 200"),
        (body(delay_seconds=-5), "delay_seconds", "0 to 14400"),
        (body(delay_seconds=10**9), "delay_seconds", "0 to 14400"),
        (body(delay_seconds="30"), "delay_seconds", "0 to 14400"),
    ],
)
def test_bad_subscriptions_are_refused_with_a_clear_400_and_nothing_is_saved(
    client, vapid_key, data, field, words
):
    raw = data if isinstance(data, str) else json.dumps(data)
    answer = client.post(ADDRESS, raw, content_type="application/json")
    assert answer.status_code == 400
    refusal = answer.json()
    assert refusal["ok"] is False and refusal["code"] == "invalid"
    assert words in refusal["message"] and list(refusal["errors"]) == [field]
    assert not PushSubscription.objects.exists()


def test_a_local_push_service_is_taken_only_where_the_settings_allow_it(client, vapid_key, settings):
    local = "http://127.0.0.1:8123/push/fan"
    assert post(client, body(local)).status_code == 400
    settings.PUSH_LOCAL_ENDPOINTS = True
    assert post(client, body(local)).status_code == 201


def test_sign_ups_from_one_address_are_rate_limited(client, vapid_key, settings):
    settings.PUSH_SUBSCRIBE_RATE_PER_ADDRESS = "2/h"
    assert [post(client, body()).status_code for _ in range(3)] == [201, 201, 429]
    assert post(client, body()).json()["code"] == "too_many"


def test_without_a_vapid_key_alerts_are_off_and_say_so(client, settings):
    settings.VAPID_PRIVATE_KEY, settings.DEBUG = "", False
    assert client.get("/push/key").json()["enabled"] is False
    answer = post(client, body())
    assert answer.status_code == 503 and "MATCHCENTRE_VAPID_PRIVATE_KEY" in answer.json()["message"]


def test_a_cross_site_post_without_a_token_is_refused(vapid_key):
    from django.test import Client

    answer = Client(enforce_csrf_checks=True).post(
        ADDRESS, json.dumps(body()), content_type="application/json"
    )
    assert answer.status_code == 403 and not PushSubscription.objects.exists()


def test_an_editor_marks_a_match_no_alerts_and_a_fan_may_not(client, django_user_model):
    match = make_match()
    fan = django_user_model.objects.create_user("fan", password="pass-for-tests-only")
    client.force_login(fan)
    refused = client.post(f"/console/matches/{match.pk}/alerts/", {"alerts": "off"})
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    assert Match.objects.get(pk=match.pk).alerts is True

    client.force_login(make_editor())
    page = client.get(f"/console/matches/{match.pk}/")
    assert b"No alerts for this match" in page.content
    answer = client.post(f"/console/matches/{match.pk}/alerts/", {"alerts": "off"})
    assert answer.status_code == 302 and Match.objects.get(pk=match.pk).alerts is False
    assert (
        b"No alerts</strong> are sent for this match" in client.get(f"/console/matches/{match.pk}/").content
    )


def test_signed_out_the_switch_sends_to_sign_in(client):
    match = make_match()
    answer = client.post(f"/console/matches/{match.pk}/alerts/", {"alerts": "off"})
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]
    assert Match.objects.get(pk=match.pk).alerts is True
