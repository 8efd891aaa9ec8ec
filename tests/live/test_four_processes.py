"""Four server processes started as the production recipe starts them (Uvicorn, as
docs/OPERATIONS.md prints it, on PostgreSQL and Redis), fans on every one of them, and a run of
changes recorded through the JSON API of one: every fan on every process gets every change, in
seq order, none missing and none twice (issue 19; docs/SCALING.md sizes the processes)."""

import asyncio
import http.client
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.faults.servers import ServerProcess, free_port, wait_for_port
from tests.feeds.api_helpers import V1, editor_key, live_match, player_id
from tests.matchcentre.test_production_server import recipe_argv, recipe_environment

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]
PROCESSES = 4
FANS_PER_PROCESS = 30
STARTUP_WAIT = 90  # seconds for a process to listen
DELIVERY_WAIT = 60  # seconds for every fan to have every change (it takes well under one)


def redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def servers(tmp_path: Path):
    """Four Uvicorn processes on the test database and the same Redis, each with a small pool."""
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL (DATABASE_URL=postgres://...): the production recipe's database.")
    if not settings.REDIS_URL or not redis_reachable():
        pytest.skip("Needs Redis (REDIS_URL, reachable): it carries each change to every process.")
    processes = []
    for n in range(PROCESSES):
        port = free_port()
        processes.append(
            ServerProcess(
                port,
                tmp_path / f"uvicorn-{n}.log",
                argv=recipe_argv(port),
                DATABASE_POOL_SIZE="4",
                **recipe_environment(),
            )
        )
    try:
        with ThreadPoolExecutor(PROCESSES) as starting:
            list(starting.map(start, processes))
        yield processes
    finally:
        for process in processes:
            process.stop()


def start(server: ServerProcess) -> None:
    """As ServerProcess.start, with more time to listen: four processes importing Django at
    once on a busy machine may take longer than one."""
    with server.log.open("a") as log:
        server.process = subprocess.Popen(
            [sys.executable, *server.argv], env=server.env, cwd=settings.BASE_DIR, stdout=log, stderr=log
        )
    wait_for_port(server.port, timeout=STARTUP_WAIT, process=server.process)


def api(port: int, method: str, path: str, body: dict | None, key: str) -> dict:
    """One editor's write through the JSON API of the process on `port`; its answer."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    client.request(method, f"{V1}{path}", json.dumps(body) if body is not None else None, headers)
    response = client.getresponse()
    answer = json.loads(response.read() or b"{}")
    assert response.status in (200, 201), f"{method} {path}: {response.status} {answer}"
    return answer


def record_changes(port: int, match_id: int, home: int, away: int, key: str) -> list[tuple[int, str]]:
    """Two goals (`home` and `away` the scorers), a correction, a deletion and half-time, through
    the process on `port`: (seq, type) of each, as its answers give them."""
    first = api(
        port, "POST", f"/matches/{match_id}/events", {"kind": "goal", "minute": 5, "player": home}, key
    )
    second = api(
        port, "POST", f"/matches/{match_id}/events", {"kind": "goal", "minute": 12, "player": away}, key
    )
    event, version = first["event"]["id"], first["event"]["version"]
    corrected = api(port, "PATCH", f"/events/{event}", {"minute": 8, "expected_version": version}, key)
    deleted = api(port, "DELETE", f"/events/{second['event']['id']}", None, key)
    half_time = api(port, "POST", f"/matches/{match_id}/status", {"status": "half_time"}, key)
    kinds = ("event_added", "event_added", "event_corrected", "event_deleted", "status_changed")
    answers = (first, second, corrected, deleted, half_time)
    return [(answer["seq"], kind) for answer, kind in zip(answers, kinds, strict=True)]


async def watch(port: int, path: str, frames: list[dict], opened: asyncio.Event, stop: asyncio.Event) -> None:
    """One fan's page: opens the socket and keeps every frame it is sent until told to stop."""
    from websockets.asyncio.client import connect

    # The first fans of a process wait for its one read of the match (on a busy machine, seconds).
    address, origin = f"ws://127.0.0.1:{port}{path}", f"http://127.0.0.1:{port}"
    async with connect(address, origin=origin, open_timeout=DELIVERY_WAIT) as socket:
        opened.set()
        while not stop.is_set():
            try:
                frames.append(json.loads(await asyncio.wait_for(socket.recv(), timeout=0.2)))
            except TimeoutError:
                continue


async def until(condition, tasks: list[asyncio.Task], waiting_for: str = "") -> None:
    """Waits for `condition()`, at most DELIVERY_WAIT seconds (then the assertions say what is
    missing), or fails at once, naming it, if `waiting_for` and a fan's socket has failed."""
    deadline = asyncio.get_running_loop().time() + DELIVERY_WAIT
    while not condition() and asyncio.get_running_loop().time() < deadline:
        failed = next((task for task in tasks if task.done()), None)
        if failed is not None:
            failed.result()  # raises what ended the fan's socket
        await asyncio.sleep(0.05)
    assert condition() or not waiting_for, f"not {waiting_for} within {DELIVERY_WAIT} s"


def with_snapshot(fan: int) -> bool:
    """Fans 0–3 (one on each process) open without `since` and get the snapshot, fans 4–7 open
    with `?since=` and get nothing until the next change, and so on."""
    return (fan // PROCESSES) % 2 == 0


async def crowd_sees(ports: list[int], match_id: int, since: int, changes) -> list[list[dict]]:
    """FANS_PER_PROCESS fans on each port (half opening with a snapshot, half with `?since=`),
    `changes()` run once every fan is in, and each fan's frames once all have the last change
    (or DELIVERY_WAIT has passed), plus a moment for any frame sent twice."""
    stop = asyncio.Event()
    fans: list[tuple[list[dict], asyncio.Event]] = []
    tasks = []
    for n in range(FANS_PER_PROCESS * len(ports)):
        path = f"/ws/matches/{match_id}/" + ("" if with_snapshot(n) else f"?since={since}")
        frames, opened = [], asyncio.Event()
        fans.append((frames, opened))
        tasks.append(asyncio.create_task(watch(ports[n % len(ports)], path, frames, opened, stop)))
    try:
        await until(lambda: all(opened.is_set() for _, opened in fans), tasks, "every fan connected")
        # The fans opening without `since` have their snapshot before the first change.
        snapshots = [frames for n, (frames, _) in enumerate(fans) if with_snapshot(n)]
        await until(lambda: all(snapshots), tasks, "every snapshot sent")
        last_seq = (await asyncio.to_thread(changes))[-1][0]
        await until(lambda: all(any(f.get("seq") == last_seq for f in frames) for frames, _ in fans), tasks)
        await asyncio.sleep(1)
    finally:
        stop.set()
        await asyncio.gather(*tasks)
    return [frames for frames, _ in fans]


def test_every_fan_on_every_process_gets_every_change_in_order(servers):
    match = live_match()
    _, key = editor_key()
    ports = [server.port for server in servers]
    since = match.seq
    scorers = player_id(match, "Saka"), player_id(match, "Palmer")
    recorded: list[tuple[int, str]] = []

    def changes() -> list[tuple[int, str]]:
        recorded.extend(record_changes(ports[0], match.pk, *scorers, key))
        return recorded

    seen = asyncio.run(crowd_sees(ports, match.pk, since, changes))

    assert [seq for seq, _ in recorded] == list(range(since + 1, since + 6))
    assert len(seen) == PROCESSES * FANS_PER_PROCESS
    for n, frames in enumerate(seen):
        where = f"fan {n} on process {n % PROCESSES} (port {ports[n % PROCESSES]})"
        if with_snapshot(n):  # opened without `since`: the snapshot as it stood, first
            assert (frames[0]["type"], frames[0]["seq"]) == ("snapshot", since), where
            frames = frames[1:]
        assert [(frame.get("seq"), frame["type"]) for frame in frames] == recorded, where
        assert {frame["match"] for frame in frames} == {match.pk}, where
        assert (frames[-1]["state"]["status"], frames[-1]["state"]["score"]) == ("half_time", [1, 0]), where
