"""The live socket as the server under test serves it (Daphne, or Uvicorn in CI's production
pass): per-message deflate is never agreed, whatever the browser offers, because a goal
compressed once per fan costs more than the bytes it saves."""

import base64
import os
import socket
from urllib.parse import urlsplit

import pytest

from tests.factories import make_match

pytestmark = pytest.mark.django_db(transaction=True)


def handshake(site: str, path: str, extensions: str) -> str:
    address = urlsplit(site)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {address.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: {site}\r\n"
        f"Sec-WebSocket-Extensions: {extensions}\r\n\r\n"
    )
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(request.encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    return answer.split(b"\r\n\r\n")[0].decode("latin-1")


@pytest.mark.parametrize("path", ["/ws/matches/{match}/", "/ws/scores/"])
def test_per_message_deflate_is_refused_on_live_sockets(live_site, path):
    match = make_match()

    head = handshake(live_site, path.format(match=match.pk), "permessage-deflate; client_max_window_bits")

    assert head.startswith("HTTP/1.1 101"), head
    assert "sec-websocket-extensions" not in head.lower()
