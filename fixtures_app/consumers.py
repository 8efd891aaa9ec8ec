"""Websockets of the live pages. Consumers stay thin: join, validate the message's shape,
hand anything real to a selector or a service."""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from django.utils import timezone

from fixtures_app.editing import COMMANDS, run_editor_command
from fixtures_app.editors import user_now
from fixtures_app.models import Match
from fixtures_app.selectors.live import snapshot
from fixtures_app.selectors.updates import updates_since
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
        # The editor as they are now, not as they were when the socket opened: rights taken
        # away, a password changed or a sign-out since then stop the next command.
        session = self.scope.get("session")
        user = user_now(session.session_key if session is not None else None)
        return run_editor_command(user=user, match_id=self.match_id, message=message)

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
