"""A push service for the tests (a threaded HTTP server on this machine playing what FCM or
Mozilla's autopush do) and a subscription made as a browser makes one: its own P-256 key pair
and auth secret, so the test can decrypt what the push service received (http_ece)."""

import base64
import json
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Pushed:
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes


@dataclass
class BrowserKeys:
    """What a browser keeps for one subscription: the private key and the auth secret."""

    private_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth_secret: bytes = field(default_factory=lambda: os.urandom(16))

    @property
    def p256dh(self) -> str:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(point)

    @property
    def auth(self) -> str:
        return b64url(self.auth_secret)

    def decrypt(self, body: bytes) -> dict:
        plain = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth_secret, version="aes128gcm"
        )
        return json.loads(plain)


@dataclass
class PushService:
    gone: set[str] = field(default_factory=set)  # paths answered 410
    failing: int = 0  # the first requests answered 503: a push service down for a while
    received: list[Pushed] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    def endpoint(self, name: str) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/push/{name}"

    def pushes(self, name: str | None = None) -> list[Pushed]:
        """What was received (and taken: answered 201), in the order it arrived."""
        with self.lock:
            taken = self.received[self.failing :]
            return [pushed for pushed in taken if name is None or pushed.path == f"/push/{name}"]

    def start(self) -> "PushService":
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with service.lock:
                    service.received.append(
                        Pushed(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                with service.lock:
                    down = len(service.received) <= service.failing
                status = 410 if self.path in service.gone else 503 if down else 201
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


@pytest.fixture(name="push_service")
def push_service_fixture():
    service = PushService().start()
    yield service
    service.stop()


@pytest.fixture(name="vapid_key")
def vapid_key_fixture(settings) -> str:
    """Alerts on, with a key pair of the test's own (set before `live_site` forks its server)."""
    from fans.push_keys import new_private_key_text

    settings.VAPID_PRIVATE_KEY = new_private_key_text()
    settings.VAPID_SUBJECT = "mailto:tests@matchcentre.example"
    return settings.VAPID_PRIVATE_KEY
