"""Websockets of the live pages. Consumers stay thin: join, validate the message's shape,
hand anything real to a selector or a service."""

from functools import partial
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import timezone

from fixtures_app.editing import COMMANDS, run_editor_command
from fixtures_app.editors import user_now
from fixtures_app.selectors.snapshots import (
    Head,
    kept_opening,
    match_head,
    missed_texts,
    opening_texts,
    remember,
    shared,
)
from live import realtime
from live.sockets import LiveSocket


class MatchConsumer(LiveSocket):
    """One match page: a snapshot on connect, then every change; catch-up on request."""

    async def connect(self):
        self.match_id = self.scope["url_route"]["kwargs"]["pk"]
        # Join first, read second: a change committed meanwhile is either in what is read or
        # held in the outbox behind it (the page ignores what it already has, by seq).
        self.open_outbox()
        if not await self.join_group(realtime.match_group(self.match_id)):
            return
        since = _since(self.scope.get("query_string", b""))
        known = realtime.hub.latest_seq(self.group)
        if since is not None and since == known:
            await self.accept()  # the page is up to date: a connect storm spares the database
            return
        opening = kept_opening(self.match_id, since, known) or await self._read_opening(since)
        if opening is None:
            realtime.hub.leave(self.group, self)
            await self.close(code=4404)
            return
        head, first = opening
        remember(head)
        realtime.hub.saw_seq(self.group, head.seq)
        await self._accept_with(first)

    async def _read_opening(self, since: int | None) -> tuple[Head, list[str]] | None:
        """One trip to the database, on any free thread, shared by the fans of this match and
        `since` that ask meanwhile: a storm costs a handful of queries, not one per fan."""
        opening = await shared(("opening", self.match_id, since), partial(self._opening, since))
        newest = realtime.hub.latest_seq(self.group)
        if opening is not None and newest is not None and newest > opening[0].seq:
            # A change was sent while it was read, perhaps before this fan joined: read again.
            opening = await database_sync_to_async(self._opening, thread_sensitive=False)(since)
        return opening

    def _opening(self, since: int | None) -> tuple[Head, list[str]] | None:
        """The match's head and what the fan gets first: a snapshot, or what it missed since
        `since`, built once per (match, seq). None: no such match."""
        head = match_head(self.match_id)
        return None if head is None else (head, opening_texts(head, since, now=timezone.now()))

    async def _accept_with(self, texts: list[str]) -> None:
        """Accepts, then sends the already serialised `texts` ahead of any frame the hub gave the
        outbox meanwhile: the same str for every fan, not one serialisation each."""
        await AsyncWebsocketConsumer.accept(self)
        (self.outbox or self.open_outbox()).release(texts)

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
        for text in await database_sync_to_async(self._missed)(since):
            if self.outbox is None:
                await self.send(text_data=text)
            else:
                self.outbox.put(text)

    def _missed(self, since: int) -> list[str]:
        head = match_head(self.match_id)
        return [] if head is None else missed_texts(head, since, now=timezone.now())

    def _command(self, message: dict) -> dict:
        # The editor as they are now, not as they were when the socket opened: rights taken
        # away, a password changed or a sign-out since then stop the next command.
        session = self.scope.get("session")
        user = user_now(session.session_key if session is not None else None)
        return run_editor_command(user=user, match_id=self.match_id, message=message)


def _since(query_string: bytes) -> int | None:
    """`?since=N`: the page already shows everything up to update N."""
    values = parse_qs(query_string.decode("latin-1")).get("since")
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None


class ScoresConsumer(LiveSocket):
    """Live scores of pages that list games (today's games, the home page, tables): one small
    message per change to any match, serialised once for every fan. It sends nothing on
    connect: a page that reconnects fetches its lists again over HTTP."""

    async def connect(self):
        self.open_outbox()
        if await self.join_group(realtime.SCORES_GROUP):
            await self.accept()

    async def receive(self, text_data=None, bytes_data=None):
        message = self.parse(text_data, bytes_data)
        if isinstance(message, dict) and message["type"] == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_error('This socket only sends scores; it takes {"type": "ping"}.')
