"""How a change reaches fans' sockets: the one place that knows group names and transport.

A change is serialised once, after its transaction commits, and published to its group.
Each server process keeps one hub: the sockets of that process by group, and (with
REDIS_URL) one Redis subscription for the whole process. A published frame therefore
costs one Redis message per process and one socket write per fan: no per-fan
serialisation and no per-fan trip through the channel layer, whose per-consumer dispatch
the performance issue measured at ~470 µs a frame. Without REDIS_URL the hub is fed in
process, which is all a single `make run` process needs.
"""

import asyncio
import logging
from collections import defaultdict
from typing import Protocol

from django.conf import settings

logger = logging.getLogger(__name__)
CHANNEL_PREFIX = "matchcentre:"
SCORES_GROUP = "scores"


class Socket(Protocol):
    async def send_frame(self, text: str) -> None: ...


def match_group(match_id: int) -> str:
    return f"match.{match_id}"


class Hub:
    """This process's sockets by group, and the one subscription that feeds them."""

    def __init__(self) -> None:
        self.groups: dict[str, set[Socket]] = defaultdict(set)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.listener: asyncio.Task | None = None
        self.subscribed: asyncio.Event | None = None

    async def join(self, group: str, socket: Socket) -> None:
        loop = asyncio.get_running_loop()
        if loop is not self.loop:
            self._reset(loop)
        self.groups[group].add(socket)
        if settings.REDIS_URL:
            await self._listening()

    def leave(self, group: str, socket: Socket) -> None:
        members = self.groups.get(group)
        if members is not None:
            members.discard(socket)
            if not members:
                del self.groups[group]

    async def deliver(self, group: str, text: str) -> None:
        for socket in list(self.groups.get(group, ())):
            try:
                await socket.send_frame(text)
            except Exception:  # one broken socket must not stop the others
                logger.warning("dropping a socket that failed to take a frame", exc_info=True)
                self.leave(group, socket)

    def publish_local(self, group: str, text: str) -> None:
        """Hands a frame to this process's loop, from whatever thread the commit ran in."""
        if self.loop is None or self.loop.is_closed() or group not in self.groups:
            return
        self.loop.call_soon_threadsafe(lambda: self.loop.create_task(self.deliver(group, text)))

    def _reset(self, loop: asyncio.AbstractEventLoop) -> None:
        if self.listener and not self.listener.done():
            self.listener.cancel()
        self.groups.clear()
        self.loop, self.listener, self.subscribed = loop, None, asyncio.Event()

    async def _listening(self) -> None:
        if self.listener is None or self.listener.done():
            # First socket of this loop, or the subscription died (Redis went away): subscribe anew.
            self.subscribed = asyncio.Event()
            self.listener = self.loop.create_task(self._listen())
        await asyncio.wait_for(self.subscribed.wait(), timeout=5)

    async def _listen(self) -> None:
        import redis.asyncio as redis

        client = redis.from_url(settings.REDIS_URL)
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        try:
            await pubsub.psubscribe(f"{CHANNEL_PREFIX}*")
            self.subscribed.set()
            async for message in pubsub.listen():
                if message["type"] == "pmessage":
                    group = message["channel"].decode()[len(CHANNEL_PREFIX) :]
                    await self.deliver(group, message["data"].decode())
        except Exception:
            logger.exception("live delivery stopped: the Redis subscription failed")
            raise
        finally:
            await pubsub.aclose()
            await client.aclose()


hub = Hub()


def publish(group: str, text: str) -> None:
    """Sends a serialised frame to every socket of the group, in every process."""
    if settings.REDIS_URL:
        try:
            _redis().publish(CHANNEL_PREFIX + group, text)
        except Exception:
            # The change is saved and logged; pages catch up from the update log.
            logger.exception("live delivery failed: Redis did not take the frame")
    else:
        hub.publish_local(group, text)


_client = None


def _redis():
    global _client
    if _client is None:
        import redis

        _client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)
    return _client
