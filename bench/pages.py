"""Page loads: the match page and the home page requested again and again, as fans load them.

For each server and database: each page requested one at a time over a keep-alive
connection (the time from request to whole response is the server's time: client and
server share the machine, the network adds about 0.1 ms), then as fast as 8 connections
take them. In process: each page's database queries, and how they grow with the events of
a match (a match with 10 events and one with 60: they must not grow).

The server runs on core 0, this generator on core 1. Run `python bench/pages.py --help`.
"""

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from client import connect, request_bytes  # noqa: E402
from common import (  # noqa: E402
    CPUS,
    ROOT,
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

DATABASES = database_configs("pages")
PAGES = {
    "home": "home page",
    "seed": "match page, the seed (finished: report, chart, table of 36)",
    "live": "match page, the demo's live match",
    "events10": "match page, in play, 10 events",
    "events60": "match page, in play, 60 events",
}
THROUGHPUT_PAGES = ("seed", "live", "home")
# Loaded again with the ETag of the first answer: the 304 a cache in front gets (docs/OPERATIONS.md).
REVALIDATED_PAGES = ("seed", "live", "home")


async def one_at_a_time(
    port: int, path: str, requests: int, revalidate: bool = False
) -> tuple[list[float], int, int]:
    """Times of `requests` loads one after another on one connection; the body's size; the status.

    `revalidate`: each load names the first answer's ETag (`If-None-Match`), as a CDN or nginx
    refreshing its copy does, and is answered 304 while the page has not changed."""
    connection = await connect(port)
    raw = request_bytes("GET", path, port=port, headers={"Accept": "text/html"})
    first = await connection.send(raw)
    headers = {"Accept": "text/html"}
    cookie = first.cookie(b"csrftoken")
    if cookie:  # a fan's browser sends back the CSRF cookie a form set
        headers["Cookie"] = f"csrftoken={cookie.decode()}"
    etag = first.header(b"etag")
    if revalidate and etag:
        headers["If-None-Match"] = etag.decode()
    raw = request_bytes("GET", path, port=port, headers=headers)
    for _ in range(5):
        await connection.send(raw)
    times = []
    for _ in range(requests):
        response = await connection.send(raw)
        times.append(response.seconds)
    connection.transport.close()
    return times, len(response.body), response.status


async def as_fast_as_taken(port: int, path: str, seconds: float, connections: int = 8) -> tuple[float, int]:
    """Pages a second over `connections` keep-alive connections; responses that were not 200."""
    raw = request_bytes("GET", path, port=port, headers={"Accept": "text/html"})
    pool = await asyncio.gather(*(connect(port) for _ in range(connections)))
    done = failed = 0
    deadline = time.perf_counter() + seconds

    async def load(connection) -> None:
        nonlocal done, failed
        while time.perf_counter() < deadline:
            response = await connection.send(raw)
            done += 1
            failed += response.status != 200

    started = time.perf_counter()
    await asyncio.gather(*(load(connection) for connection in pool))
    elapsed = time.perf_counter() - started
    for connection in pool:
        connection.transport.close()
    return done / elapsed, failed


def page_data(env: dict[str, str], live_path: str) -> dict:
    return run_json([str(ROOT / "bench" / "page_data.py"), live_path], env)


def run_server(
    kind: str, env: dict[str, str], data: dict, args: argparse.Namespace
) -> tuple[list[dict], dict]:
    with Server(kind, env, cpu=0) as server:
        timings = []
        for name in PAGES:
            times, size, status = asyncio.run(one_at_a_time(server.port, data["paths"][name], args.requests))
            timings.append({"page": name, "times": times, "bytes": size, "status": status})
        for name in REVALIDATED_PAGES:
            load = one_at_a_time(server.port, data["paths"][name], args.requests, revalidate=True)
            times, size, status = asyncio.run(load)
            page = f"{name}, If-None-Match"
            timings.append({"page": page, "times": times, "bytes": size, "status": status})
        rates = {}
        for name in THROUGHPUT_PAGES:
            cpu = server.cpu_seconds()
            rate, failed = asyncio.run(as_fast_as_taken(server.port, data["paths"][name], args.seconds))
            cpu_per_page = (server.cpu_seconds() - cpu) / (rate * args.seconds)
            rates[name] = (rate, failed, cpu_per_page)
    return timings, rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--servers", default="daphne,uvicorn", help="daphne, uvicorn, granian (default %(default)s)"
    )
    add_databases_argument(parser)
    parser.add_argument(
        "--requests", type=int, default=100, help="loads of each page one at a time (default 100)"
    )
    parser.add_argument(
        "--seconds", type=float, default=4, help="length of each 8-connection run (default 4)"
    )
    parser.add_argument("--name", default="pages", help="bench/out/<name>.md (default pages)")
    args = parser.parse_args()
    if CPUS > 1:
        os.sched_setaffinity(0, {1})
    load = os.getloadavg()[0]
    timing_lines, rate_lines, query_lines = [], [], []
    for db in args.databases.split(","):
        extra = DATABASES[db]
        if "DATABASE_URL" in extra:
            ensure_database(extra["DATABASE_URL"])
        env = bench_env(**extra)
        data = page_data(env, prepare(env)["path"])
        query_lines += [
            f"| {name} | {db} | {data['events'].get(name, '')} | {data['queries'][name]} |" for name in PAGES
        ]
        for kind in args.servers.split(","):
            timings, rates = run_server(kind, env, data, args)
            for timing in timings:
                times = [t * 1000 for t in timing["times"]]
                timing_lines.append(
                    f"| {timing['page']} | {kind} | {db} | **{percentile(times, 0.5):.1f}** "
                    f"| {percentile(times, 0.9):.1f} | {percentile(times, 0.99):.1f} "
                    f"| {timing['bytes'] / 1024:.0f} | {timing['status']} |"
                )
                print(timing_lines[-1], flush=True)
            for name, (rate, failed, cpu) in rates.items():
                rate_lines.append(f"| {name} | {kind} | {db} | {rate:,.0f} | {cpu * 1000:.1f} | {failed} |")
                print(rate_lines[-1], flush=True)
    command = " ".join(["python", "bench/pages.py", *sys.argv[1:]])
    write_section(args.name, report(timing_lines, rate_lines, query_lines, command, args, load))


def report(timings, rates, queries, command, args, load) -> str:
    pages = "\n".join(f"- {name}: {what}" for name, what in PAGES.items())
    return f"""## Pages: match page and home page loads

{machine()}; load average {load:.1f} when the run started (other work on the machine slows every figure).

`{command}`: production settings (DEBUG off), an anonymous fan (the pages every reader shares
set no cookie); the server on core 0, the generator on core 1.

sqlite: `bench/out/bench_pages.sqlite3`, no Redis: local-memory cache. postgres: PostgreSQL 127.0.0.1 and
Redis, a pool of 20 connections per server process (`DATABASE_POOL_SIZE=20`), statements
prepared after 5 runs on a connection (`DATABASE_PREPARE_THRESHOLD`, the default);
postgres-nopool: the same without the pool (every request connects, so nothing stays prepared).

{pages}

"If-None-Match": the same page asked for again with the ETag of its first answer, as a CDN or
nginx in front revalidates its copy (answered 304 without rendering while nothing changed).

Server time, one request at a time over a keep-alive connection ({args.requests} loads after 5 warm-up loads):

| page | server | database | p50 ms | p90 ms | p99 ms | KiB | status |
| --- | --- | --- | ---: | ---: | ---: | ---: | --- |
{chr(10).join(timings)}

Pages a second, 8 keep-alive connections, {args.seconds:g} s each:

| page | server | database | pages/s | server CPU ms a page | not 200 |
| --- | --- | --- | ---: | ---: | ---: |
{chr(10).join(rates)}

Database queries of one page load, counted in process (the match's events include its period
starts and ends); the count does not grow with the events:

| page | database | events | queries |
| --- | --- | ---: | ---: |
{chr(10).join(queries)}
"""


if __name__ == "__main__":
    main()
