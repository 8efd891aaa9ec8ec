"""The parts the fault tests break: Daphne processes on the test database, killed and started
again on the same port, and a Redis of the tests' own, stopped and started again (the shared
Redis other tests use is never touched)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, *, timeout: float = 20, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process for port {port} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


def done_file(plan: Path) -> Path:
    """Where a server process that works to a plan (tests/faults/replay_server.py) says it is done."""
    return plan.with_suffix(".done.json")


def database_url() -> str:
    """The test database, as a URL another process can open."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def unreachable_database_url(tmp_path: Path) -> str:
    """A database of the test run's kind that cannot be reached: a port where nothing listens, or
    an SQLite file in a folder that does not exist."""
    if connection.vendor == "postgresql":
        return f"postgres://postgres@127.0.0.1:{free_port()}/matchcentre"
    return f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}"


class ServerProcess:
    """`daphne` serving the site (static files included) on the test database, on a fixed port;
    or, with `argv`, another server module (`-m tests.faults.replay_server …`)."""

    def __init__(self, port: int, log: Path, *, argv: list[str] | None = None, **env: str) -> None:
        self.port, self.log = port, log
        daphne = ["-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "tests.faults.asgi:application"]
        self.argv = argv or daphne
        self.env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_ALLOWED_HOSTS": "127.0.0.1", **env}
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, *self.argv],
                env=self.env,
                cwd=settings.BASE_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        _started(self)

    def kill(self) -> None:
        """kill -9: no goodbye to any socket."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class OwnRedis:
    """A throwaway redis-server on a free port, keeping nothing on disk."""

    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        options = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [self.binary, *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _started(self)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def _started(server: ServerProcess | OwnRedis) -> None:
    """Waits for the server to listen; one that does not is stopped, not left behind."""
    try:
        wait_for_port(server.port, process=server.process)
    except BaseException:
        server.stop()
        raise
