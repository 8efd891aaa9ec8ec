"""A partner's webhook receiver for the tests: a small threaded HTTP server that records every
request and answers 503 to the first `failing` ones (a partner down for a while), or holds a
request until `release` is set (a partner that hangs)."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from partners import signing


@dataclass(frozen=True)
class Received:
    raw_headers: dict[str, str]  # names in lower case: HTTP header names are case-insensitive
    body: bytes
    answered: int

    def header(self, name: str) -> str:
        return self.raw_headers[name.lower()]

    @property
    def delivery_id(self) -> str:
        return self.header("MatchCentre-Delivery")

    @property
    def seq(self) -> int:
        return int(self.header("MatchCentre-Seq"))

    @property
    def match(self) -> int:
        return int(self.header("MatchCentre-Match"))

    def verifies(self, secret: str, *, now: float) -> bool:
        return signing.verify(
            secret,
            self.body,
            timestamp=self.header(signing.TIMESTAMP_HEADER),
            signature_header=self.header(signing.SIGNATURE_HEADER),
            now=now,
        )


@dataclass
class Receiver:
    failing: int = 0
    hang: bool = False
    requests: list[Received] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/matchcentre"

    def delivered(self) -> list[Received]:
        """The requests answered 2xx, in the order they arrived."""
        with self.lock:
            return [request for request in self.requests if request.answered == 204]

    def answer(self, headers: dict[str, str], body: bytes) -> int:
        if self.hang:
            self.release.wait(timeout=30)
        with self.lock:
            status = 503 if len(self.requests) < self.failing else 204
            self.requests.append(Received(raw_headers=headers, body=body, answered=status))
        return status

    def start(self, port: int = 0) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = receiver.answer({k.lower(): v for k, v in self.headers.items()}, body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.release.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
