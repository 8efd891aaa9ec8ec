"""The socket base every live page's consumer builds on: frames from the hub go straight to the
server's `send` through the fan's bounded outbox (live/outbox.py), skipping Channels' channel
layer, or on Uvicorn straight to the connection, encoded once for every fan (live/fastpath.py);
replies and catch-ups go through the outbox too, in order. Page-specific consumers stay with
their app (fixtures_app/consumers.py)."""

import asyncio
import contextlib
import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from live import fastpath, realtime
from live.outbox import Outbox, ServerSend, raw_send

logger = logging.getLogger(__name__)
MAX_MESSAGE_BYTES = 16_384
# Closed with "try again later" when live delivery cannot be had (Redis out of reach): the page
# reconnects with its backoff, and meanwhile polls over HTTP.
CLOSE_TRY_AGAIN_LATER = 1013
NOT_A_MESSAGE = 'Send JSON objects with a "type", e.g. {"type": "catch_up", "since": 12}.'


class LiveSocket(AsyncWebsocketConsumer):
    """A socket the hub hands frames to directly, through the fan's bounded outbox."""

    group = ""
    # Frames reach fans through realtime.hub, written straight to the socket: a channel-layer
    # channel per fan would only cost memory, a Redis read loop each, and fans dropped with it.
    # Channels looks the alias up and takes one that names no layer as none; its stubs allow only a
    # string, hence the ignore.
    channel_layer_alias = None  # type: ignore[assignment]
    outbox: Outbox | None = None

    def open_outbox(self) -> Outbox:
        """The fan's outbox, held until `accept` starts it; the hub may feed it from now on."""
        send: ServerSend = raw_send(self.scope) or self.base_send

        async def write(text: str) -> None:  # a coroutine, whatever awaitable the server's send gives
            await send({"type": "websocket.send", "text": text})

        direct = fastpath.direct_writer(send)
        self.outbox = Outbox(write, limit=settings.LIVE_SEND_QUEUE, held=True, direct=direct)
        return self.outbox

    async def accept(
        self,
        subprotocol: str | None = None,
        headers: list[tuple[str, str]] | None = None,
        *,
        first: Sequence[Mapping[str, object]] = (),
    ) -> None:
        """Accepts, then sends `first` ahead of any frame the hub gave the outbox meanwhile."""
        await super().accept(subprotocol, headers)
        outbox = self.outbox or self.open_outbox()
        outbox.release([json.dumps(message, separators=(",", ":")) for message in first])

    async def join_group(self, group: str) -> bool:
        """Joins the hub's `group`; False (the socket closed, 1013) when live delivery is out of
        reach, which is an outage already logged by the hub, not an error of this socket."""
        self.group = group
        try:
            await realtime.hub.join(group, self)
        except TimeoutError:
            realtime.hub.leave(group, self)
            self.group = ""
            logger.warning("a live socket was turned away: no Redis subscription within 5 s")
            await self.close(code=CLOSE_TRY_AGAIN_LATER)
            return False
        return True

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels closes stale database connections before every handler, one trip to the
        # database thread each; the handlers here that touch the database go through
        # database_sync_to_async, which does that itself. A connect storm is spared the trip.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    def offer(self, text: str) -> bool:
        return self.outbox is not None and self.outbox.offer(text)

    def drop(self, code: int) -> None:
        if self.outbox is not None:
            self.outbox.cancel()
        asyncio.ensure_future(self._close_quietly(code))

    async def _close_quietly(self, code: int) -> None:
        with contextlib.suppress(Exception):
            await self.close(code=code)

    async def disconnect(self, code: int) -> None:
        if self.group:
            realtime.hub.leave(self.group, self)
        if self.outbox is not None:
            self.outbox.cancel()

    async def send_json(self, payload: Mapping[str, object]) -> None:
        text = json.dumps(payload, separators=(",", ":"))
        if self.outbox is None:
            await self.send(text_data=text)
        else:
            self.outbox.put(text)

    async def send_error(self, message: str, *, ref: object = None) -> None:
        await self.send_json({"type": "error", "message": message, "ref": ref})

    def parse(self, text_data: str | None, bytes_data: bytes | None) -> dict[str, Any] | str:
        """The client's message as a dict with a type, or what is wrong with it."""
        if bytes_data is not None or text_data is None:
            return "Binary frames are not read: send JSON text."
        if len(text_data.encode()) > MAX_MESSAGE_BYTES:
            return f"A message may be at most {MAX_MESSAGE_BYTES // 1024} KB."
        try:
            message = json.loads(text_data)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python's parser goes
            return NOT_A_MESSAGE
        return (
            message if isinstance(message, dict) and isinstance(message.get("type"), str) else NOT_A_MESSAGE
        )
