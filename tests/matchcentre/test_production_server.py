"""The production recipe's server, started exactly as docs/OPERATIONS.md prints it: the address
the rate limits count is one a client cannot choose, and an oversized body is refused as it
arrives, not after the server has buffered it.

Uvicorn trusts X-Forwarded-For from 127.0.0.1 by default, and a proxy that passes the client's
own header through let one host send 300 votes against a limit of 100 a minute. The recipe runs
Uvicorn with --no-proxy-headers and names the proxies in MATCHCENTRE_TRUSTED_PROXIES; the nginx
block overwrites the header. Here the proxy is 127.0.0.1 (as in the recipe) and a client reaching
the server directly comes from 127.0.0.3 (any 127/8 address reaches a server on 127.0.0.1).
"""

import http.client
import re
import shlex
import socket
import time
import urllib.parse
from pathlib import Path

import pytest
from django.conf import settings

from tests.faults.servers import ServerProcess, free_port

pytestmark = pytest.mark.django_db(transaction=True)
OPERATIONS = Path(settings.BASE_DIR) / "docs" / "OPERATIONS.md"
PROXY, CLIENT = "127.0.0.1", "127.0.0.3"
LIMIT = 5  # sign-in attempts a minute from one address, for this test


def recipe_argv(port: int) -> list[str]:
    """The Uvicorn command of docs/OPERATIONS.md, on `port`, as arguments after `python`."""
    text = OPERATIONS.read_text()
    command = re.search(r"^\.venv/bin/uvicorn .*?(?<!\\)$", text, flags=re.MULTILINE | re.DOTALL)
    assert command, "docs/OPERATIONS.md prints no Uvicorn command"
    argv = shlex.split(command.group(0).replace("\\\n", " "))
    argv[argv.index("--port") + 1] = str(port)
    return ["-m", "uvicorn", *argv[1:]]


def recipe_environment() -> dict[str, str]:
    """The MATCHCENTRE_TRUSTED_PROXIES line of the recipe's environment."""
    found = re.search(r"MATCHCENTRE_TRUSTED_PROXIES=(\S+)", OPERATIONS.read_text())
    assert found, "docs/OPERATIONS.md does not name the trusted proxies"
    return {"MATCHCENTRE_TRUSTED_PROXIES": found.group(1)}


@pytest.fixture
def server(tmp_path):
    port = free_port()
    process = ServerProcess(
        port,
        tmp_path / "uvicorn.log",
        argv=recipe_argv(port),
        MATCHCENTRE_SIGNIN_RATE_PER_ADDRESS=f"{LIMIT}/m",
        **recipe_environment(),
    )
    process.start()
    yield process
    process.stop()


def sign_in(port: int, *, source: str, forwarded_for: str | None, username: str) -> int:
    """One wrong sign-in from `source`, as the page's form sends it; the answer's status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    connection.request("GET", "/accounts/login/", headers=headers)
    page = connection.getresponse()
    cookie = page.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode()).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": "wrong"})
    headers |= {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", "/accounts/login/", body=body, headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_recipe_names_its_proxy_and_keeps_uvicorn_from_trusting_anyone_else():
    argv = recipe_argv(8001)
    assert "--no-proxy-headers" in argv
    assert recipe_environment() == {"MATCHCENTRE_TRUSTED_PROXIES": PROXY}
    # The proxy overwrites the header: what a client sent as X-Forwarded-For never reaches us.
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in OPERATIONS.read_text()


def test_a_client_cannot_choose_the_address_its_sign_in_limit_counts(server):
    """Straight to the server with a new X-Forwarded-For each time: one address, one limit."""
    statuses = [
        sign_in(server.port, source=CLIENT, forwarded_for=f"203.0.113.{attempt}", username=f"fan{attempt}")
        for attempt in range(LIMIT + 3)
    ]
    assert statuses[:LIMIT] == [200] * LIMIT
    assert statuses[LIMIT:] == [429] * 3


def test_through_the_proxy_each_fan_has_a_limit_of_their_own(server):
    """The proxy's X-Forwarded-For names the fan: fans behind one proxy do not share a limit,
    and a header the fan forged, which a proxy appending (not overwriting) keeps in front of
    the real address, changes nothing."""
    for attempt in range(LIMIT + 3):
        fan = f"198.51.100.{attempt}"
        assert sign_in(server.port, source=PROXY, forwarded_for=fan, username=f"fan{attempt}") == 200
    forged = [
        sign_in(server.port, source=PROXY, forwarded_for=f"203.0.113.{n}, 198.51.100.200", username=f"x{n}")
        for n in range(LIMIT + 1)
    ]
    assert forged == [200] * LIMIT + [429]


def read_answer(connection: socket.socket) -> bytes:
    """What the server has answered so far, without waiting for more."""
    connection.setblocking(False)
    try:
        return connection.recv(65536)
    except BlockingIOError:
        return b""
    finally:
        connection.setblocking(True)


def read_rest(connection: socket.socket, answer: bytes) -> bytes:
    """The rest of a chunked answer whose first bytes arrived: the head may come in one
    segment and the page in the next."""
    rest = b""
    connection.settimeout(10)
    while answer and not (answer + rest).endswith(b"0\r\n\r\n"):
        try:
            chunk = connection.recv(65536)
        except OSError:  # reset by the server once it has answered
            break
        if not chunk:
            break
        rest += chunk
    return rest


def test_a_chunked_body_past_the_limit_is_refused_as_it_arrives(server):
    """600 MB were once buffered to a temporary file before the sign-in page's 403. Now the
    server answers 413 once the body passes 1 MB, and reads no further."""
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    connection.sendall(
        b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n\r\n"
    )
    chunk = b"%x\r\n%s\r\n" % (64 * 1024, b"x" * 64 * 1024)
    sent, answer = 0, b""
    deadline = time.monotonic() + 20
    while not answer and sent < 64 * 1024 * 1024 and time.monotonic() < deadline:
        try:
            connection.sendall(chunk)
        except OSError:  # the server closed the connection after its answer
            answer = connection.recv(65536)
            break
        sent += 64 * 1024
        answer = read_answer(connection)
    answer += read_rest(connection, answer)
    connection.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"The request is too large" in answer
    assert sent < 8 * 1024 * 1024, f"{sent / 1024 / 1024:.0f} MB were sent before the answer"


def test_a_declared_length_past_the_limit_is_refused_before_the_body(server):
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    connection.sendall(
        b"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 629145600\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n\r\n"
    )
    connection.settimeout(10)
    answer = b""
    while chunk := connection.recv(65536):  # the server closes the connection after its answer
        answer += chunk
    connection.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"code":"too_large"' in answer.replace(b" ", b"")
