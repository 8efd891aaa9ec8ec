"""Connect and reconnect storms on one freshly started server process (as after a restart):
how long until every fan has what it needs, and how many transactions the database saw.

- fresh (without `since`): N fans connect evenly within `--within` seconds and each needs the
  snapshot; timed from the first connect to the last fan's snapshot (issue 19: all within 15 s);
- behind (three behind, after a restart): three goals are recorded, the server is restarted,
  and N fans reconnect evenly within `--within` seconds with `?since=` three updates back;
  each fan timed from its reconnect to its third message (issue 19: all caught up within 10 s;
  the last of them cannot be within 10 s of the first connect when they come over 10 s).

Each storm runs on MatchCentre's code and on the baseline (bench/stock_storm_asgi.py: a consumer
as the Channels tutorial writes one, building what its own fan needs, for each fan), in the same
run.

The server runs the production recipe (Uvicorn, PostgreSQL with its pool, Redis), pinned to
core 0, the fans on core 1. PostgreSQL is BENCH_DATABASE_URL and Redis REDIS_URL when they are
set (as `make bench` sets them), else database `bench_connect` and Redis database 2. Database
transactions are read from `pg_stat_database` of that database between the server's start and
stop (each query outside a transaction is one; the pool's connection set-up counts too), so
they are an upper bound on the storm's queries.

    python bench/connect_storm.py                    # 5,000 fans within 10 s, both storms, both codes
    python bench/connect_storm.py --fans 1000 --within 2 --storms fresh --runs matchcentre
"""

import argparse
import asyncio
import http.client
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    APP,
    CPUS,
    REDIS_DB_2,
    Server,
    bench_env,
    database_configs,
    machine,
    percentile,
    prepare,
    raise_file_limit,
    write_section,
)
from crowd import Crowd, Fan, connect  # noqa: E402
from fanout import GENERATOR_CPU, clock_minute, current_seq, record_goal  # noqa: E402

# The code under test: its ASGI application and the fans' socket path.
RUNS = {
    "matchcentre": ("MatchCentre (shared snapshot and catch-ups)", APP, "/ws/matches/{match}/"),
    "stock": (
        "baseline: a tutorial consumer, one build per fan",
        "bench.stock_storm_asgi:application",
        "/ws/bench/stock-storm/{match}/",
    ),
}
# Each storm: its name in the report, and the target: what is timed, and its limit (s).
STORMS = {
    "fresh": ("without `since`: every fan needs the snapshot", "last", 15.0),
    "behind": ("three behind, after a restart (`?since=seq-3`)", "slowest", 10.0),
}
TARGETS = {
    "last": "every fan served within {limit:g} s of the first connect",
    "slowest": "every fan caught up within {limit:g} s of its reconnect",
}


def storm_env(database: str) -> dict[str, str]:
    """The server's environment: the production recipe on the bench's PostgreSQL and Redis."""
    configs = database_configs("connect")
    if database != "postgres":
        return bench_env(**configs[database])
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = configs["postgres"]["DATABASE_URL"]
    redis = os.environ.get("REDIS_URL") or REDIS_DB_2
    return bench_env(DATABASE_URL=url, REDIS_URL=redis, DATABASE_POOL_SIZE="20")


def transactions(url: str) -> int | None:
    """Transactions committed and rolled back on the bench's database so far (None on SQLite)."""
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s", [name]
        ).fetchone()
    return int(row[0])


def storm(kind: str, env: dict, app: str, path: str, seq: int, args) -> dict:
    """`args.fans` fans connecting evenly to a fresh server within `args.within` seconds:
    admitted, served (a frame carrying `seq`, the last each needs), the time from the first
    connect to the last fan served, the slowest fan's wait from its own connect, transactions."""
    before = transactions(env["DATABASE_URL"])
    with Server(kind, env, cpu=0, app=app) as server:
        if CPUS > 1:
            os.sched_setaffinity(0, {GENERATOR_CPU})
        result = asyncio.run(crowd_storm(server.port, path, seq, args))
    time.sleep(1)  # the server's connections are closed: their counts are in
    after = transactions(env["DATABASE_URL"])
    return {**result, "transactions": None if before is None else after - before - 1}


async def crowd_storm(port: int, path: str, seq: int, args) -> dict:
    """The storm from the fans' side: each fan with its own Crowd, so that its wait is known."""
    start = time.perf_counter()

    async def one(at: float) -> tuple[float, Crowd, Fan | None]:
        await asyncio.sleep(max(0.0, at - time.perf_counter()))
        crowd = Crowd()
        return at, crowd, await connect(crowd, port, path)

    fans = await asyncio.gather(*(one(start + args.within * n / args.fans) for n in range(args.fans)))
    opened = [(at, crowd, fan) for at, crowd, fan in fans if fan]
    deadline = time.perf_counter() + args.wait
    while sum(bool(crowd.arrivals.get(seq)) for _, crowd, _ in opened) < len(opened):
        if time.perf_counter() > deadline:
            break
        await asyncio.sleep(0.05)
    served = [(at, crowd.arrivals[seq][0]) for at, crowd, _ in opened if crowd.arrivals.get(seq)]
    for _, _, fan in opened:
        fan.transport.close()
    failures = sum((crowd.failures for _, crowd, _ in fans), Counter())
    if failures:
        print(f"  failures: {dict(failures)}", flush=True)
    waits = [arrival - at for at, arrival in served]
    return {
        "admitted": len(opened),
        "served": len(served),
        "p99_handshake": percentile([t for _, crowd, _ in fans for t in crowd.connect_times], 0.99),
        "last": max(arrival for _, arrival in served) - start if served else float("nan"),
        "p99_wait": percentile(waits, 0.99),
        "slowest": max(waits, default=float("nan")),
    }


def restart_three_behind(kind: str, env: dict, info: dict) -> tuple[int, dict]:
    """Records three goals on a server of its own, then stops it. Returns the new seq and the
    frames' sizes (bytes) as the server sends them: the snapshot and the goals' messages."""
    with Server(kind, env, cpu=0) as server:
        minute = clock_minute(server.port, info)
        for _ in range(3):
            seq = record_goal(server.port, info, minute)
        sizes = frame_sizes(server.port, info["match"], seq - 3)
    return seq, sizes


def frame_sizes(port: int, match: int, since: int) -> dict:
    """The HTTP snapshot's bytes and those of each message after `since` (the same texts the
    socket sends)."""

    def get(path: str) -> bytes:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path)
        return connection.getresponse().read()

    messages = json.loads(get(f"/api/v1/matches/{match}/updates?since={since}"))["messages"]
    goals = [len(json.dumps(message, separators=(",", ":")).encode()) for message in messages]
    return {"snapshot": len(get(f"/api/v1/matches/{match}")), "goal": sum(goals) / max(1, len(goals))}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fans", type=int, default=5000)
    parser.add_argument("--within", type=float, default=10, help="seconds the fans connect in")
    parser.add_argument(
        "--wait", type=float, default=20, help="seconds after the last connect to wait for the last fan"
    )
    parser.add_argument("--storms", default="fresh,behind", help=f"{', '.join(STORMS)} (default %(default)s)")
    parser.add_argument(
        "--runs", default="matchcentre,stock", help=f"{', '.join(RUNS)} (default %(default)s)"
    )
    parser.add_argument("--server", default="uvicorn")
    parser.add_argument("--database", default="postgres", help="postgres (the production recipe) or sqlite")
    parser.add_argument("--label", default="", help="names the code under test in the report")
    args = parser.parse_args()
    raise_file_limit()
    load = os.getloadavg()[0]
    env = storm_env(args.database)
    info = prepare(env)
    match = info["match"]
    results, sizes = [], {}
    for name in args.storms.split(","):
        if name == "behind":
            seq, sizes = restart_three_behind(args.server, env, info)
            query = f"?since={seq - 3}"
        else:
            with Server(args.server, env, cpu=0) as server:
                seq, query = current_seq(server.port, info), ""
        for run in args.runs.split(","):
            _, app, path = RUNS[run]
            result = storm(args.server, env, app, path.format(match=match) + query, seq, args)
            print(f"{name}, {run}: {result}", flush=True)
            results.append((name, run, result))
    write_section("connect_storm", report(args, results, sizes, load))


def report(args, results: list[tuple[str, str, dict]], sizes: dict, load: float) -> str:
    def row(name: str, run: str, result: dict) -> str:
        count, (_, timed, limit) = result["transactions"], STORMS[name]
        met = "yes" if result["served"] == args.fans and result[timed] <= limit else "no"
        command = (
            f"python bench/connect_storm.py --fans {args.fans} --within {args.within:g} --wait {args.wait:g}"
            f" --storms {name} --runs {run} --server {args.server} --database {args.database}"
        )
        cells = [
            STORMS[name][0],
            RUNS[run][0],
            f"{result['admitted']:,}/{args.fans:,}",
            f"{result['served']:,}/{args.fans:,}",
            f"{result['last']:.1f} s",
            f"{result['slowest']:.1f} s ({result['p99_wait']:.1f} s)",
            f"{TARGETS[timed].format(limit=limit)}: **{met}**",
            f"{result['p99_handshake'] * 1000:,.0f} ms",
            "n/a" if count is None else f"{count:,}",
            f"`{command}`",
        ]
        return "| " + " | ".join(cells) + " |"

    label = f" ({args.label})" if args.label else ""
    return "\n".join(
        [
            f"## Connect and reconnect storms{label}",
            "",
            f"Machine: {machine()}. {args.server} on {args.database} (with Redis and a pool of 20),"
            f" pinned to core 0; the fans on core 1. Load average {load:.1f} when the run started"
            " (other work on the machine slows every time below; the transaction counts do not move).",
            "",
            f"{args.fans:,} fans connect evenly within {args.within:g} s to a freshly started process"
            " (`bench/connect_storm.py`); time to the last fan runs from the first connect to the last"
            " fan having the last frame it needs (the snapshot, or the third missed goal), a fan's wait"
            " from the moment it starts to connect to that frame, and a run"
            f" waits {args.wait:g} s after the last connect for it. Database transactions are read from"
            " `pg_stat_database` between the server's start and stop: an upper bound on its queries"
            " (the pool's connection set-up included). The baseline is a consumer as the Channels tutorial"
            " writes one, building what its own fan needs, for each fan (`bench/stock_storm_asgi.py`;"
            " it joins no channel-layer group, whose failures under load the fan-out's stock rows show)."
            " The HTTP snapshot and `/updates?since=N` read the same kept texts"
            " (`tests/fixtures_app/test_snapshots.py`).",
            "",
            "| storm | code | admitted | served | time to the last fan | slowest fan's wait (p99)"
            " | target | p99 handshake | database transactions | reproduce |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |",
            *(row(name, run, result) for name, run, result in results),
            "",
            (
                f"Frames as sent (compact JSON): the demo match snapshot {sizes['snapshot'] / 1024:,.1f} KB,"
                f" a goal's message {sizes['goal'] / 1024:,.1f} KB (the mean of the three goals; line-ups,"
                " chart and table included). docs/SCALING.md sizes bandwidth with them."
                if sizes
                else ""
            ),
        ]
    )


if __name__ == "__main__":
    main()
