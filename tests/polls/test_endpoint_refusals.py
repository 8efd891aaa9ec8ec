"""Through the site's whole ASGI app, the vote lane in front: every vote the lane refuses or hands
on gets the answer the Django view gives the same request alone, in the same error shape, and a
poll closed or given a new answer while the lane keeps its frame is seen at once."""

import json

import pytest
from channels.db import database_sync_to_async
from django.core.asgi import get_asgi_application

from polls.models import PollOption, Vote
from polls.services import poll_close
from tests.factories import make_open_poll
from tests.polls.test_endpoint import BALLOT, CSRF, answer_id, post, vote_path

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://127.0.0.1:8000")
SAME_ORIGIN = (b"sec-fetch-site", b"same-origin")


@pytest.fixture
def site():
    from matchcentre.asgi import application

    return application


@pytest.fixture
async def poll():
    return await database_sync_to_async(make_open_poll)()


async def both(site, path, fields, **kwargs):
    """(status, JSON) from the site (the lane in front) and from Django alone."""
    answers = []
    for app in (site, get_asgi_application()):
        status, _, body = await post(app, path, fields, **kwargs)
        answers.append((status, json.loads(body)))
    return answers


async def votes() -> int:
    return await database_sync_to_async(Vote.objects.count)()


async def test_a_vote_from_another_sites_page_is_refused_as_django_refuses_it(site, poll):
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, "home"), "ballot": BALLOT}
    forged = ((b"origin", b"https://evil.example"), (b"sec-fetch-site", b"cross-site"))
    for app in (site, get_asgi_application()):
        status, _, _ = await post(app, vote_path(poll), fields, headers=forged)
        assert status == 403
    assert await votes() == 0


async def test_a_body_over_the_limit_is_refused_unread_with_the_sites_413(site, poll, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, "home"), "pad": "x" * 2000}
    lane, django = await both(site, vote_path(poll), fields, headers=(ORIGIN, SAME_ORIGIN))
    assert lane == django
    assert (lane[0], lane[1]["code"]) == (413, "too_large")
    assert await votes() == 0


async def test_a_json_body_is_refused_as_the_view_refuses_it(site, poll):
    body = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, "home")}
    lane, django = await both(
        site, vote_path(poll), body, content_type=b"application/json", headers=(ORIGIN, SAME_ORIGIN)
    )
    assert lane == django == (400, {"error": "Choose one of the answers."})
    assert await votes() == 0


async def test_a_vote_on_a_closed_poll_is_refused_as_the_view_refuses_it(site, poll):
    await database_sync_to_async(poll_close)(poll=poll)
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, "home"), "ballot": BALLOT}
    lane, django = await both(site, vote_path(poll), fields)
    assert lane == django == (409, {"error": "This poll is closed: no more votes are taken."})


async def test_a_poll_closed_mid_burst_refuses_the_next_vote(site, poll):
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, "home")}
    status, _, _ = await post(site, vote_path(poll), {**fields, "ballot": "a" * 32})
    assert status == 200
    await database_sync_to_async(poll_close)(poll=poll)
    status, _, body = await post(site, vote_path(poll), {**fields, "ballot": "b" * 32})
    assert (status, json.loads(body)) == (409, {"error": "This poll is closed: no more votes are taken."})
    assert await votes() == 1


async def test_an_answer_added_mid_burst_is_taken_at_once(site, poll):
    fields = {"csrfmiddlewaretoken": CSRF, "option": await answer_id(poll, "home")}
    assert (await post(site, vote_path(poll), {**fields, "ballot": "a" * 32}))[0] == 200
    added = await database_sync_to_async(PollOption.objects.create)(
        poll=poll, key="abandoned", label="Abandoned"
    )
    status, _, body = await post(site, vote_path(poll), {**fields, "option": added.pk, "ballot": "b" * 32})
    data = json.loads(body)
    assert (status, data["counted"], data["message"]) == (200, True, "Thanks, your vote for Abandoned is in.")
    assert "Abandoned" in [option["label"] for option in data["poll"]["options"]]
