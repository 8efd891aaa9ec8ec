"""Connect and reconnect storms on one freshly started server process (as after a restart):
how long until every fan has what it needs, and how many transactions the database saw.

- without `since`: N fans connect evenly within `--within` seconds and each needs the
  snapshot; timed from the first connect to the last fan's snapshot;
- three behind: three goals are recorded, the server is restarted, and N fans reconnect with
  `?since=` three updates back; timed to the last fan's third message.

The server runs the production recipe (Uvicorn, PostgreSQL with its pool, Redis), pinned to
core 0, the fans on core 1. Database transactions are read from `pg_stat_database` of the
bench's database between the server's start and stop (each query outside a transaction is one;
the pool's connection set-up counts too), so they are an upper bound on the storm's queries.

    python bench/connect_storm.py                    # 5,000 fans within 10 s, both storms
    python bench/connect_storm.py --fans 1000 --within 2
"""

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    CPUS,
    Server,
    bench_env,
    database_configs,
    machine,
    percentile,
    prepare,
    raise_file_limit,
    write_section,
)
from crowd import Crowd, connect_many  # noqa: E402
from fanout import GENERATOR_CPU, clock_minute, current_seq, record_goal  # noqa: E402


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


def storm(kind: str, env: dict, path: str, seq: int, fans: int, within: float, wait: float) -> dict:
    """`fans` fans connecting to a fresh server within `within` seconds: admitted, and served
    (a frame carrying `seq`, the last each needs), time to the last served, transactions."""
    before = transactions(env["DATABASE_URL"])
    with Server(kind, env, cpu=0) as server:
        if CPUS > 1:
            os.sched_setaffinity(0, {GENERATOR_CPU})

        async def go() -> tuple[int, int, list[float], float]:
            crowd = Crowd()
            start = time.perf_counter()
            opened = await connect_many(crowd, [server.port], path, fans, within=within)
            deadline = time.perf_counter() + wait
            while len(crowd.arrivals[seq]) < len(opened) and time.perf_counter() < deadline:
                await asyncio.sleep(0.05)
            served = crowd.arrivals[seq]
            last = max(served) - start if served else float("nan")
            for fan in opened:
                fan.transport.close()
            if crowd.failures:
                print(f"  failures: {dict(crowd.failures)}", flush=True)
            return len(opened), len(served), crowd.connect_times, last

        admitted, served, handshakes, last = asyncio.run(go())
    time.sleep(1)  # the server's connections are closed: their counts are in
    after = transactions(env["DATABASE_URL"])
    return {
        "admitted": admitted,
        "served": served,
        "p99_handshake": percentile(handshakes, 0.99),
        "last": last,
        "transactions": None if before is None else after - before - 1,
    }


def restart_three_behind(kind: str, env: dict, info: dict) -> int:
    """Records three goals on a server of its own, then stops it. Returns the new seq."""
    with Server(kind, env, cpu=0) as server:
        minute = clock_minute(server.port, info)
        for _ in range(3):
            seq = record_goal(server.port, info, minute)
    return seq


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fans", type=int, default=5000)
    parser.add_argument("--within", type=float, default=10, help="seconds the fans connect in")
    parser.add_argument("--wait", type=float, default=30, help="seconds to wait for the last fan")
    parser.add_argument("--server", default="uvicorn")
    parser.add_argument("--database", default="postgres", help="postgres (the production recipe) or sqlite")
    parser.add_argument("--label", default="", help="names the code under test in the report")
    args = parser.parse_args()
    raise_file_limit()
    env = bench_env(**database_configs("connect")[args.database])
    info = prepare(env)
    match = info["match"]
    with Server(args.server, env, cpu=0) as server:
        seq = current_seq(server.port, info)
    fresh = storm(args.server, env, f"/ws/matches/{match}/", seq, args.fans, args.within, args.wait)
    print(f"without since: {fresh}", flush=True)
    seq = restart_three_behind(args.server, env, info)
    behind = storm(
        args.server, env, f"/ws/matches/{match}/?since={seq - 3}", seq, args.fans, args.within, args.wait
    )
    print(f"three behind after a restart: {behind}", flush=True)
    write_section("connect_storm", report(args, fresh, behind))


def report(args, fresh: dict, behind: dict) -> str:
    def row(name: str, result: dict) -> str:
        count = result["transactions"]
        return (
            f"| {name} | {result['admitted']:,}/{args.fans:,} | {result['served']:,}/{args.fans:,}"
            f" | {result['last']:.1f} s | {result['p99_handshake'] * 1000:,.0f} ms"
            f" | {'n/a' if count is None else f'{count:,}'} |"
        )

    label = f" ({args.label})" if args.label else ""
    return "\n".join(
        [
            f"## Connect and reconnect storms{label}",
            "",
            f"Machine: {machine()}. {args.server} on {args.database}, pinned to core 0; the fans on core 1.",
            "",
            f"Command: `python bench/connect_storm.py --fans {args.fans} --within {args.within:g}"
            f" --server {args.server} --database {args.database}`. {args.fans:,} fans connect evenly"
            f" within {args.within:g} s to a freshly started process; time to the last fan runs from the"
            " first connect to the last fan having the last frame it needs.",
            "",
            "| storm | admitted | served | time to the last fan | p99 handshake | database transactions |",
            "| --- | --- | --- | --- | --- | --- |",
            row("without `since` (snapshot)", fresh),
            row("three behind, after a restart (`since=seq-3`)", behind),
        ]
    )


if __name__ == "__main__":
    main()
