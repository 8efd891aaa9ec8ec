"""A lean HTTP/1.1 client for the load generators: keep-alive connections on asyncio
protocols, requests written as prepared bytes, responses parsed just enough (status,
headers, body by Content-Length or chunks). The generator has one core; a general client
(aiohttp, httpx) would spend more of it than the server spends on a request.
"""

import asyncio
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Response:
    status: int
    head: bytes  # the status line and headers, as received
    body: bytes
    seconds: float  # from the request's last byte written to the response's last byte read

    def header(self, name: bytes) -> bytes | None:
        """The first header of that (lower-case) name, or None."""
        return _header(self.head.lower(), self.head, name)

    def cookie(self, name: bytes) -> bytes | None:
        """The value a Set-Cookie header gives the cookie `name`, or None."""
        start = self.head.find(b"Set-Cookie: " + name + b"=")
        if start < 0:
            start = self.head.lower().find(b"set-cookie: " + name.lower() + b"=")
        if start < 0:
            return None
        start += len(b"Set-Cookie: ") + len(name) + 1
        end = self.head.find(b";", start)
        line_end = self.head.find(b"\r\n", start)
        if end < 0 or (0 <= line_end < end):
            end = line_end if line_end >= 0 else len(self.head)
        return self.head[start:end].strip(b'"')


def _header(lowered: bytes, head: bytes, name: bytes) -> bytes | None:
    start = lowered.find(b"\r\n" + name + b":")
    if start < 0:
        return None
    start += len(name) + 3
    end = lowered.find(b"\r\n", start)
    return head[start : end if end >= 0 else len(head)].strip()


class Connection(asyncio.Protocol):
    """One keep-alive connection; one request in flight at a time."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future | None = None
        self.sent_at = 0.0
        self.closed = False

    def connection_made(self, transport: asyncio.Transport) -> None:
        self.transport = transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("the server closed the connection"))

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        response = self._parse()
        if response is not None and self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(response)

    async def send(self, raw: bytes) -> Response:
        self.waiter = asyncio.get_running_loop().create_future()
        self.sent_at = time.perf_counter()
        self.transport.write(raw)
        return await self.waiter

    def _parse(self) -> Response | None:
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return None
        head = bytes(self.buffer[:end])
        lowered = head.lower()
        length = _header(lowered, head, b"content-length")
        if length is not None:
            total = end + 4 + int(length)
            if len(self.buffer) < total:
                return None
            body = bytes(self.buffer[end + 4 : total])
        elif b"\r\ntransfer-encoding: chunked" in lowered:
            parsed = _chunks(self.buffer, end + 4)
            if parsed is None:
                return None
            body, total = parsed
        else:
            total, body = end + 4, b""
        del self.buffer[:total]
        return Response(int(head[9:12]), head, body, time.perf_counter() - self.sent_at)


def _chunks(buffer: bytearray, at: int) -> tuple[bytes, int] | None:
    parts = []
    while True:
        line_end = buffer.find(b"\r\n", at)
        if line_end < 0:
            return None
        size = int(bytes(buffer[at:line_end]).split(b";")[0], 16)
        start = line_end + 2
        if len(buffer) < start + size + 2:
            return None
        if size == 0:
            trailer_end = buffer.find(b"\r\n", start)  # no trailers expected: the empty line
            return (b"".join(parts), trailer_end + 2) if trailer_end >= 0 else None
        parts.append(bytes(buffer[start : start + size]))
        at = start + size + 2


async def connect(port: int, host: str = "127.0.0.1") -> Connection:
    loop = asyncio.get_running_loop()
    _, connection = await loop.create_connection(Connection, host, port)
    return connection


def request_bytes(
    method: str, path: str, *, port: int, headers: dict[str, str] | None = None, body: bytes = b""
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
