"""Web Push end to end on this machine: a fan's page in Chromium subscribes (the browser's push
service played by a local one: Chromium's own would need the network) and sends what the fan
follows; an editor records a goal twice with the same key; the alert worker sends one encrypted
push, which the test decrypts with the subscription's keys, and hands to the service worker
through the DevTools protocol (ServiceWorker.deliverPushMessage): it shows the notification."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from fans.models import PushSubscription
from fans.push_keys import public_key_text
from fans.worker import Config, run
from fixtures_app.models import Match, Player
from fixtures_app.services.status import match_change_status
from tests.factories import (
    add_to_lineup,
    make_competition,
    make_editor,
    make_match,
    make_season,
    make_stage,
    make_team,
)
from tests.fans.push_service import BrowserKeys, push_service_fixture, vapid_key_fixture  # noqa: F401
from tests.faults.desk import Desk

pytestmark = pytest.mark.browser
FAST = Config(
    timeout=5, concurrency=2, poll_interval=0.01, max_age=900, subject="mailto:tests@matchcentre.example"
)
# Chromium subscribes through Google's push service, out of reach here: this browser's subscribe
# answers with the local push service's address and keys the test made, as a browser would.
FAKE_SUBSCRIBE = """([endpoint, p256dh, auth]) => {
  let current = null;
  PushManager.prototype.subscribe = async function (options) {
    const key = new Uint8Array(options.applicationServerKey);
    window.subscribedWith = btoa(String.fromCharCode(...key))
      .replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
    current = { endpoint, toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
      unsubscribe: async () => { current = null; return true; } };
    return current;
  };
  PushManager.prototype.getSubscription = async function () { return current; };
}"""
NOTIFICATIONS = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
}"""


@pytest.fixture
def local_endpoints(settings):
    settings.PUSH_LOCAL_ENDPOINTS = True  # before `live_site` forks its server


def a_match_in_play() -> Match:
    arsenal, chelsea = make_team("Arsenal"), make_team("Chelsea")
    season = make_season(make_competition("Premier League"), name="2026/27")
    match = make_match(
        arsenal, chelsea, make_stage(season), kickoff=timezone.now() - dt.timedelta(minutes=20)
    )
    add_to_lineup(match, arsenal, "Saka")
    add_to_lineup(match, chelsea, "Palmer")
    match_change_status(match=match, status="first_half", at=match.kickoff)
    return Match.objects.get(pk=match.pk)


def wait_for(check, what: str, page, tries: int = 100):
    for _ in range(tries):  # a tenth of a second apart
        found = check()
        if found:
            return found
        page.wait_for_timeout(100)
    raise AssertionError(f"waited in vain for {what}")


def test_a_goal_recorded_twice_reaches_the_fans_browser_once_as_a_notification(
    vapid_key, local_endpoints, push_service, live_site, browser
):
    match = a_match_in_play()
    keys = BrowserKeys()
    context = browser.new_context()
    context.grant_permissions(["notifications"], origin=live_site)
    page = context.new_page()
    page.add_init_script(
        f"({FAKE_SUBSCRIBE})({json.dumps([push_service.endpoint('fan'), keys.p256dh, keys.auth])})"
    )
    follows = json.dumps({"teams": [match.home_team_id], "matches": []})
    page.add_init_script(f"localStorage.setItem('matchcentre.follows', {json.dumps(follows)})")
    page.goto(live_site + match.get_absolute_url())

    # Alerts allowed: the page subscribes with the site's key and sends what the fan follows.
    saved = wait_for(
        lambda: PushSubscription.objects.filter(auth=keys.auth).first(), "the subscription", page
    )
    assert page.evaluate("window.subscribedWith") == public_key_text()
    assert list(saved.teams.all()) == [match.home_team] and saved.endpoint == push_service.endpoint("fan")

    desk = Desk.signed_in(live_site, make_editor())
    goal = {
        "kind": "goal",
        "minute": 12,
        "team": match.home_team_id,
        "player": Player.objects.get(known_as="Saka").pk,
    }
    for _ in range(2):  # a retried save: the same client key
        assert (
            desk.post(f"/console/matches/{match.pk}/events/", {**goal, "client_key": "saka-12"}).status == 200
        )
    assert run(FAST, once=True) == 1

    (pushed,) = push_service.pushes("fan")
    alert = keys.decrypt(pushed.body)
    assert alert["title"] == "Goal! Arsenal 1–0 Chelsea" and "Saka" in alert["body"]

    cdp = context.new_cdp_session(page)
    registrations: list[str] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(
            r["registrationId"] for r in event["registrations"] if not r["isDeleted"]
        ),
    )
    cdp.send("ServiceWorker.enable")
    wait_for(lambda: registrations, "the service worker's registration", page)
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": live_site, "registrationId": registrations[0], "data": json.dumps(alert)},
    )
    shown = wait_for(lambda: page.evaluate(NOTIFICATIONS), "the notification", page)
    assert shown == [
        {"title": "Goal! Arsenal 1–0 Chelsea", "body": alert["body"], "tag": f"match-{match.pk}"}
    ]
    context.close()
