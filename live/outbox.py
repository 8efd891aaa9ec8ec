"""One fan's frames on their way out: written at once while the server takes them, queued
while it is still busy with an earlier one, and the fan given up when too many wait.

A goal goes to thousands of sockets from one loop, so the hub must never wait for any one
of them. Each write is started eagerly: with servers that only buffer (Daphne) it finishes
on the spot and costs no task; with servers that apply backpressure (Uvicorn, Granian) a
write to a slow fan suspends, its later frames queue behind it, and past the limit the fan
is dropped: its page reconnects and catches up from the update log.
"""

import asyncio
import functools
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import Any, Protocol, cast

from asgiref.typing import ASGIReceiveCallable

logger = logging.getLogger(__name__)

Write = Callable[[str], Coroutine[Any, Any, None]]
# What a coroutine suspends on: a future it awaits, or None for a bare yield.
Waiting = asyncio.Future[Any] | None
Frames = Coroutine[Waiting, None, None]
RAW_SEND = "matchcentre.raw_send"
# The server's own `send`. Its message is left untyped: asgiref's WebSocketSendEvent requires a
# `bytes` key that the ASGI spec makes optional, and frames carry `text` alone, as Channels' do.
ServerSend = Callable[..., Awaitable[None]]


class Application(Protocol):
    """An ASGI application. The scope is any: each layer adds its keys, and Channels types the
    scope its own way."""

    async def __call__(self, scope: Any, receive: ASGIReceiveCallable, send: ServerSend) -> None: ...


def with_raw_send(application: Application) -> Application:
    """ASGI middleware, outermost: keeps the server's own `send` in the scope. Broadcast frames
    go through it, skipping the session and auth wrappers, which only act on the handshake."""

    async def keep_send(scope: Any, receive: ASGIReceiveCallable, send: ServerSend) -> None:
        await application({**scope, RAW_SEND: send}, receive, send)

    return keep_send


def raw_send(scope: Mapping[str, object]) -> ServerSend | None:
    """The server's own `send`, as `with_raw_send` kept it; None when the socket came another way."""
    return cast(ServerSend | None, scope.get(RAW_SEND))


def eager(coroutine: Frames) -> Callable[[], Frames] | None:
    """Runs the coroutine up to its first suspension. None when it finished there; otherwise a
    function whose coroutine runs the rest (made only when awaited, so a writer cancelled
    before it starts leaves nothing un-awaited). Exceptions come out of either."""
    try:
        waiting_for = coroutine.send(None)
    except StopIteration:
        return None
    return functools.partial(_resume, coroutine, waiting_for)


async def _resume(coroutine: Frames, waiting_for: Waiting) -> None:
    while True:
        try:
            if waiting_for is None:  # a bare yield: give the loop a turn
                await asyncio.sleep(0)
            else:  # a future the coroutine awaits: the coroutine reads its result itself
                waiting_for._asyncio_future_blocking = False
                await asyncio.wait([waiting_for])
        except BaseException as error:  # cancelled while waiting: the coroutine is told
            waiting_for = coroutine.throw(error)
            continue
        try:
            waiting_for = coroutine.send(None)
        except StopIteration:
            return


class Outbox:
    """Frames for one socket, in order; at most `limit` wait behind a write in progress."""

    __slots__ = ("write", "limit", "waiting", "writer", "failed", "direct")

    def __init__(
        self, write: Write, *, limit: int, held: bool = False, direct: Callable[[str], bool] | None = None
    ) -> None:
        self.write, self.limit = write, limit
        # Writes a broadcast frame beneath ASGI when the connection plainly takes it (live/fastpath.py).
        self.direct = direct
        # None: no write in progress. A held outbox queues until `release` (the handshake).
        self.waiting: deque[str] | None = deque() if held else None
        self.writer: asyncio.Task[None] | None = None
        self.failed = False

    def release(self, first: list[str]) -> None:
        """Starts a held outbox: `first`, then whatever was queued while it was held."""
        if self.waiting is None or self.writer is not None:
            for frame in first:
                self.put(frame)
            return
        held, self.waiting = self.waiting, None
        for frame in [*first, *held]:
            self.put(frame)

    def offer(self, frame: str) -> bool:
        """Hands over a broadcast frame; False when the fan is too far behind (or gone). Written
        directly only when nothing waits or is being written, so it never overtakes a frame."""
        if self.waiting is None and self.direct is not None and not self.failed and self.direct(frame):
            return True
        if self.failed or (self.waiting is not None and len(self.waiting) >= self.limit):
            return False
        self.put(frame)
        return not self.failed

    def put(self, frame: str) -> None:
        """Hands over a frame the fan must have (a reply, a catch-up), whatever the queue's length."""
        if self.waiting is not None:
            self.waiting.append(frame)
            return
        try:
            rest = eager(self.write(frame))
        except Exception:
            self.failed = True
            raise
        if rest is not None:
            self.waiting = deque()
            self.writer = asyncio.ensure_future(self._drain(rest))

    async def _drain(self, rest: Callable[[], Frames]) -> None:
        try:
            await rest()
            while self.waiting:
                await self.write(self.waiting.popleft())
        except Exception:
            self.failed = True
            logger.info("a fan's socket stopped taking frames", exc_info=True)
        finally:
            self.waiting = None

    def cancel(self) -> None:
        if self.writer is not None and not self.writer.done():
            self.writer.cancel()
