"""Websockets of the live pages. Consumers stay thin: join, validate the message's shape,
hand anything real to a selector or a service."""

import json
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import timezone

from fixtures_app import realtime
from fixtures_app.editing import COMMANDS, run_editor_command
from fixtures_app.models import Match
from fixtures_app.selectors.live import snapshot
from fixtures_app.selectors.updates import updates_since

MAX_MESSAGE_BYTES = 16_384


class LiveSocket(AsyncWebsocketConsumer):
    """A socket the hub can write frames to directly, without the channel layer."""

    group = ""

    async def send_frame(self, text: str) -> None:
        await self.base_send({"type": "websocket.send", "text": text})

    async def disconnect(self, code):
        if self.group:
            realtime.hub.leave(self.group, self)

    async def send_json(self, payload: dict) -> None:
        await self.send(text_data=json.dumps(payload, separators=(",", ":")))

    async def send_error(self, message: str, *, ref=None) -> None:
        await self.send_json({"type": "error", "message": message, "ref": ref})

    def parse(self, text_data, bytes_data) -> dict | None:
        """The client's message as a dict with a type, or None when it is not one."""
        if bytes_data is not None or text_data is None or len(text_data) > MAX_MESSAGE_BYTES:
            return None
        try:
            message = json.loads(text_data)
        except ValueError:
            return None
        return message if isinstance(message, dict) and isinstance(message.get("type"), str) else None


class MatchConsumer(LiveSocket):
    """One match page: a snapshot on connect, then every change; catch-up on request."""

    async def connect(self):
        self.match_id = self.scope["url_route"]["kwargs"]["pk"]
        if not await database_sync_to_async(Match.objects.filter(pk=self.match_id).exists)():
            await self.close(code=4404)
            return
        await self.accept()
        self.group = realtime.match_group(self.match_id)
        await realtime.hub.join(self.group, self)
        since = _since(self.scope.get("query_string", b""))
        if since is None:
            await self.send_json(await database_sync_to_async(self._snapshot)())
        else:
            await self._catch_up(since)

    async def receive(self, text_data=None, bytes_data=None):
        message = self.parse(text_data, bytes_data)
        if message is None:
            await self.send_error('Send JSON objects with a "type", e.g. {"type": "catch_up", "since": 12}.')
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

    def _command(self, message: dict) -> dict:
        return run_editor_command(user=self.scope["user"], match_id=self.match_id, message=message)

    def _snapshot(self) -> dict:
        return snapshot(Match.objects.get(pk=self.match_id), now=timezone.now())

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
        if message is not None and message["type"] == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_error('This socket only sends scores; it takes {"type": "ping"}.')
