"""Vote burst: thousands of distinct new fans vote on one poll as the match page's script sends
the vote, as fast as the server takes them; then the count is checked.

Each fan is a new browser: its own CSRF secret (static/site/csrf.js: the `csrftoken` cookie and
the same value in the form), its own ballot id (static/polls/poll.js: 32 hex digits), the
headers a browser's fetch() from the match page carries (Origin, Referer, Sec-Fetch-*,
Accept: application/json, X-Requested-With), the body URL-encoded. A fixed number of fans
(20,000 by default) goes through a fixed number of keep-alive connections: the votes in flight
(64 and 256 by default). Some fans send their vote again (a retry whose answer was lost: the
same bytes, answered "counted" as the first send was, counting nothing more) and some vote again
with the cookie they were given and another answer ("already voted"). A websocket on the match
page watches the throttled live tally. Afterwards: one vote per fan in the database, exactly as
many as the server answered "counted", no repeat counted, the live tally's last total equal to
the database's.

One server process runs on core 0 and the generator on core 1; `uvicorn*2` is two worker
processes sharing both cores with the generator. py-spy samples the one-process server
with py-spy (when installed; `--no-profile` not) and breaks its CPU per vote down. Run
`python bench/votes.py --help`.
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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from client import Connection, Response, connect, request_bytes  # noqa: E402
from common import (  # noqa: E402
    CPUS,
    REDIS_DB_2,
    SERVERS,
    Server,
    add_databases_argument,
    bench_env,
    database_configs,
    ensure_database,
    free_port,
    machine,
    percentile,
    prepare,
    run_json,
    write_section,
)
from vote_profile import BEFORE, Profiler, breakdown, profile_table, py_spy  # noqa: E402

ALPHABET = string.ascii_letters + string.digits


def databases() -> dict[str, dict[str, str]]:
    """common.database_configs("votes"), with `make bench`'s BENCH_DATABASE_URL and REDIS_URL for
    PostgreSQL when they are given (a database and a Redis of the run's own)."""
    configs = database_configs("votes")
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        configs["postgres"]["DATABASE_URL"] = url
    configs["postgres"]["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL") or REDIS_DB_2
    return configs


@dataclass
class Burst:
    fans: int
    in_flight: int
    seconds: float = 0.0
    counted: int = 0
    retries: int = 0  # the same vote sent again
    retries_wrong: int = 0  # a retry not answered as the first send was
    changes: int = 0  # another answer with the fan's cookie
    changes_counted: int = 0
    refused: collections.Counter = field(default_factory=collections.Counter)
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    generator_cpu: float = 0.0
    tally_totals: list[int] = field(default_factory=list)
    watch_error: str = ""

    @property
    def rate(self) -> float:
        return self.counted / self.seconds if self.seconds else float("nan")


class Fans:
    """The fans' first votes, prepared before the burst (the generator has one core to spend)."""

    def __init__(self, port: int, info: dict, count: int) -> None:
        self.port = port
        self.path = f"/polls/{info['poll']}/vote/"
        self.origin = f"http://127.0.0.1:{port}"
        self.referer = self.origin + info["path"]
        self.options = info["options"]
        self.first = [self.vote(n) for n in range(count)]

    def vote(self, n: int, *, option: int | None = None, voter: bytes | None = None) -> bytes:
        """Fan n's vote as the page's script sends it (the same CSRF secret and ballot on every send)."""
        secret = "".join(secrets.choice(ALPHABET) for _ in range(32)) if voter is None else voter_secret(n)
        ballot = secrets.token_hex(16) if voter is None else voter_secret(n)
        cookie = f"csrftoken={secret}" + (f"; voter={voter.decode()}" if voter else "")
        option = self.options[n % len(self.options)] if option is None else option
        body = f"csrfmiddlewaretoken={secret}&option={option}&ballot={ballot}".encode()
        headers = {
            "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
            "Accept": "application/json",
            "Accept-Language": "en-GB,en;q=0.9",
            "Accept-Encoding": "gzip, deflate, br",
            "X-Requested-With": "XMLHttpRequest",
            "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
            "Origin": self.origin,
            "Referer": self.referer,
            "Sec-Fetch-Site": "same-origin",
            "Sec-Fetch-Mode": "cors",
            "Sec-Fetch-Dest": "empty",
            "Cookie": cookie,
        }
        return request_bytes("POST", self.path, port=self.port, headers=headers, body=body)


def voter_secret(n: int) -> str:
    """A returning fan's CSRF secret and ballot: any well-formed ones (the cookie says who it is)."""
    return f"{n:032x}"


def counted(response: Response) -> bool:
    return b'"counted": true' in response.body or b'"counted":true' in response.body


async def burst(
    port: int, info: dict, fans: Fans, *, in_flight: int, repeat_every: int, on_start: Callable[[], None]
) -> Burst:
    """The fans' votes; `on_start` is called once the server is warm (its match page's socket open)."""
    result = Burst(fans=len(fans.first), in_flight=in_flight)
    queue = collections.deque(enumerate(fans.first))
    again: collections.deque[tuple[str, int, bytes]] = collections.deque()
    ready = asyncio.Event()
    watcher = asyncio.create_task(watch_tally(port, info["match"], result.tally_totals, ready))
    await asyncio.wait([watcher, asyncio.create_task(ready.wait())], return_when=asyncio.FIRST_COMPLETED)

    async def fan_loop(connection: Connection) -> None:
        while (again or queue) and not connection.closed:
            kind, n, raw = again.popleft() if again else ("first", *queue.popleft())
            try:
                response = await connection.send(raw)
            except ConnectionError:
                result.errors += 1
                return
            result.latencies.append(response.seconds)
            if response.status != 200:
                result.refused[response.status] += 1
            elif kind == "retry":
                result.retries += 1
                result.retries_wrong += not counted(response)
            elif kind == "change":
                result.changes += 1
                result.changes_counted += counted(response)
            elif not counted(response):
                result.errors += 1  # a new fan must be counted
            else:
                result.counted += 1
                if n % repeat_every == 0:
                    again.append(("retry", n, raw))
                    other = fans.options[(n + 1) % len(fans.options)]
                    again.append(("change", n, fans.vote(n, option=other, voter=response.cookie(b"voter"))))

    usage = resource.getrusage(resource.RUSAGE_SELF)
    pool = await asyncio.gather(*(connect(port) for _ in range(in_flight)))
    on_start()
    started = time.perf_counter()
    await asyncio.gather(*(fan_loop(connection) for connection in pool))
    result.seconds = time.perf_counter() - started
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


def server_for(spec: str, env: dict[str, str], port: int) -> Server:
    """`uvicorn` is one process on core 0; `uvicorn*2` is two workers on both cores."""
    kind, _, workers = spec.partition("*")
    if not workers:
        return Server(kind, env, cpu=0, port=port)
    name = f"{kind}-{workers}"
    flag = {"uvicorn": f"--workers={workers}", "granian": f"--workers={workers}"}[kind]
    base = SERVERS[kind]
    SERVERS[name] = lambda port, app: [arg for arg in base(port, app) if arg != "--workers=1"] + [flag]
    return Server(name, env, cpu=None, port=port)


def run_one(spec: str, env: dict[str, str], info: dict, args: argparse.Namespace, in_flight: int) -> dict:
    before = database(env, "reset", info["poll"])
    server = server_for(spec, env, args.port or free_port()).start()
    profilers: list[Profiler] = []
    cpu_before: list[float] = []

    def on_start() -> None:
        """Measured from here: the first socket's imports and URL conf are not the votes' cost."""
        if args.profile and "*" not in spec and py_spy():
            profilers.append(Profiler(server, f"votes-{spec}-{in_flight}"))
        cpu_before.append(server.cpu_seconds())

    try:
        fans = Fans(server.port, info, args.fans)
        repeat_every = round(1 / args.repeats)
        result = asyncio.run(
            burst(server.port, info, fans, in_flight=in_flight, repeat_every=repeat_every, on_start=on_start)
        )
        server_cpu = server.cpu_seconds() - cpu_before[0]
        profile = breakdown(profilers[0].stop()) if profilers else None
    finally:
        server.stop()
    after = database(env, "count", info["poll"])
    return {
        "spec": spec,
        "result": result,
        "before": before,
        "after": after,
        "server_cpu": server_cpu,
        "profile": profile,
    }


def exact(run: dict) -> bool:
    result: Burst = run["result"]
    stored = run["after"]["fans"] - run["before"]["fans"]
    return (
        stored == result.counted == result.fans
        and run["after"]["distinct_fans"] == run["after"]["fans"]
        and result.changes_counted == 0
        and result.retries_wrong == 0
        and bool(result.tally_totals)
        and result.tally_totals[-1] == run["after"]["votes"]
    )


def row(db: str, run: dict) -> str:
    result: Burst = run["result"]
    stored = run["after"]["fans"] - run["before"]["fans"]
    tally = f"{result.tally_totals[-1]:,}" if result.tally_totals else f"none ({result.watch_error[:40]})"
    refused = ", ".join(f"{n}×{status}" for status, n in sorted(result.refused.items())) or "0"
    requests = len(result.latencies) or 1
    return (
        f"| {run['spec']} | {db} | {result.in_flight} | **{result.rate:,.0f}** "
        f"| {percentile(result.latencies, 0.5) * 1000:.1f} | {percentile(result.latencies, 0.99) * 1000:.1f} "
        f"| {result.counted:,} / {stored:,} | {result.retries:,} ({result.retries_wrong}) "
        f"| {result.changes:,} ({result.changes_counted}) | {tally} / {run['after']['votes']:,} "
        f"| {refused} / {result.errors} | {'yes' if exact(run) else '**NO**'} "
        f"| {run['server_cpu'] / requests * 1e6:,.0f} | {result.generator_cpu / result.seconds:.0%} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fans", type=int, default=20_000, help="distinct new fans per run (default 20000)")
    parser.add_argument(
        "--in-flight", default="64,256", help="votes in flight (keep-alive connections), comma-separated"
    )
    parser.add_argument(
        "--servers", default="uvicorn,uvicorn*2", help="uvicorn, daphne, granian; `uvicorn*2`: two workers"
    )
    add_databases_argument(parser)
    parser.set_defaults(databases="postgres,sqlite")
    parser.add_argument(
        "--repeats", type=float, default=0.05, help="share of fans sending again (default 0.05)"
    )
    parser.add_argument(
        "--rate-limits",
        action="store_true",
        help="count every vote against rate limits too high to refuse any",
    )
    parser.add_argument("--port", type=int, default=0, help="the server's port (default: a free one)")
    parser.add_argument(
        "--no-profile",
        dest="profile",
        action="store_false",
        help="no py-spy breakdown of the one-process server's CPU per vote (on when py-spy is installed)",
    )
    parser.add_argument("--name", default="votes", help="bench/out/<name>.md (default votes)")
    args = parser.parse_args()
    if CPUS > 1:
        os.sched_setaffinity(0, {1})
    try:
        import uvloop

        uvloop.install()  # the generator's own loop costs less per request
    except ImportError:
        pass
    load = os.getloadavg()[0]
    limits = {
        "MATCHCENTRE_POLL_VOTE_RATE_PER_FAN": "1000000/m",
        "MATCHCENTRE_POLL_VOTE_RATE_PER_ADDRESS": "1000000/m",
    }
    lines, profiles = [], []
    for db in args.databases.split(","):
        extra = databases()[db]
        if "DATABASE_URL" in extra:
            ensure_database(extra["DATABASE_URL"])
        env = bench_env(**extra, **(limits if args.rate_limits else {}))
        info = prepare(env)
        for spec in args.servers.split(","):
            if db == "sqlite" and "*" in spec:
                continue  # SQLite takes one writer at a time: a second process would measure its lock
            for in_flight in (int(n) for n in args.in_flight.split(",")):
                run = run_one(spec, env, info, args, in_flight)
                lines.append(row(db, run))
                print(lines[-1], flush=True)
                if run["profile"]:
                    profile = run["profile"]
                    profile["us"] = {
                        k: v * run["server_cpu"] / run["result"].counted * 1e6
                        for k, v in profile["share"].items()
                    }
                    profiles.append((f"{spec} {db} {in_flight}", profile))
    command = " ".join(["python", "bench/votes.py", *sys.argv[1:]])
    write_section(args.name, report(lines, profiles, command, args, load))


COLUMNS = [
    ("server", "---"),
    ("database", "---"),
    ("in flight", "---:"),
    ("counted votes/s", "---:"),
    ("p50 ms", "---:"),
    ("p99 ms", "---:"),
    ("counted / stored", "---:"),
    ("retries (not answered as the first)", "---:"),
    ("changes (counted)", "---:"),
    ("live tally / database", "---"),
    ("refused / errors", "---"),
    ("exact", "---"),
    ("server CPU µs / request", "---:"),
    ("generator CPU", "---:"),
]


def report(lines: list[str], profiles: list, command: str, args: argparse.Namespace, load: float) -> str:
    limits = (
        "Rate limits are on at 1,000,000 a minute (every vote counted against them, none refused)."
        if args.rate_limits
        else "Rate limits are off (`0`: one address, thousands of fans)."
    )
    return f"""## Votes: a burst of fans voting on one poll

{machine()}; load average {load:.1f} when the run started (other work on the machine slows every figure).

`{command}`: for each server, database and number of votes in flight, {args.fans:,} distinct
new fans vote as the match page's script sends the vote (their own CSRF secret as cookie and
form field, their own ballot id, the browser's Origin, Referer and Sec-Fetch-* headers, the form
URL-encoded, a JSON answer) over that many keep-alive connections; {args.repeats:.0%} of them
send the same vote again (a retry) and vote again with the cookie they were given and another
answer. One websocket on the match page watches the live tally. One server process runs on core
0 and the generator on core 1 (`*2`: two worker processes on both cores, beside the generator).
{limits}

sqlite (one process only): `bench/out/bench_votes.sqlite3`, no Redis: local-memory cache,
in-process live hub. postgres: PostgreSQL 127.0.0.1 and Redis (cache, rate counters, live hub),
`DATABASE_POOL_SIZE=20`.

| {" | ".join(name for name, _ in COLUMNS)} |
| {" | ".join(align for _, align in COLUMNS)} |
{chr(10).join(lines)}

"counted votes/s": the new fans answered "counted", over the time from the first send to the
last answer. "exact": the database holds one vote per fan, as many new votes as fans, each
answered "counted"; every retry answered as its first send was and counted nothing more; no
change of answer counted; the live tally's last push equals the database total (the demo's
seeded votes included). CPU: the server's CPU time over the burst divided by the requests it
answered (retries and changes included).

Where one process's CPU goes, µs per counted vote (py-spy sampling the threads holding the
GIL, shares of the process's measured CPU time; bench/vote_profile.py):

{profile_table(profiles)}

{BEFORE}
"""


if __name__ == "__main__":
    main()
