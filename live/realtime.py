"""How a change reaches fans' sockets: the one place that knows group names and transport.

A change is serialised once, after its transaction commits, and published to its group.
Each server process keeps one hub: the sockets of that process by group, and (with
REDIS_URL) one Redis subscription for the whole process. A published frame therefore
costs one Redis message per process and one socket write per fan: no per-fan
serialisation and no per-fan trip through the channel layer, whose per-consumer dispatch
the performance issue measured at ~470 µs a frame. The hub never waits for a socket: each
fan's frames go through its own bounded outbox (live/outbox.py), and a fan too far
behind is dropped to catch up on reconnect. Without REDIS_URL the hub is fed in process,
which is all a single `make run` process needs.
"""

import asyncio
import logging
import re
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from django.conf import settings

from live import metrics

if TYPE_CHECKING:
    import redis

logger = logging.getLogger(__name__)
# Redis pub/sub ignores the database number: the prefix carries it, so that sites sharing a
# Redis server on different databases never see each other's frames.
CHANNEL_PREFIX = f"matchcentre:db{(urlsplit(settings.REDIS_URL).path.strip('/') or '0')}:"
SCORES_GROUP = "scores"
CLOSE_TOO_SLOW = 4008  # the fan fell too far behind: reconnect and catch up
CLOSE_RESYNC = 1012  # live delivery was interrupted (Redis): reconnect and catch up
RETRY_FIRST, RETRY_MAX = 0.5, 5.0  # seconds between attempts to subscribe again
SEQ = re.compile(r'^\{"type":"[a-z_]+","match":\d+,"seq":(\d+)')


class Socket(Protocol):
    def offer(self, text: str) -> bool:
        """Takes the frame without waiting; False when the fan is too far behind or gone."""

    def drop(self, code: int) -> None:
        """Called once the hub has let the socket go: close with `code`; the page reconnects
        and catches up from the update log."""


def match_group(match_id: int) -> str:
    return f"match.{match_id}"


class Hub:
    """This process's sockets by group, and the one subscription that feeds them."""

    def __init__(self) -> None:
        self.groups: dict[str, set[Socket]] = defaultdict(set)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.listener: asyncio.Task[None] | None = None
        # Made anew for each loop (`_reset`); this one is never waited on.
        self.subscribed = asyncio.Event()
        # The last seq each match group's frames carried, as this process has delivered them:
        # a page that connects already showing it needs no trip to the database.
        self.seqs: dict[str, int] = {}

    def latest_seq(self, group: str) -> int | None:
        return self.seqs.get(group)

    def saw_seq(self, group: str, seq: int) -> None:
        """Records a seq read or delivered; only ever raised (a stale read cannot lower it).
        Called on the hub's loop only."""
        if seq > self.seqs.get(group, -1):
            self.seqs[group] = seq

    async def join(self, group: str, socket: Socket) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self.loop:
            self._reset(loop)
        self.groups[group].add(socket)
        if settings.REDIS_URL:
            await self._listening(loop)

    def count_sockets(self, kind: str) -> int:
        """The sockets this process holds in groups of that kind (live/metrics.py), read from
        the scrape's thread: copied first, as the loop may change the groups meanwhile."""
        groups = dict(self.groups)
        return sum(len(members) for group, members in groups.items() if metrics.sockets_kind(group) == kind)

    def leave(self, group: str, socket: Socket) -> None:
        members = self.groups.get(group)
        if members is not None:
            members.discard(socket)
            if not members:
                del self.groups[group]

    def deliver(self, group: str, text: str) -> None:
        """Hands the frame to every socket of the group without waiting for any of them."""
        started = time.thread_time()
        found = SEQ.search(text, 0, 80)
        if found:
            self.saw_seq(group, int(found.group(1)))
        members = list(self.groups.get(group, ()))
        let_go = 0  # counted on the rare path only: the loop adds no work per fan
        for socket in members:
            taken: bool | None
            try:
                taken = socket.offer(text)
            except Exception:  # one broken socket must not stop the others
                logger.info("dropping a socket that failed to take a frame", exc_info=True)
                metrics.FANS_LET_GO.labels(metrics.LET_GO_FAILED).inc()
                taken = None
            if not taken:
                if taken is False:
                    metrics.FANS_LET_GO.labels(metrics.LET_GO_TOO_SLOW).inc()
                let_go += 1
                self.leave(group, socket)
                socket.drop(CLOSE_TOO_SLOW)
        if members:
            metrics.FRAMES_SENT.inc(len(members) - let_go)
        metrics.FAN_OUT_CPU.inc(time.thread_time() - started)

    def forget_seq(self, group: str) -> None:
        """From any thread: the group's latest seq is unknown (a frame was not delivered), so the
        next socket to join it reads the database rather than trusting what it knew."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.seqs.pop, group, None)

    def publish_local(self, group: str, text: str) -> None:
        """Hands a frame to this process's loop, from whatever thread the commit ran in."""
        if self.loop is None or self.loop.is_closed():
            return
        self.loop.call_soon_threadsafe(self.deliver, group, text)

    def _reset(self, loop: asyncio.AbstractEventLoop) -> None:
        if self.listener and not self.listener.done():
            self.listener.cancel()
        self.groups.clear()
        self.seqs.clear()
        self.loop, self.listener, self.subscribed = loop, None, asyncio.Event()

    async def _listening(self, loop: asyncio.AbstractEventLoop) -> None:
        if self.listener is None or self.listener.done():
            # First socket of this loop, or the listener stopped when its last socket left: frames
            # published meanwhile were never seen here, so the seqs it knew may be behind.
            self.seqs.clear()
            self.subscribed = asyncio.Event()
            self.listener = loop.create_task(self._listen())
        await asyncio.wait_for(self.subscribed.wait(), timeout=5)

    async def _listen(self) -> None:
        """Keeps the subscription while the process has sockets, subscribing again after Redis
        fails. Sockets that were open across an outage missed frames: they are let go (1012),
        and their pages reconnect and catch up from the update log."""
        delay, interrupted = RETRY_FIRST, False
        while True:
            try:
                async for _ in self._subscription():
                    if interrupted:
                        logger.warning("live delivery is back: pages that missed frames catch up")
                        self.seqs.clear()  # frames were missed: what it knew is out of date
                        self._let_all_go(CLOSE_RESYNC)
                    delay, interrupted = RETRY_FIRST, False
            except Exception:
                if not interrupted:
                    logger.exception("live delivery interrupted: the Redis subscription failed")
                interrupted = True
                self.subscribed.clear()
            if not self.groups:
                return
            await asyncio.sleep(delay)
            delay = min(delay * 2, RETRY_MAX)

    async def _subscription(self) -> AsyncIterator[None]:
        """Yields once subscribed, then delivers every frame until the connection fails."""
        import redis.asyncio as redis

        client = redis.from_url(settings.REDIS_URL)
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        try:
            await pubsub.psubscribe(f"{CHANNEL_PREFIX}*")
            self.subscribed.set()
            yield
            async for message in pubsub.listen():
                if message["type"] == "pmessage":
                    group = message["channel"].decode()[len(CHANNEL_PREFIX) :]
                    self.deliver(group, message["data"].decode())
        finally:
            await pubsub.aclose()
            await client.aclose()

    def _let_all_go(self, code: int) -> None:
        for group, members in list(self.groups.items()):
            metrics.FANS_LET_GO.labels(metrics.LET_GO_RESYNC).inc(len(members))
            for socket in list(members):
                self.leave(group, socket)
                socket.drop(code)


hub = Hub()
metrics.watch_sockets(hub.count_sockets)


def publish(group: str, text: str) -> bool:
    """Sends a serialised frame to every socket of the group, in every process. False when
    Redis did not take it: the pages catch up later."""
    if settings.REDIS_URL:
        try:
            redis_client().publish(CHANNEL_PREFIX + group, text)
        except Exception:
            # The change is saved and logged; pages catch up from the update log.
            logger.exception("live delivery failed: Redis did not take the frame")
            metrics.PUBLISH_FAILURES.inc()
            hub.forget_seq(group)
            _record_delivery(failed=True)
            return False
        _record_delivery(failed=False)
    else:
        hub.publish_local(group, text)
    return True


_client: "redis.Redis | None" = None


def redis_client() -> "redis.Redis":
    """This process's Redis client for quick commands (publishing, counters), made on first use."""
    global _client
    if _client is None:
        import redis

        _client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)
    return _client


# Delivery health, told to editors after each write: "degraded" from a frame Redis did not
# take until the next one it takes. Per process, as each process publishes its own writes.
DELIVERY_OK, DELIVERY_DEGRADED = "ok", "degraded"
_delivery_failed = False


def delivery_status() -> str:
    """Live delivery as editors are told it: "degraded" if this process's last frame failed, else "ok"."""
    return DELIVERY_DEGRADED if _delivery_failed else DELIVERY_OK


def _record_delivery(*, failed: bool) -> None:
    global _delivery_failed
    if failed != _delivery_failed:
        logger.warning("live delivery is %s", "degraded: pages will catch up" if failed else "back")
    _delivery_failed = failed
