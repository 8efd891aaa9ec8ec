"""The socket base (live/sockets.py): a socket that cannot have live delivery is turned away
cleanly, without a traceback in the server's log and without a place left in the hub."""

import logging

import pytest
from channels.testing import WebsocketCommunicator

from live import realtime
from matchcentre.asgi import application
from tests.factories import make_match

pytestmark = pytest.mark.django_db(transaction=True)
SITE = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


@pytest.mark.parametrize("kind", ["match", "scores"])
async def test_a_socket_opened_while_redis_is_out_of_reach_is_turned_away_without_an_error(
    kind, settings, caplog
):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    path = f"/ws/matches/{(await make_match_async()).pk}/" if kind == "match" else "/ws/scores/"
    communicator = WebsocketCommunicator(application, path, headers=SITE)
    with caplog.at_level(logging.WARNING):
        connected, _ = await communicator.connect(timeout=10)
        if connected:  # the scores socket is accepted first, then closed "try again later"
            assert (await communicator.receive_output(timeout=10)) == {
                "type": "websocket.close",
                "code": 1013,
            }
    await communicator.disconnect(timeout=5)
    assert "turned away" in caplog.text
    assert not any(record.exc_info for record in caplog.records if record.name.startswith("live.sockets"))
    assert not realtime.hub.groups  # no place kept for a socket that is gone


async def make_match_async():
    from channels.db import database_sync_to_async

    return await database_sync_to_async(make_match)()


async def test_a_socket_from_another_site_is_refused_before_it_waits_for_redis(settings, caplog):
    """Refused forged-Origin sockets used to reach the hub and log Redis timeout tracebacks."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    forged = [(b"origin", b"http://127.0.0.1:9999"), (b"host", b"127.0.0.1:8000")]
    communicator = WebsocketCommunicator(application, "/ws/scores/", headers=forged)
    with caplog.at_level(logging.INFO):
        connected, _ = await communicator.connect(timeout=2)  # at once: no 5 s wait for Redis
    assert not connected
    assert not [record for record in caplog.records if record.exc_info or record.levelno >= logging.WARNING]
    assert not realtime.hub.groups
