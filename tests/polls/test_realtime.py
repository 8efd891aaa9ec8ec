import asyncio
import time

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from matchcentre.asgi import application
from polls import selectors
from polls.selectors import poll_counts
from polls.services import poll_vote
from tests.factories import make_open_poll

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


async def tallies_until(fan, total: int, *, timeout: float = 5) -> list[dict]:
    """Poll tallies the fan receives until one shows `total` votes."""
    received, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = await fan.receive_json_from(timeout=deadline - time.monotonic())
        if message["type"] == "poll_tally":
            received.append(message["tally"])
            if message["tally"]["total"] == total:
                return received
    raise AssertionError(f"no tally reached {total} votes: {received}")


async def test_a_vote_reaches_fans_on_the_match_page():
    poll = await database_sync_to_async(make_open_poll)()
    fan = WebsocketCommunicator(application, f"/ws/matches/{poll.match_id}/", headers=ORIGIN)
    assert (await fan.connect())[0]
    await fan.receive_json_from()  # snapshot
    option = await database_sync_to_async(lambda: poll.options.get(key="away"))()
    await database_sync_to_async(poll_vote)(
        poll=poll, option_id=option.pk, voter_key="fan-1", now=timezone.now()
    )
    [tally] = await tallies_until(fan, 1)
    assert [o["percent"] for o in tally["options"]] == [0.0, 0.0, 100.0]
    await fan.disconnect()


async def test_a_burst_of_votes_is_pushed_a_few_times_a_second_and_ends_exact():
    poll = await database_sync_to_async(make_open_poll)()
    fan = WebsocketCommunicator(application, f"/ws/matches/{poll.match_id}/", headers=ORIGIN)
    assert (await fan.connect())[0]
    await fan.receive_json_from()
    options = await database_sync_to_async(lambda: list(poll.options.values_list("pk", flat=True)))()

    def burst():
        for n in range(60):
            poll_vote(poll=poll, option_id=options[n % 3], voter_key=f"fan-{n}", now=timezone.now())

    await database_sync_to_async(burst)()
    tallies = await tallies_until(fan, 60)
    assert len(tallies) < 30  # throttled: far fewer pushes than votes
    assert [o["votes"] for o in tallies[-1]["options"]] == [20, 20, 20]
    await asyncio.sleep(0.3)
    await fan.disconnect()


async def test_the_push_after_a_burst_carries_its_last_vote_when_counts_are_cached(settings, monkeypatch):
    monkeypatch.setattr(selectors, "CACHE_FROM_VOTES", 1)
    settings.POLLS_TALLY_CACHE_SECONDS = 60
    poll = await database_sync_to_async(make_open_poll)()
    fan = WebsocketCommunicator(application, f"/ws/matches/{poll.match_id}/", headers=ORIGIN)
    assert (await fan.connect())[0]
    await fan.receive_json_from()
    options = await database_sync_to_async(lambda: list(poll.options.values_list("pk", flat=True)))()
    await database_sync_to_async(poll_counts)(poll.pk)  # a page view caches the counts

    def burst():
        for n in range(30):
            poll_vote(poll=poll, option_id=options[n % 3], voter_key=f"fan-{n}", now=timezone.now())

    await database_sync_to_async(burst)()
    assert (await tallies_until(fan, 30))[-1]["total"] == 30
    await asyncio.sleep(0.3)
    await fan.disconnect()
