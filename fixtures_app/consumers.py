"""Websockets of the live pages. Consumers stay thin: join, validate the message's shape,
hand anything real to a selector or a service."""

import asyncio
import contextlib
import json
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import timezone

from fixtures_app import realtime
from fixtures_app.editing import COMMANDS, run_editor_command
from fixtures_app.models import Match
from fixtures_app.outbox import RAW_SEND, Outbox
from fixtures_app.selectors.live import snapshot
from fixtures_app.selectors.updates import updates_since

MAX_MESSAGE_BYTES = 16_384
NOT_A_MESSAGE = 'Send JSON objects with a "type", e.g. {"type": "catch_up", "since": 12}.'


class LiveSocket(AsyncWebsocketConsumer):
    """A socket the hub hands frames to directly, through the fan's bounded outbox."""

    group = ""
    # Frames reach fans through realtime.hub, written straight to the socket: a channel-layer
    # channel per fan would only cost memory, a Redis read loop each, and fans dropped with it.
    channel_layer_alias = None
    outbox: Outbox | None = None

    def open_outbox(self) -> Outbox:
        """The fan's outbox, held until `accept` starts it; the hub may feed it from now on."""
        send = self.scope.get(RAW_SEND, self.base_send)

        async def write(text: str) -> None:  # a coroutine, whatever awaitable the server's send gives
            await send({"type": "websocket.send", "text": text})

        self.outbox = Outbox(write, limit=settings.LIVE_SEND_QUEUE, held=True)
        return self.outbox

    async def accept(self, subprotocol=None, headers=None, *, first: list[dict] = ()):
        """Accepts, then sends `first` ahead of any frame the hub gave the outbox meanwhile."""
        await super().accept(subprotocol, headers)
        outbox = self.outbox or self.open_outbox()
        outbox.release([json.dumps(message, separators=(",", ":")) for message in first])

    async def dispatch(self, message):
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

    async def disconnect(self, code):
        if self.group:
            realtime.hub.leave(self.group, self)
        if self.outbox is not None:
            self.outbox.cancel()

    async def send_json(self, payload: dict) -> None:
        text = json.dumps(payload, separators=(",", ":"))
        if self.outbox is None:
            await self.send(text_data=text)
        else:
            self.outbox.put(text)

    async def send_error(self, message: str, *, ref=None) -> None:
        await self.send_json({"type": "error", "message": message, "ref": ref})

    def parse(self, text_data, bytes_data) -> dict | str:
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


class MatchConsumer(LiveSocket):
    """One match page: a snapshot on connect, then every change; catch-up on request."""

    async def connect(self):
        self.match_id = self.scope["url_route"]["kwargs"]["pk"]
        # Join first, read second: a change committed meanwhile is either in what is read or
        # held in the outbox behind it (the page ignores what it already has, by seq).
        self.open_outbox()
        self.group = realtime.match_group(self.match_id)
        await realtime.hub.join(self.group, self)
        since = _since(self.scope.get("query_string", b""))
        if since is not None and since == realtime.hub.latest_seq(self.group):
            await self.accept()  # the page is up to date: a connect storm spares the database
            return
        # Otherwise one trip to the database, on any free thread.
        opening = await database_sync_to_async(self._opening, thread_sensitive=False)(since)
        if opening is None:
            realtime.hub.leave(self.group, self)
            await self.close(code=4404)
            return
        seq, first = opening
        realtime.hub.saw_seq(self.group, seq)
        await self.accept(first=first)

    async def receive(self, text_data=None, bytes_data=None):
        message = self.parse(text_data, bytes_data)
        if isinstance(message, str):
            await self.send_error(message)
        elif message["type"] == "catch_up":
            await self._catch_up(message.get("since"))
        elif message["type"] == "ping":
            await self.send_json({"type": "pong"})
        elif message["type"] in COMMANDS:
            await self.send_json(await database_sync_to_async(self._command)(message))
        else:
            await self.send_error(f"Unknown message type {message['type'][:40]!r}.", ref=message.get("ref"))

    async def _catch_up(self, since) -> None:
        if not isinstance(since, int) or isinstance(since, bool):
            await self.send_error('catch_up needs "since": the last sequence number seen (a whole number).')
            return
        for update in await database_sync_to_async(self._updates_since)(since):
            await self.send_json(update)

    def _opening(self, since: int | None) -> tuple[int, list[dict]] | None:
        """The match's seq and what the fan gets first: a snapshot, or what it missed since
        `since`. None: no such match."""
        match = Match.objects.filter(pk=self.match_id).first()
        if match is None:
            return None
        now = timezone.now()
        return match.seq, [snapshot(match, now=now)] if since is None else updates_since(
            match, since, now=now
        )

    def _command(self, message: dict) -> dict:
        return run_editor_command(user=self.scope["user"], match_id=self.match_id, message=message)

    def _updates_since(self, since: int) -> list[dict]:
        return updates_since(Match.objects.get(pk=self.match_id), since, now=timezone.now())


def _since(query_string: bytes) -> int | None:
    """`?since=N`: the page already shows everything up to update N."""
    values = parse_qs(query_string.decode("latin-1")).get("since")
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None


class ScoresConsumer(LiveSocket):
    """The home page's live scores: one small message per change to any match."""

    async def connect(self):
        await self.accept()
        self.group = realtime.SCORES_GROUP
        await realtime.hub.join(self.group, self)

    async def receive(self, text_data=None, bytes_data=None):
        message = self.parse(text_data, bytes_data)
        if isinstance(message, dict) and message["type"] == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_error('This socket only sends scores; it takes {"type": "ping"}.')
