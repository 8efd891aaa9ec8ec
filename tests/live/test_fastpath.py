"""The direct path beneath ASGI (live/fastpath.py), fenced against the installed Uvicorn: these
tests fail loudly when Uvicorn's websockets-sansio protocol no longer has what the direct write
reads, or when the bytes it writes are no longer the bytes Uvicorn's own `send` writes."""

import asyncio
import contextlib
import logging
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
import uvicorn
from websockets.asyncio.client import connect

from live import fastpath, realtime
from live.outbox import Outbox

GOAL = '{"type":"event","match":7,"seq":12,"html":"<li>Saka scores, 54\' — 1–0</li>"}'
CLOSED = '{"type":"score","match":7,"seq":13}'


class Recorder:
    """The connection's transport, with every write kept."""

    def __init__(self, transport: Any) -> None:
        self.transport, self.written = transport, []

    def write(self, data: bytes) -> None:
        self.written.append(bytes(data))
        self.transport.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.transport, name)


@contextlib.asynccontextmanager
async def uvicorn_serving(app) -> AsyncIterator[int]:
    """`app` served by Uvicorn as the production recipe runs it, on this test's loop; yields the port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        app, lifespan="off", ws="websockets-sansio", ws_per_message_deflate=False, log_level="warning"
    )
    server = uvicorn.Server(config)
    task = asyncio.ensure_future(server.serve(sockets=[listener]))
    while not server.started:
        assert not task.done(), "uvicorn stopped before it listened"
        await asyncio.sleep(0.01)
    try:
        yield listener.getsockname()[1]
    finally:
        server.should_exit = True
        await task


def keeping_send(sends: asyncio.Queue):
    """A bare ASGI app: accepts, hands the server's `send` to the test, waits for the close."""

    async def app(scope, receive, send):
        assert scope["type"] == "websocket"
        await receive()
        await send({"type": "websocket.accept"})
        await sends.put(send)
        while (await receive())["type"] != "websocket.disconnect":
            pass

    return app


async def test_a_broadcast_written_directly_is_the_bytes_uvicorns_own_send_writes():
    sends: asyncio.Queue = asyncio.Queue()
    async with uvicorn_serving(keeping_send(sends)) as port:
        async with connect(f"ws://127.0.0.1:{port}/", compression=None) as client:
            send = await sends.get()
            protocol = send.__self__
            assert fastpath.changed(protocol) == [], "Uvicorn's websocket protocol changed"
            direct = fastpath.direct_writer(send)
            assert direct is not None, "the direct path is not active on Uvicorn's websockets-sansio"
            recorder = protocol.transport = Recorder(protocol.transport)

            await send({"type": "websocket.send", "text": GOAL})
            assert direct(GOAL) is True
            assert recorder.written[0] == recorder.written[1] == fastpath.encoded(GOAL)
            assert [await client.recv(), await client.recv()] == [GOAL, GOAL]


async def test_a_connection_pushing_back_or_closing_is_left_to_asgi():
    sends: asyncio.Queue = asyncio.Queue()
    async with uvicorn_serving(keeping_send(sends)) as port:
        async with connect(f"ws://127.0.0.1:{port}/", compression=None) as client:
            send = await sends.get()
            direct = fastpath.direct_writer(send)
            assert direct is not None
            send.__self__.pause_writing()  # the transport is over its high-water mark
            assert direct(GOAL) is False
            send.__self__.resume_writing()
            assert direct(GOAL) is True
            await send({"type": "websocket.close", "code": 4008})
            assert direct(CLOSED) is False
            assert await client.recv() == GOAL
            with pytest.raises(Exception, match="4008"):
                await client.recv()


@pytest.mark.django_db(transaction=True)
async def test_the_hubs_frames_reach_a_project_socket_directly_on_uvicorn(monkeypatch):
    """The project's own stack (origin check, session, Channels consumer) under Uvicorn: the
    scores socket's outbox writes the hub's frames beneath ASGI, and the page gets them."""
    from matchcentre.asgi import application

    written: list[bool] = []
    original = fastpath._write

    def spying(protocol, text):
        written.append(original(protocol, text))
        return written[-1]

    monkeypatch.setattr(fastpath, "_write", spying)
    async with uvicorn_serving(application) as port:
        origin = f"http://127.0.0.1:{port}"
        async with connect(f"ws://127.0.0.1:{port}/ws/scores/", origin=origin, compression=None) as page:
            while not realtime.hub.groups.get(realtime.SCORES_GROUP):
                await asyncio.sleep(0.01)
            (fan,) = realtime.hub.groups[realtime.SCORES_GROUP]
            assert fan.outbox.direct is not None, "the project's sockets do not take the direct path"
            await asyncio.to_thread(realtime.publish, realtime.SCORES_GROUP, CLOSED)
            assert await asyncio.wait_for(page.recv(), 10) == CLOSED
    assert written == [True]


async def test_direct_writes_can_be_turned_off(settings):
    settings.LIVE_DIRECT_WRITES = False
    sends: asyncio.Queue = asyncio.Queue()
    async with uvicorn_serving(keeping_send(sends)) as port:
        async with connect(f"ws://127.0.0.1:{port}/", compression=None):
            assert fastpath.direct_writer(await sends.get()) is None


def test_a_server_without_a_direct_path_keeps_to_asgi():
    class TwistedProtocol:  # as Daphne's send is bound to: not a protocol this module knows
        async def send(self, message): ...

    assert fastpath.direct_writer(TwistedProtocol().send) is None
    assert fastpath.direct_writer(lambda message: None) is None


def test_a_changed_uvicorn_protocol_is_refused_loudly(monkeypatch, caplog):
    class WebSocketsSansIOProtocol:  # the known name, without what the direct write reads
        __module__, __qualname__ = fastpath.SANSIO
        handshake_complete = True

        async def send(self, message): ...

    monkeypatch.setattr(fastpath, "_usable", {})
    with caplog.at_level(logging.ERROR, logger="live.fastpath"):
        assert fastpath.direct_writer(WebSocketsSansIOProtocol().send) is None
    assert "not what live/fastpath.py knows" in caplog.text
    assert "close_sent" in caplog.text and "conn" in caplog.text


async def test_a_direct_write_never_overtakes_a_frame_still_in_the_outbox():
    released, order = asyncio.Event(), []

    async def slow_write(text: str) -> None:  # a fan whose server pushes back on the first frame
        await released.wait()
        order.append(("asgi", text))

    def direct(text: str) -> bool:
        order.append(("direct", text))
        return True

    outbox = Outbox(slow_write, limit=4, direct=direct)
    outbox.put("reply")
    assert outbox.offer("goal") and outbox.offer("score")
    released.set()
    await outbox.writer
    assert order == [("asgi", "reply"), ("asgi", "goal"), ("asgi", "score")]
    assert outbox.offer("card")  # nothing waits now: straight to the connection
    assert order[-1] == ("direct", "card")


async def test_a_frame_the_connection_does_not_take_directly_goes_through_asgi():
    sent = []

    async def write(text: str) -> None:
        sent.append(text)

    outbox = Outbox(write, limit=4, direct=lambda text: False)
    assert outbox.offer(GOAL)
    assert sent == [GOAL]
