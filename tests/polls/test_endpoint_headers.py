"""The vote lane's answers carry the headers Django's answer to the same vote carries: whatever
the site's middleware adds (nosniff, the referrer and opener policies, the frame refusal, HSTS
over HTTPS), under whichever settings the site runs with."""

from http.cookies import SimpleCookie

import pytest
from channels.db import database_sync_to_async
from django.conf import settings as site_settings
from django.core.asgi import get_asgi_application

from polls import endpoint
from polls.endpoint import VoteLane
from polls.services import poll_close
from tests.factories import make_open_poll
from tests.polls.test_endpoint import CSRF, Recorder, answer_id, post, vote_path

pytestmark = pytest.mark.django_db(transaction=True)

SITES = {
    "as the tests run": ({}, ()),
    "production over https": (
        {
            "SECURE_SSL_REDIRECT": True,
            "SECURE_HSTS_SECONDS": 31536000,
            "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
            "SECURE_HSTS_PRELOAD": True,
            "SESSION_COOKIE_SECURE": True,
            "CSRF_COOKIE_SECURE": True,
        },
        ((b"x-forwarded-proto", b"https"), (b"origin", b"https://127.0.0.1:8000")),
    ),
    "other policies": (
        {
            "X_FRAME_OPTIONS": "SAMEORIGIN",
            "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
            "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin-allow-popups",
            "SECURE_CONTENT_TYPE_NOSNIFF": False,
        },
        (),
    ),
    "without the frame middleware": (
        {
            "MIDDLEWARE": [
                path for path in site_settings.MIDDLEWARE if not path.endswith(".XFrameOptionsMiddleware")
            ]
        },
        (),
    ),
}
# What differs between two answers by design: the body's length, and the Vary: Cookie that
# Django's session middleware adds to every answer whose request it read (the lane reads no
# session: a fan with one goes to Django). The voter cookie is compared by its attributes.
# Server-Timing is Django's own time for a request it answers (matchcentre/middleware.py).
PER_ANSWER = {"content-length", "vary", "set-cookie", "server-timing"}


async def lane_vote(lane, poll, option_id, headers):
    fields = {"csrfmiddlewaretoken": CSRF, "option": option_id}
    return await post(lane, vote_path(poll), fields, headers=headers)


def cookie_attributes(headers) -> dict:
    """The cookies set, by name, with their attributes (the value and expiry date left out)."""
    jar = SimpleCookie()
    for line in headers.get("set-cookie", []):
        jar.load(line)
    return {name: {k: v for k, v in morsel.items() if k != "expires"} for name, morsel in jar.items()}


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("outcome", ["counted", "refused", "bad request"])
async def test_the_lanes_answer_carries_the_headers_of_djangos_answer(outcome, site, settings, monkeypatch):
    overrides, request_headers = SITES[site]
    for name, value in overrides.items():
        setattr(settings, name, value)
    # Both made after the settings, as a server process makes them at start.
    django = Recorder(get_asgi_application())
    lane = VoteLane(django)
    poll = await database_sync_to_async(make_open_poll)()
    option = await answer_id(poll, "home")
    if outcome == "refused":
        await database_sync_to_async(poll_close)(poll=poll)
    elif outcome == "bad request":
        option = await answer_id(await database_sync_to_async(make_open_poll)(), "home")
    try:
        in_lane = await lane_vote(lane, poll, option, request_headers)
        assert django.bodies == [], "the lane handed the vote on: it must answer this one itself"
        monkeypatch.setattr(endpoint, "script_vote", lambda scope, body, poll_id: None)
        by_django = await lane_vote(lane, poll, option, request_headers)
        assert len(django.bodies) == 1
    finally:
        lane.box.close()
    (status, headers, _), (django_status, django_headers, _) = in_lane, by_django
    assert status == django_status == {"counted": 200, "refused": 409, "bad request": 400}[outcome]
    assert {k: v for k, v in headers.items() if k not in PER_ANSWER} == {
        k: v for k, v in django_headers.items() if k not in PER_ANSWER
    }
    assert cookie_attributes(headers) == cookie_attributes(django_headers)
