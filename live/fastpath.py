"""Hub frames written straight to the connection, beneath ASGI, on the production server.

A broadcast frame is the same bytes for every fan: RFC 6455 server frames are unmasked. So it
is encoded once (by the websockets library's own `Frame.serialize`) and, for each fan whose
connection is plainly open and whose transport is not pushing back, written with one
`transport.write`: no coroutine, no ASGI message, no framing per fan. Anything else (a socket
still handshaking or closing, a transport over its high-water mark, a fragmented message or an
extension in use, a server this module does not know) goes the ASGI way through the fan's
outbox, as before, so backpressure, the bounded outbox and close codes are unchanged.

It reaches into Uvicorn's websockets-sansio protocol (the production recipe's `--ws`): what it
reads is checked once per protocol class, and if anything is missing or of another type it
logs an error and keeps to ASGI. tests/live/test_fastpath.py fails when the installed server
changes any of it. Daphne and other servers keep the ASGI path.
"""

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from websockets.frames import Frame, Opcode
from websockets.protocol import Protocol, State

logger = logging.getLogger(__name__)

# Writes a broadcast frame given as text and returns True, or returns False without writing:
# the frame must go the ASGI way.
Direct = Callable[[str], bool]
# The one protocol class known: Uvicorn's `--ws websockets-sansio`.
SANSIO = ("uvicorn.protocols.websockets.websockets_sansio_impl", "WebSocketsSansIOProtocol")
# What the direct write reads on that protocol, and on its sans-I/O connection (`conn`).
PROTOCOL_FLAGS = ("handshake_complete", "close_sent", "disconnected")
CONNECTION_FIELDS = {"expect_continuation_frame": bool, "extensions": list, "writes": list}
_usable: dict[type, bool] = {}
_last: tuple[str, bytes] = ("", b"")


def encoded(text: str) -> bytes:
    """The text frame's bytes, encoded once per broadcast: the hub hands every fan the same
    str, so the last one is kept (held, so its identity cannot be reused)."""
    global _last
    if text is not _last[0]:
        _last = (text, Frame(Opcode.TEXT, text.encode()).serialize(mask=False, extensions=[]))
    return _last[1]


def direct_writer(send: object) -> Direct | None:
    """A direct writer for the connection behind the server's own `send`, or None: that server
    has no direct path, or direct writes are off (MATCHCENTRE_LIVE_DIRECT_WRITES)."""
    protocol = getattr(send, "__self__", None)
    if protocol is None or not settings.LIVE_DIRECT_WRITES:
        return None
    kind = type(protocol)
    usable = _usable.get(kind)
    if usable is None:
        usable = _usable[kind] = _check(protocol)
    return functools.partial(_write, protocol) if usable else None


def _write(protocol: Any, text: str) -> bool:
    """Uvicorn's own `send` of a text message, for a connection in the plain open state: the
    same bytes, without the coroutine and the per-fan framing."""
    conn = protocol.conn
    if (
        protocol.handshake_complete
        and not protocol.close_sent
        and not protocol.disconnected
        and protocol.initial_response is None
        and protocol.writable.is_set()  # not pushing back: over the high-water mark it is clear
        and conn.state is State.OPEN
        and not conn.expect_continuation_frame
        and not conn.extensions
        and not conn.writes
        and not protocol.transport.is_closing()
    ):
        protocol.transport.write(encoded(text))
        return True
    return False


def _check(protocol: Any) -> bool:
    """Whether this protocol class has everything `_write` reads, as it expects it."""
    kind = type(protocol)
    if (kind.__module__, kind.__qualname__) != SANSIO:
        name = f"{kind.__module__}.{kind.__qualname__}"
        logger.info("live frames go through ASGI on %s: no direct path for it", name)
        return False
    problems = changed(protocol)
    if problems:
        logger.error(
            "live frames go through ASGI, at several times the CPU a frame: Uvicorn's websocket"
            " protocol is not what live/fastpath.py knows (%s)",
            "; ".join(problems),
        )
    return not problems


def changed(protocol: Any) -> list[str]:
    """What differs from the Uvicorn protocol the direct write was written for (empty: nothing)."""
    problems = [name for name in PROTOCOL_FLAGS if not isinstance(getattr(protocol, name, None), bool)]
    if not hasattr(protocol, "initial_response"):
        problems.append("initial_response")
    if not callable(getattr(getattr(protocol, "writable", None), "is_set", None)):
        problems.append("writable (an asyncio.Event)")
    transport = getattr(protocol, "transport", None)
    if not (callable(getattr(transport, "write", None)) and callable(getattr(transport, "is_closing", None))):
        problems.append("transport")
    conn = getattr(protocol, "conn", None)
    if not isinstance(conn, Protocol) or not isinstance(getattr(conn, "state", None), State):
        return [*problems, "conn (a websockets sans-I/O protocol)"]
    problems += [
        f"conn.{name}"
        for name, expected in CONNECTION_FIELDS.items()
        if not isinstance(getattr(conn, name, None), expected)
    ]
    return problems
