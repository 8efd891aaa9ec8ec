"""What every benchmark shares: a prepared database, a server under test pinned to its own
core, and readings of that server's CPU time and memory.

The benchmarks run the project as production would (DEBUG off, WhiteNoise, the chosen ASGI
server) against a database of their own, flushed at every run: `bench/out/bench.sqlite3`, or
BENCH_DATABASE_URL (e.g. an empty PostgreSQL database). DATABASE_URL is never used.
"""

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
APP = "matchcentre.asgi:application"
CPUS = os.cpu_count() or 1


def raise_file_limit() -> int:
    """Thousands of sockets need thousands of file descriptors."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def bench_env(**extra: str) -> dict[str, str]:
    """The server's environment: production settings on the bench's own database."""
    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    # Its own database, never DATABASE_URL's: every run flushes it.
    env["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{OUT / 'bench.sqlite3'}")
    env.update(
        DJANGO_SETTINGS_MODULE="matchcentre.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-not-a-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_STATIC_MANIFEST="0",
        DJANGO_LOG_LEVEL="WARNING",
        # The load comes from one address and a handful of fans: rate limits would only measure themselves.
        MATCHCENTRE_POLL_VOTE_RATE_PER_FAN="0",
        MATCHCENTRE_POLL_VOTE_RATE_PER_ADDRESS="0",
        PYTHONPATH=os.pathsep.join(filter(None, [os.environ.get("BENCH_EXTRA_PATH"), str(ROOT)])),
    )
    env.update(extra)
    return env


def database_configs(name: str) -> dict[str, dict[str, str]]:
    """The databases a script compares, by name: the server's extra environment for each.
    sqlite is the embedded default (`make run`'s): an SQLite file of the script's own and no
    Redis (local-memory cache). PostgreSQL runs on a database of the script's own
    (`bench_<name>`) and Redis database 2. Neither is BENCH_DATABASE_URL, which the fan-out uses."""
    postgres = {"DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/bench_{name}", "REDIS_URL": REDIS_DB_2}
    return {
        "sqlite": {"DATABASE_URL": f"sqlite:///{OUT / f'bench_{name}.sqlite3'}", "REDIS_URL": ""},
        "postgres": {**postgres, "DATABASE_POOL_SIZE": "20"},
        "postgres-nopool": {**postgres, "DATABASE_POOL_SIZE": "0"},
    }


REDIS_DB_2 = "redis://127.0.0.1:6379/2"


def add_databases_argument(parser) -> None:
    """The --databases option of the scripts that compare databases (see database_configs)."""
    names = ", ".join(database_configs("any"))
    parser.add_argument("--databases", default="sqlite,postgres", help=f"{names} (default %(default)s)")


def ensure_database(url: str) -> None:
    """Creates the bench's PostgreSQL database when it is missing (SQLite creates its file itself)."""
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(env: dict[str, str]) -> dict:
    """Migrates the bench database, loads the demo and returns what the runs need (bench/setup_db.py)."""
    ensure_database(env["DATABASE_URL"])
    # A fresh demo each run: the same match, the same three goals, whatever earlier runs recorded.
    for command in (["migrate", "--noinput"], ["flush", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([str(BIN / "python"), "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True)
    return run_json([str(ROOT / "bench" / "setup_db.py")], env)


def run_json(arguments: list[str], env: dict[str, str]) -> dict:
    """Runs a Python script of the bench with the server's environment; its last line is JSON."""
    out = subprocess.run(
        [str(BIN / "python"), *arguments], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def free_port() -> int:
    """A port nothing listens on: one the system picks, or the next free one of BENCH_PORTS
    (e.g. `8210-8239`) where a machine shared with other work gives the bench a range of its own;
    taken in turn, so that servers made together get different ports."""
    global _last_port
    first, _, last = os.environ.get("BENCH_PORTS", "").partition("-")
    ports = range(int(first), int(last or first) + 1) if first else range(1)
    for n in range(len(ports)):
        port = ports[(ports.index(_last_port) + 1 + n) % len(ports)] if _last_port in ports else ports[n]
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            _last_port = probe.getsockname()[1] if first else None
            return probe.getsockname()[1]
    raise RuntimeError(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


_last_port: int | None = None


SERVERS = {
    # Twisted's default listen backlog is 50: a connect storm overflows it, so it is raised.
    "daphne": lambda port, app: [
        str(BIN / "daphne"),
        "-e",
        f"tcp:port={port}:interface=127.0.0.1:backlog=4096",
        "--websocket_timeout",
        "-1",
        "--access-log",
        "/dev/null",
        app,
    ],
    "uvicorn": lambda port, app: [
        str(BIN / "uvicorn"),
        app,
        "--host=127.0.0.1",
        f"--port={port}",
        "--backlog=4096",
        "--lifespan=off",
        "--no-access-log",
        "--ws=websockets-sansio",
        "--ws-per-message-deflate=false",
        "--no-proxy-headers",
        "--log-level=warning",
    ],
    "granian": lambda port, app: [
        str(BIN / "granian"),
        "--interface=asgi",
        "--host=127.0.0.1",
        f"--port={port}",
        "--backlog=4096",
        "--workers=1",
        "--log-level=warning",
        app,
    ],
}


@dataclass
class Server:
    """One ASGI server process of the project, pinned to `cpu`."""

    kind: str
    env: dict[str, str]
    cpu: int | None = 0
    app: str = APP
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self) -> "Server":
        command = SERVERS[self.kind](self.port, self.app)
        if self.cpu is not None and CPUS > 1:
            command = ["taskset", "-c", str(self.cpu), *command]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, preexec_fn=raise_file_limit, start_new_session=True
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited with {self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.kind} did not listen on {self.port}")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def pids(self) -> list[int]:
        """The server and its children (granian runs its workers as child processes)."""
        found = [self.process.pid]
        for pid in found:
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            found.extend(int(child) for child in children)
        return found

    def cpu_seconds(self) -> float:
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks
        return total

    def cpu_ns(self) -> int:
        """CPU time of the server and its children to the nanosecond (every thread's
        schedstat), where cpu_seconds counts in ticks of 10 ms."""
        total = 0
        for pid in self.pids():
            for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
                try:
                    total += int(stat.read_text().split()[0])
                except (OSError, IndexError, ValueError):
                    continue
        return total

    def rss_bytes(self) -> int:
        total = 0
        for pid in self.pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        return total

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the value at or below which `share` of the values lie."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{CPUS} × {model}, {memory:.0f} GiB, Linux {os.uname().release}, Python {sys.version.split()[0]}"


def write_section(name: str, markdown: str) -> Path:
    """Each script leaves its figures in bench/out/<name>.md; bench/report.py puts them in
    docs/BENCHMARKS.md."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.md"
    path.write_text(markdown.rstrip() + "\n")
    print(markdown)
    return path
