"""A lean websocket fan for load generation: just enough of RFC 6455 to open a socket,
answer pings and time each text frame's arrival, so that one generator core can hold
thousands of fans without becoming what is measured.

Frames are timed when their last byte arrives (when a page could apply them); only the
`seq` near the start of each frame is read. A `Generator` holds its share of the fans in a
process of its own on a core of its own (with uvloop, as the server has): one holds 10,000
fans, the file-descriptor limit of one process; two hold 20,000. Arrival times are
`time.perf_counter()`, one clock for every process of the machine.
"""

import asyncio
import base64
import multiprocessing
import os
import re
import time
from collections import Counter, defaultdict
from multiprocessing.connection import Connection

SEQ = re.compile(rb'"seq":\s*(\d+)')
HANDSHAKE_END = b"\r\n\r\n"


class Crowd:
    """Every fan's arrivals, by the seq of the frame: {seq: [arrival time, …]}."""

    def __init__(self) -> None:
        self.arrivals: dict[int, list[float]] = defaultdict(list)
        self.open = 0
        self.refused = 0
        self.closed = 0
        self.connect_times: list[float] = []
        self.failures: Counter[str] = Counter()


class Fan(asyncio.Protocol):
    def __init__(self, crowd: Crowd, host: str, path: str, opened: asyncio.Future) -> None:
        self.crowd, self.host, self.path, self.opened = crowd, host, path, opened
        self.buffer = bytearray()
        self.handshaken = False
        self.transport: asyncio.Transport | None = None
        self.started = time.perf_counter()

    def connection_made(self, transport) -> None:
        self.transport = transport
        key = base64.b64encode(os.urandom(16)).decode()
        transport.write(
            (
                f"GET {self.path} HTTP/1.1\r\nHost: {self.host}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                f"Origin: http://{self.host}\r\n\r\n"
            ).encode()
        )

    def data_received(self, data: bytes) -> None:
        now = time.perf_counter()
        if self.handshaken and not self.buffer and len(data) > 4 and data[0] == 0x81:
            # The common case, one whole text frame: read without copying.
            length, header = data[1], 2
            if length == 126:
                length, header = int.from_bytes(data[2:4], "big"), 4
            if data[1] < 127 and len(data) == header + length:
                found = SEQ.search(data, header, header + 120)
                if found:
                    self.crowd.arrivals[int(found.group(1))].append(now)
                return
        self.buffer += data
        if not self.handshaken:
            end = self.buffer.find(HANDSHAKE_END)
            if end < 0:
                return
            status = bytes(self.buffer[: self.buffer.find(b"\r\n")])
            del self.buffer[: end + 4]
            if b" 101 " not in status:
                self.crowd.failures[status.decode(errors="replace")[:40]] += 1
                self._settle(False)
                self.transport.close()
                return
            self.handshaken = True
            self.crowd.open += 1
            self.crowd.connect_times.append(now - self.started)
            self._settle(True)
        self._frames(now)

    def _frames(self, now: float) -> None:
        buffer = self.buffer
        while len(buffer) >= 2:
            opcode, length, header = buffer[0] & 0x0F, buffer[1] & 0x7F, 2
            if length == 126:
                if len(buffer) < 4:
                    return
                length, header = int.from_bytes(buffer[2:4], "big"), 4
            elif length == 127:
                if len(buffer) < 10:
                    return
                length, header = int.from_bytes(buffer[2:10], "big"), 10
            if len(buffer) < header + length:
                return
            if opcode == 0x1:
                found = SEQ.search(buffer, header, min(header + length, header + 120))
                if found:
                    self.crowd.arrivals[int(found.group(1))].append(now)
            elif opcode == 0x9:
                self.send(0xA, bytes(buffer[header : header + length]))
            elif opcode == 0x8:
                self.transport.close()
            del buffer[: header + length]

    def send(self, opcode: int, payload: bytes) -> None:
        """A client frame: masked, as the protocol requires (a zero mask keeps it cheap)."""
        assert len(payload) < 126
        self.transport.write(bytes([0x80 | opcode, 0x80 | len(payload)]) + b"\0\0\0\0" + payload)

    def connection_lost(self, exc) -> None:
        if not self.handshaken and not self.opened.done():
            self.crowd.failures["closed before the handshake"] += 1
        if self.handshaken:
            self.crowd.open -= 1
            self.crowd.closed += 1
        self._settle(False)

    def _settle(self, admitted: bool) -> None:
        if not self.opened.done():
            if not admitted:
                self.crowd.refused += 1
            self.opened.set_result(admitted)


async def connect(crowd: Crowd, port: int, path: str, timeout: float = 30) -> Fan | None:
    loop = asyncio.get_running_loop()
    opened = loop.create_future()
    host = f"127.0.0.1:{port}"
    try:
        _, fan = await asyncio.wait_for(
            loop.create_connection(lambda: Fan(crowd, host, path, opened), "127.0.0.1", port), timeout
        )
        if await asyncio.wait_for(opened, timeout):
            return fan
    except (TimeoutError, OSError) as error:
        crowd.failures[type(error).__name__] += 1
        if not opened.done():
            crowd.refused += 1
            opened.set_result(False)
    return None


async def connect_many(
    crowd: Crowd, ports: list[int], path: str, count: int, *, within: float = 0, parallel: int = 256
) -> list[Fan]:
    """Opens `count` fans spread over the ports: as fast as `parallel` allows, or paced evenly
    over `within` seconds."""
    limit = asyncio.Semaphore(parallel)
    start = time.perf_counter()

    async def one(n: int) -> Fan | None:
        if within:
            await asyncio.sleep(max(0.0, start + within * n / count - time.perf_counter()))
            return await connect(crowd, ports[n % len(ports)], path)
        async with limit:
            return await connect(crowd, ports[n % len(ports)], path)

    return [fan for fan in await asyncio.gather(*(one(n) for n in range(count))) if fan]


class Generator:
    """`count` fans held by a child process pinned to `cpu` (None: unpinned); asked over a pipe
    how many fans have each frame, and when they had it."""

    def __init__(self, ports: list[int], path: str, count: int, cpu: int | None) -> None:
        self.count = count
        self.pipe, child = multiprocessing.get_context("fork").Pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=_generate, args=(child, ports, path, count, cpu), daemon=True
        )
        self.process.start()

    def opened(self) -> tuple[int, dict[str, int]]:
        """Waits until its fans are connected: how many opened, and why the others did not."""
        return self.ask("opened")

    def arrived(self, seq: int) -> int:
        return self.ask("arrived", seq)

    def arrivals(self, seq: int) -> list[float]:
        return self.ask("arrivals", seq)

    def cpu_seconds(self) -> float:
        return self.ask("cpu")

    def ask(self, *question):
        self.pipe.send(question)
        return self.pipe.recv()

    def close(self) -> None:
        if self.process.is_alive():
            self.ask("close")
        self.process.join(10)


def _generate(pipe: Connection, ports: list[int], path: str, count: int, cpu: int | None) -> None:
    import uvloop

    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    uvloop.run(_serve(pipe, ports, path, count))


async def _serve(pipe: Connection, ports: list[int], path: str, count: int) -> None:
    crowd = Crowd()
    fans = await connect_many(crowd, ports, path, count)
    questions: asyncio.Queue = asyncio.Queue()
    loop = asyncio.get_running_loop()
    loop.add_reader(pipe.fileno(), lambda: questions.put_nowait(pipe.recv()))
    answers = {
        "opened": lambda: (len(fans), dict(crowd.failures)),
        "arrived": lambda seq: len(crowd.arrivals.get(seq, ())),
        "arrivals": lambda seq: crowd.arrivals.get(seq, []),
        "cpu": time.process_time,
    }
    while (question := await questions.get())[0] != "close":
        pipe.send(answers[question[0]](*question[1:]))
    for fan in fans:
        fan.transport.close()
    await asyncio.sleep(0.5)
    pipe.send(None)
