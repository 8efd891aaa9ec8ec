"""Page loads: the match, home and table pages requested again and again, as fans and the cache
in front of the site load them.

For each server and database, each page is requested one at a time over a keep-alive connection
in three ways: rendered (a fan who voted: a page of their own, rendered at every load, its
parts cached), kept (an anonymous reader: the same bytes for everyone, from the cache of whole
pages) and revalidated (the kept page's ETag in `If-None-Match`, as a CDN or nginx refreshing its
copy asks: a 304). Server time is the server's own: Django's time for the request, from the
`Server-Timing` header it sends, and the server process's CPU time a request; the time the
generator waits for the whole answer is shown beside it. Then the kept pages as fast as 8
connections take them. In process: each page's database queries, which do not grow with the
events of a match.

Before measuring, two readers in different time zones and languages load every shared page: the
run stops, loudly, if their bytes differ.

The server runs on core 0, this generator on core 1. Run `python bench/pages.py --help`.
"""

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from client import Response, connect, request_bytes  # noqa: E402
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
    "seed": "match page, the seed (finished: report, chart, the league phase's table of 36)",
    "home": "home page",
    "table": "table page, the seed's league phase (36 clubs)",
    "live": "match page, the demo's live match",
    "events10": "match page, in play, 10 events",
    "events60": "match page, in play, 60 events",
    "healthz": "`/healthz`, no page: Django's request path and the ASGI server alone, the floor",
}
# The pages loaded in all three ways; the others only rendered, to show their time does not grow.
EVERY_WAY = ("seed", "home", "table", "live")
PAGE_WAYS = ("rendered", "kept", "304")
THROUGHPUT_PAGES = ("seed", "home", "table")
WAYS = {
    "plain": "a GET (`/healthz`: it touches neither the database nor the cache)",
    "rendered": "a fan who voted (the `voter` cookie): the page rendered at every load, its parts cached",
    "kept": "an anonymous reader: the page from the cache of whole pages",
    "304": "an anonymous reader's conditional GET with the kept page's ETag",
}
READERS = {
    "London, English": {"Accept-Language": "en-GB,en;q=0.9", "Cookie": "tz=Europe/London"},
    "Tokyo, Japanese": {"Accept-Language": "ja,en;q=0.5", "Cookie": "tz=Asia/Tokyo; csrftoken=" + "x" * 32},
}


def server_ms(response: Response) -> float:
    """Django's own time for the request, from its `Server-Timing: app;dur=<ms>` header."""
    timing = response.header(b"server-timing") or b""
    for metric in timing.split(b","):
        name, _, params = metric.strip().partition(b";")
        if name == b"app" and params.startswith(b"dur="):
            return float(params[4:])
    raise SystemExit(f"no Server-Timing app;dur in the answer ({response.status}): {timing!r}")


async def one_at_a_time(server: Server, path: str, way: str, requests: int) -> dict:
    """`requests` loads one after another on one connection, after 5 to warm up."""
    port = server.port
    connection = await connect(port)
    headers = {"Accept": "text/html"}
    if way == "rendered":
        headers["Cookie"] = "voter=bench-voter"
    first = await connection.send(request_bytes("GET", path, port=port, headers=headers))
    if way == "304":
        headers["If-None-Match"] = (first.header(b"etag") or b"").decode()
    raw = request_bytes("GET", path, port=port, headers=headers)
    for _ in range(5):
        await connection.send(raw)
    client, app = [], []
    # In ticks of 10 ms, but counting the threads that ended: Django runs each request's sync
    # code in a thread of its own (Server.cpu_ns, from the live threads, misses those).
    cpu = server.cpu_seconds()
    for _ in range(requests):
        response = await connection.send(raw)
        client.append(response.seconds * 1000)
        app.append(server_ms(response))
    cpu_ms = (server.cpu_seconds() - cpu) * 1000 / requests
    connection.transport.close()
    return {"client": client, "app": app, "cpu": cpu_ms, "bytes": len(first.body), "status": response.status}


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


async def same_bytes(port: int, paths: dict[str, str]) -> list[str]:
    """Each shared page as two readers in different zones and languages get it: the pages whose
    bytes or ETags differ between them (none, or the run stops)."""
    differ = []
    for name in EVERY_WAY:
        answers = []
        for headers in READERS.values():
            connection = await connect(port)
            raw = request_bytes("GET", paths[name], port=port, headers={"Accept": "text/html", **headers})
            answers.append(await connection.send(raw))
            connection.transport.close()
        first, second = answers
        if (
            first.status != 200
            or first.body != second.body
            or first.header(b"etag") != second.header(b"etag")
        ):
            differ.append(name)
    return differ


def ways_of(name: str) -> tuple[str, ...]:
    if name == "healthz":
        return ("plain",)
    return PAGE_WAYS if name in EVERY_WAY else ("rendered",)


def path_of(name: str, data: dict) -> str:
    return "/healthz" if name == "healthz" else data["paths"][name]


def page_data(env: dict[str, str], live_path: str) -> dict:
    return run_json([str(ROOT / "bench" / "page_data.py"), live_path], env)


def run_server(kind: str, env: dict[str, str], data: dict, args: argparse.Namespace) -> tuple[list, dict]:
    with Server(kind, env, cpu=0) as server:
        differ = asyncio.run(same_bytes(server.port, data["paths"]))
        if differ:
            raise SystemExit(f"FAILED: two readers got different bytes on {kind}: {', '.join(differ)}")
        timings = []
        for name in PAGES:
            for way in ways_of(name):
                timing = asyncio.run(one_at_a_time(server, path_of(name, data), way, args.requests))
                timings.append({"page": name, "way": way, **timing})
        rates = {}
        for name in THROUGHPUT_PAGES:
            cpu = server.cpu_seconds()
            rate, failed = asyncio.run(as_fast_as_taken(server.port, data["paths"][name], args.seconds))
            rates[name] = (rate, failed, (server.cpu_seconds() - cpu) / (rate * args.seconds))
    return timings, rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--servers", default="uvicorn,daphne", help="daphne, uvicorn, granian (default %(default)s)"
    )
    add_databases_argument(parser)
    parser.add_argument("--requests", type=int, default=100, help="loads of each page each way (default 100)")
    parser.add_argument(
        "--seconds", type=float, default=3, help="length of each 8-connection run (default 3)"
    )
    parser.add_argument("--postgres-url", help="the PostgreSQL database instead of bench_pages (flushed)")
    parser.add_argument("--redis-url", help="the Redis database instead of the bench's (flushed)")
    parser.add_argument("--name", default="pages", help="bench/out/<name>.md (default pages)")
    args = parser.parse_args()
    if CPUS > 1:
        os.sched_setaffinity(0, {1})
    load = os.getloadavg()[0]
    timing_lines, ratio_lines, rate_lines, query_lines = [], [], [], []
    for db in args.databases.split(","):
        extra = dict(DATABASES[db])
        if db.startswith("postgres"):
            extra["DATABASE_URL"] = args.postgres_url or extra["DATABASE_URL"]
            extra["REDIS_URL"] = args.redis_url or extra["REDIS_URL"]
            ensure_database(extra["DATABASE_URL"])
        env = bench_env(**extra)
        data = page_data(env, prepare(env)["path"])
        query_lines += [query_line(name, db, data) for name in data["queries"]]
        for kind in args.servers.split(","):
            timings, rates = run_server(kind, env, data, args)
            for timing in timings:
                timing_lines.append(timing_line(timing, kind, db))
                print(timing_lines[-1], flush=True)
            ratio_lines += ratio_rows(timings, kind, db)
            for name, (rate, failed, cpu) in rates.items():
                rate_lines.append(f"| {name} | {kind} | {db} | {rate:,.0f} | {cpu * 1000:.2f} | {failed} |")
                print(rate_lines[-1], flush=True)
    command = " ".join(["python", "bench/pages.py", *sys.argv[1:]])
    tables = (timing_lines, ratio_lines, rate_lines, query_lines)
    write_section(args.name, report(tables, command, args, load))


def timing_line(timing: dict, kind: str, db: str) -> str:
    app, client = timing["app"], timing["client"]
    return (
        f"| {timing['page']} | {timing['way']} | {kind} | {db} | **{percentile(app, 0.5):.2f}** "
        f"| {percentile(app, 0.9):.2f} | {timing['cpu']:.2f} | {percentile(client, 0.5):.2f} "
        f"| {percentile(client, 0.9):.2f} | {timing['bytes'] / 1024:.0f} | {timing['status']} |"
    )


def ratio_rows(timings: list[dict], kind: str, db: str) -> list[str]:
    """Per page, the kept page's and the 304's server time (p50) as a share of a render's."""
    median = {(t["page"], t["way"]): percentile(t["app"], 0.5) for t in timings}
    rows = []
    for name in EVERY_WAY:
        rendered = median[(name, "rendered")]
        kept, revalidated = median[(name, "kept")], median[(name, "304")]
        rows.append(
            f"| {name} | {kind} | {db} | {rendered:.2f} | {kept:.2f} ({kept / rendered:.0%}) "
            f"| {revalidated:.2f} ({revalidated / rendered:.0%}) |"
        )
    return rows


def query_line(name: str, db: str, data: dict) -> str:
    counted = data["queries"][name]
    return (
        f"| {name} | {db} | {data['events'].get(name, '')} | {counted['rendered']} | {counted['kept']} "
        f"| {counted['304']} |"
    )


TIMING_HEAD = "\n".join(
    [
        "| page | way | server | database | server ms p50 | server ms p90 | CPU ms a request "
        "| client ms p50 | client ms p90 | KiB | status |",
        "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
)
BREAKDOWN = """Where a page's time goes (cProfile over Django's test client on PostgreSQL and Redis, on a
loaded machine: shares, not times). Rendering the seed's page is about 55 % database queries (a
fifth of it the ORM building the SQL, the rest waiting for PostgreSQL), 13 % the template and
10 % reading its cached parts from Redis; its table (the league phase's 36 clubs) and its polls
are the costliest pieces. The home page's render is 62 % its selector (the day's lists, the
featured table, Today's games: a fifth of the request is the ORM building SQL) and 27 % the
template. A kept page or a 304 does none of that: the ETag is read from the match row and two
SQL statements (the match page) or one (home, table; `fixtures_app/selectors/page_keys.py`), the
kept page is one Redis read, and what is left is Django's request path and the ASGI server's
thread hop, which `/healthz` shows alone. A 304 could be cheaper than that floor only if it were
answered in front of Django, from an ETag kept up to date by every write."""


def report(tables, command: str, args: argparse.Namespace, load: float) -> str:
    timings, ratios, rates, queries = ("\n".join(lines) for lines in tables)
    pages = "\n".join(f"- {name}: {what}" for name, what in PAGES.items())
    ways = "\n".join(f"- {name}: {what}" for name, what in WAYS.items())
    readers = " and ".join(f"{name} (`{headers}`)" for name, headers in READERS.items())
    return f"""## Pages: match, home and table page loads

{machine()}; load average {load:.1f} when the run started (other work on the machine slows every figure).

`{command}`: production settings (DEBUG off); the server on core 0, the generator on core 1.

sqlite: `bench/out/bench_pages.sqlite3`, no Redis: local-memory cache. postgres: PostgreSQL 127.0.0.1 and
Redis (the production recipe), a pool of 20 connections per server process (`DATABASE_POOL_SIZE=20`),
statements prepared after 5 runs on a connection (`DATABASE_PREPARE_THRESHOLD`, the default);
postgres-nopool: the same without the pool (every request connects, so nothing stays prepared).

{pages}

Each page is loaded three ways:

{ways}

{BREAKDOWN}

Two readers, {readers}, got the same bytes and ETag for {", ".join(EVERY_WAY)} on every server
(checked before measuring; the run stops if not).

Server time, one request at a time over a keep-alive connection ({args.requests} loads after 5
warm-up loads): **server ms** is Django's own time for the request (`Server-Timing: app;dur`,
from the first middleware to the answer), **CPU ms** the server process's CPU time a request
(Django, the ASGI server, the thread hops), **client ms** the generator's wait for the whole
answer on the same machine:

{TIMING_HEAD}
{timings}

Within each run, the kept page and the 304 against a render (server ms p50, and its share of
the render's):

| page | server | database | rendered | kept | 304 |
| --- | --- | --- | ---: | ---: | ---: |
{ratios}

Kept pages a second, 8 keep-alive connections, anonymous readers, {args.seconds:g} s each:

| page | server | database | pages/s | server CPU ms a page | not 200 |
| --- | --- | --- | ---: | ---: | ---: |
{rates}

Database queries of one page load, counted in process (the match's events include its period
starts and ends); they do not grow with the events:

| page | database | events | rendered | kept | 304 |
| --- | --- | ---: | ---: | ---: | ---: |
{queries}
"""


if __name__ == "__main__":
    main()
