"""Vote burst: many fans vote on one poll as fast as the server takes them, then the count is checked.

Each fan is new (no voter cookie: the server gives one, as to a fan's first vote) and votes
the way the match page's script does (form body, CSRF token, Accept: application/json),
over keep-alive connections. Some fans vote a second time with the cookie they were given
and another answer: the server must answer "already voted" and count nothing. A websocket
on the match page watches the throttled live tally. Afterwards: votes in the database ==
votes the server said it counted, and the live tally's last total == the database's.

The generator runs on core 1 and the server on core 0 (unless a server is given several
workers, which then share both cores with the generator). Run `python bench/votes.py --help`.
"""

import argparse
import asyncio
import collections
import json
import os
import resource
import secrets
import string
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from client import Connection, connect, request_bytes  # noqa: E402
from common import (  # noqa: E402
    CPUS,
    SERVERS,
    Server,
    add_databases_argument,
    bench_env,
    database_configs,
    ensure_database,
    machine,
    percentile,
    prepare,
    run_json,
    write_section,
)

DATABASES = database_configs("votes")


@dataclass
class Burst:
    seconds: float
    counted: int = 0
    repeats: int = 0
    repeats_counted: int = 0
    refused: collections.Counter = field(default_factory=collections.Counter)
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    per_second: collections.Counter = field(default_factory=collections.Counter)
    generator_cpu: float = 0.0
    tally_totals: list[int] = field(default_factory=list)
    watch_error: str = ""

    @property
    def sustained(self) -> float:
        """Counted votes a second after the first (warm-up) second, and the slowest whole second."""
        seconds = [self.per_second[s] for s in range(1, int(self.seconds))]
        return sum(seconds) / len(seconds) if seconds else float("nan")

    @property
    def slowest_second(self) -> int:
        return min((self.per_second[s] for s in range(1, int(self.seconds))), default=0)


async def burst(port: int, info: dict, *, seconds: float, connections: int, repeat_every: int) -> Burst:
    result = Burst(seconds=seconds)
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    headers = {
        "Accept": "application/json",
        "X-Requested-With": "XMLHttpRequest",
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
    }
    path = f"/polls/{info['poll']}/vote/"
    options = info["options"]

    def vote_bytes(option: int, voter: bytes | None) -> bytes:
        cookie = f"csrftoken={csrf}" + (f"; voter={voter.decode()}" if voter else "")
        return request_bytes(
            "POST",
            path,
            port=port,
            headers={**headers, "Cookie": cookie},
            body=f"csrfmiddlewaretoken={csrf}&option={option}".encode(),
        )

    new_fan = [vote_bytes(option, None) for option in options]
    returning: collections.deque[bytes] = collections.deque()
    ready = asyncio.Event()
    watcher = asyncio.create_task(watch_tally(port, info["match"], result.tally_totals, ready))
    await asyncio.wait([watcher, asyncio.create_task(ready.wait())], return_when=asyncio.FIRST_COMPLETED)
    started = time.perf_counter()
    deadline = started + seconds
    sent = 0

    async def fan_loop(connection: Connection) -> None:
        nonlocal sent
        while time.perf_counter() < deadline and not connection.closed:
            sent += 1
            ticket = sent
            repeat = bool(returning) and ticket % repeat_every == 0
            raw = returning.popleft() if repeat else new_fan[ticket % len(new_fan)]
            try:
                response = await connection.send(raw)
            except ConnectionError:
                result.errors += 1
                return
            result.latencies.append(response.seconds)
            if response.status != 200:
                result.refused[response.status] += 1
                continue
            counted = b'"counted": true' in response.body or b'"counted":true' in response.body
            if repeat:
                result.repeats += 1
                result.repeats_counted += counted
            elif counted:
                result.counted += 1
                result.per_second[int(time.perf_counter() - started)] += 1
                if ticket % repeat_every == 1:
                    voter = response.cookie(b"voter")
                    another = options[(ticket + 1) % len(options)]
                    returning.append(vote_bytes(another, voter))
            else:
                result.errors += 1  # a new fan must be counted

    usage = resource.getrusage(resource.RUSAGE_SELF)
    pool = await asyncio.gather(*(connect(port) for _ in range(connections)))
    await asyncio.gather(*(fan_loop(connection) for connection in pool))
    after = resource.getrusage(resource.RUSAGE_SELF)
    result.generator_cpu = (after.ru_utime + after.ru_stime) - (usage.ru_utime + usage.ru_stime)
    for connection in pool:
        connection.transport.close()
    # The throttled push carries the burst's last vote a fraction of a second later.
    await asyncio.sleep(1.5)
    if watcher.done() and watcher.exception():
        result.watch_error = repr(watcher.exception())
    watcher.cancel()
    return result


async def watch_tally(port: int, match: int, totals: list[int], ready: asyncio.Event) -> None:
    """Every poll_tally total the match page's socket receives, in order; `ready` once it has its snapshot."""
    import websockets

    uri = f"ws://127.0.0.1:{port}/ws/matches/{match}/"
    async with websockets.connect(uri, origin=f"http://127.0.0.1:{port}", max_size=None) as socket:
        await socket.recv()
        ready.set()
        async for frame in socket:
            message = json.loads(frame)
            if message.get("type") == "poll_tally":
                totals.append(message["tally"]["total"])


DB_HELPER = """
import json, sys
import django
django.setup()
from polls.models import Poll, Vote
from polls.selectors import poll_tally
from polls.services import poll_reopen
poll = Poll.objects.get(pk=int(sys.argv[2]))
if sys.argv[1] == "reset":
    poll_reopen(poll=poll)
    Vote.objects.filter(poll=poll, voter_key__startswith="anon:").delete()
fans = Vote.objects.filter(poll=poll, voter_key__startswith="anon:")
print(json.dumps({
    "votes": Vote.objects.filter(poll=poll).count(),
    "fans": fans.count(),
    "distinct_fans": fans.values("voter_key").distinct().count(),
}))
"""


def database(env: dict[str, str], action: str, poll: int) -> dict:
    return run_json(["-c", DB_HELPER, action, str(poll)], env)


def server_for(spec: str, env: dict[str, str]) -> Server:
    """`uvicorn` is one process on core 0; `uvicorn*2` is two workers on both cores."""
    kind, _, workers = spec.partition("*")
    if not workers:
        return Server(kind, env, cpu=0)
    name = f"{kind}-{workers}"
    flag = {"uvicorn": f"--workers={workers}", "granian": f"--workers={workers}"}[kind]
    base = SERVERS[kind]
    SERVERS[name] = lambda port, app: [arg for arg in base(port, app) if arg != "--workers=1"] + [flag]
    return Server(name, env, cpu=None)


def run_one(spec: str, env: dict[str, str], info: dict, args: argparse.Namespace) -> dict:
    before = database(env, "reset", info["poll"])
    server = server_for(spec, env).start()
    try:
        cpu_before = server.cpu_seconds()
        result = asyncio.run(
            burst(
                server.port,
                info,
                seconds=args.seconds,
                connections=args.connections,
                repeat_every=round(1 / args.repeats),
            )
        )
        server_cpu = server.cpu_seconds() - cpu_before
    finally:
        server.stop()
    after = database(env, "count", info["poll"])
    return {"spec": spec, "result": result, "before": before, "after": after, "server_cpu": server_cpu}


def row(db: str, run: dict) -> str:
    result: Burst = run["result"]
    stored = run["after"]["fans"] - run["before"]["fans"]
    counted_once = (
        stored == result.counted
        and run["after"]["distinct_fans"] == run["after"]["fans"]
        and result.repeats_counted == 0
    )
    if result.tally_totals:
        tally = f"{result.tally_totals[-1]:,} / {run['after']['votes']:,}"
        exact = counted_once and result.tally_totals[-1] == run["after"]["votes"]
        verdict = "yes" if exact else "**NO**"
    else:  # the match page's socket failed: the count is checked, the live tally is not
        tally = f"no socket ({result.watch_error[:60] or 'no push'}) / {run['after']['votes']:,}"
        verdict = "votes yes, tally unseen" if counted_once else "**NO**"
    refused = ", ".join(f"{n}×{status}" for status, n in sorted(result.refused.items())) or "0"
    latencies = result.latencies
    return (
        f"| {run['spec']} | {db} | **{result.sustained:,.0f}** | {result.slowest_second:,} "
        f"| {percentile(latencies, 0.5) * 1000:.1f} | {percentile(latencies, 0.99) * 1000:.1f} "
        f"| {result.counted:,} | {stored:,} | {result.repeats:,} ({result.repeats_counted}) "
        f"| {tally} | {refused} / {result.errors} | {verdict} "
        f"| {run['server_cpu'] / (result.seconds):.0%} | {result.generator_cpu / result.seconds:.0%} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10, help="length of each burst (default 10)")
    parser.add_argument(
        "--servers",
        default="daphne,uvicorn,granian",
        help="comma-separated: daphne, uvicorn, granian; `uvicorn*2` for two workers (default %(default)s)",
    )
    add_databases_argument(parser)
    parser.add_argument(
        "--connections", type=int, default=256, help="keep-alive connections, fans in flight (default 256)"
    )
    parser.add_argument(
        "--repeats", type=float, default=0.05, help="share of fans voting twice (default 0.05)"
    )
    parser.add_argument(
        "--rate-limits",
        action="store_true",
        help="count every vote against rate limits too high to refuse any",
    )
    parser.add_argument("--name", default="votes", help="bench/out/<name>.md (default votes)")
    args = parser.parse_args()
    if CPUS > 1:
        os.sched_setaffinity(0, {1})
    load = os.getloadavg()[0]
    limits = {
        "MATCHCENTRE_POLL_VOTE_RATE_PER_FAN": "1000000/m",
        "MATCHCENTRE_POLL_VOTE_RATE_PER_ADDRESS": "1000000/m",
    }
    lines = []
    for db in args.databases.split(","):
        extra = DATABASES[db]
        if "DATABASE_URL" in extra:
            ensure_database(extra["DATABASE_URL"])
        env = bench_env(**extra, **(limits if args.rate_limits else {}))
        info = prepare(env)
        for spec in args.servers.split(","):
            run = run_one(spec, env, info, args)
            lines.append(row(db, run))
            print(lines[-1], flush=True)
    command = " ".join(["python", "bench/votes.py", *sys.argv[1:]])
    write_section(args.name, report(lines, command, args, load))


COLUMNS = [
    "server",
    "database",
    "counted votes/s (after the 1st s)",
    "slowest second",
    "p50 ms",
    "p99 ms",
    "counted (server)",
    "stored (database)",
    "repeat votes (counted)",
    "live tally / database total",
    "refused / errors",
    "exact",
    "server CPU",
    "generator CPU",
]
ALIGN = [
    "---",
    "---",
    "---:",
    "---:",
    "---:",
    "---:",
    "---:",
    "---:",
    "---:",
    "---",
    "---",
    "---",
    "---:",
    "---:",
]


def report(lines: list[str], command: str, args: argparse.Namespace, load: float) -> str:
    limits = (
        "Rate limits are on at 1,000,000 a minute (every vote counted against them, none refused)."
        if args.rate_limits
        else "Rate limits are off (`0`: one address, thousands of fans)."
    )
    return f"""## Votes: a burst of fans voting on one poll

{machine()}; load average {load:.1f} when the run started (other work on the machine slows every figure).

`{command}`: for each server and database, {args.seconds:g} s of new fans voting as the
match page's script does (the poll form's fields URL-encoded, CSRF token included, JSON
answer) over {args.connections} keep-alive connections, {args.repeats:.0%} of them voting
again with the cookie they were given; one websocket on the match page watches the live
tally. The server runs on core 0 and the generator on core 1 (a server written `*2` runs two
workers on both cores, beside the generator). {limits}

sqlite: `bench/out/bench_votes.sqlite3`, no Redis: local-memory cache, in-process live hub. postgres:
PostgreSQL 127.0.0.1 and Redis (cache, rate counters, live hub), `DATABASE_POOL_SIZE=20`.

| {" | ".join(COLUMNS)} |
| {" | ".join(ALIGN)} |
{chr(10).join(lines)}

"exact": the database holds one vote per fan and exactly as many new votes as the server
answered "counted", no repeat vote was counted, and the live tally's last push equals the
database total (the demo's seeded votes included). CPU: the share of one core over the burst.
"""


if __name__ == "__main__":
    main()
