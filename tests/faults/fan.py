"""A fan's match page over a real socket, keeping to the rules static/fixtures_app/live.js keeps
(docs/PROTOCOL.md): apply the message after the last one, ignore what was seen, ask `catch_up`
on a gap, reconnect with `?since=<last>`. What it applied, and what it ignored, is counted."""

import json
import time
from dataclasses import dataclass, field

from websockets.exceptions import ConnectionClosed, InvalidHandshake
from websockets.sync.client import ClientConnection, connect

CHANGE_TYPES = frozenset(
    {"event_added", "event_corrected", "event_deleted", "status_changed", "stats_changed", "lineups_changed"}
)


def page_origin(server: str) -> str:
    """The origin of the server's own pages (ws://127.0.0.1:8001 → http://127.0.0.1:8001): the
    socket takes only pages of its own scheme, host and port."""
    return server.replace("ws://", "http://", 1).replace("wss://", "https://", 1)


@dataclass
class FanPage:
    """The page as a fan's browser holds it: the last seq applied, the timeline, the live state."""

    server: str  # ws://127.0.0.1:8001
    match_id: int
    seq: int | None = None  # None: opened afresh, so the server sends a snapshot
    applied: list[tuple[int, str, int | None]] = field(default_factory=list)
    entries: dict[str, str] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)
    state: dict = field(default_factory=dict)
    snapshots: int = 0
    duplicates: int = 0
    catch_ups: int = 0
    refused: int = 0  # connections the server refused or closed while the page wanted them
    errors: list[dict] = field(default_factory=list)

    def open(self, *, timeout: float = 10) -> ClientConnection:
        since = "" if self.seq is None else f"?since={self.seq}"
        url = f"{self.server}/ws/matches/{self.match_id}/{since}"
        return connect(url, origin=page_origin(self.server), open_timeout=timeout, proxy=None, max_size=None)

    def read(self, socket: ClientConnection, seconds: float) -> None:
        """Applies what arrives for `seconds`; raises ConnectionClosed if the server closes."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                text = socket.recv(timeout=left)
            except TimeoutError:
                return
            self.handle(socket, json.loads(text))

    def visit(self, seconds: float, *, abrupt: bool) -> None:
        """Connects, stays `seconds`, and is cut off: abruptly (the network drops) or closing."""
        with self.open() as socket:
            try:
                self.read(socket, seconds)
            except ConnectionClosed:
                return
            if abrupt:
                socket.close_socket()

    def follow_until(self, seq: int, *, timeout: float) -> None:
        """Stays (reconnecting as the page does when the server closes it) until `seq` is applied."""
        deadline = time.monotonic() + timeout
        while (self.seq or 0) < seq and time.monotonic() < deadline:
            try:
                with self.open(timeout=max(0.1, deadline - time.monotonic())) as socket:
                    while (self.seq or 0) < seq and time.monotonic() < deadline:
                        self.read(socket, min(0.2, deadline - time.monotonic()))
            except (ConnectionClosed, InvalidHandshake, OSError):
                self.refused += 1
                time.sleep(0.2)
        assert (self.seq or 0) >= seq, f"the fan's page reached seq {self.seq}, not {seq}, in {timeout} s"

    def handle(self, socket: ClientConnection, message: dict) -> None:
        kind = message.get("type")
        if kind == "snapshot":
            self.snapshots += 1
            self.entries, self.order = dict(message["entries"]), list(message["order"])
            self.state, self.seq = message["state"], message["seq"]
        elif kind in CHANGE_TYPES:
            if self.seq is None or message["seq"] <= self.seq:
                self.duplicates += 1  # seen already (or before the snapshot, which includes it)
            elif message["seq"] > self.seq + 1:
                self.catch_ups += 1
                socket.send(json.dumps({"type": "catch_up", "since": self.seq}))
            else:
                self.apply(message)
        elif kind == "error":
            self.errors.append(message)

    def apply(self, message: dict) -> None:
        self.applied.append((message["seq"], message["type"], message.get("event_id")))
        self.entries.update(message.get("entries", {}))
        self.order = list(message["order"])
        shown = {str(event_id) for event_id in self.order}
        self.entries = {key: html for key, html in self.entries.items() if key in shown}
        self.state, self.seq = message["state"], message["seq"]
