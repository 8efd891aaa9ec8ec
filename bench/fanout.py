"""Fans on one match, an editor's goal, and how long until every fan has it.

Each run starts the server under test pinned to its own core, opens N websocket fans from
this process (pinned to the other core), records goals through the editors' JSON API and
times each goal's frame from the moment the editor's request was sent to its arrival at
every fan: p50/p90/p99 and time-to-last, the share of fans that got it, the server's CPU
time per delivered frame and its memory per idle connection. The stock-Channels baseline
(bench/stock_asgi.py) runs in the same invocation on the same machine, so every figure is
also a ratio.

    python bench/fanout.py                      # the issue's scenarios (REDIS_URL needed)
    python bench/fanout.py --fans 2000 --servers daphne --goals 3
"""

import argparse
import asyncio
import http.client
import json
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CPUS, Server, bench_env, machine, percentile, prepare, raise_file_limit, write_section  # noqa: E402
from crowd import Crowd, connect_many  # noqa: E402

GENERATOR_CPU = 1


@dataclass
class Scenario:
    name: str
    servers: list[str]  # one ASGI server kind per process
    app: str
    path: str  # the fans' socket path, {match} filled in
    fans: int


@dataclass
class Result:
    scenario: Scenario
    admitted: int
    connect_seconds: float
    latencies: list[list[float]]  # per goal, seconds from the editor's save
    cpu_per_frame_us: float
    memory_per_fan_kb: float

    def all_latencies(self) -> list[float]:
        return [value for goal in self.latencies for value in goal]

    def delivered(self) -> float:
        return sum(len(goal) for goal in self.latencies) / (self.scenario.fans * len(self.latencies))


def clock_minute(port: int, info: dict) -> int:
    """The minute being played now, as the console prefills it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", f"/api/v1/matches/{info['match']}")
    state = json.loads(connection.getresponse().read())["state"]
    elapsed = int((time.time() - datetime.fromisoformat(state["period_started_at"]).timestamp()) // 60)
    return min(90, 46 + elapsed) if state["status"] == "second_half" else min(45, 1 + elapsed)


def record_goal(port: int, info: dict, minute: int) -> int:
    """The editor's save: a goal through the JSON API, as a feed or the console would send it.
    Returns its seq."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    body = {"kind": "goal", "minute": minute, "team": info["team"], "player": info["player"]}
    headers = {"Authorization": f"Bearer {info['token']}", "Content-Type": "application/json"}
    connection.request("POST", f"/api/v1/matches/{info['match']}/events", json.dumps(body), headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 201:
        raise RuntimeError(f"the editor's save was refused: {response.status} {body[:500]!r}")
    return json.loads(body)["seq"]


async def measure(scenario: Scenario, servers: list[Server], info: dict, goals: int, settle: float) -> Result:
    crowd = Crowd()
    ports = [server.port for server in servers]
    for port in ports:  # a warm server: templates compiled, connections open, one goal saved
        warm(port, info)
        record_goal(port, info, clock_minute(port, info))
    # Fans show the match as it stands, as a freshly loaded page does.
    path = scenario.path.format(match=info["match"]).replace("SEQ", str(current_seq(ports[0], info)))
    rss_before = sum(server.rss_bytes() for server in servers)
    started = time.perf_counter()
    fans = await connect_many(crowd, ports, path, scenario.fans)
    connect_seconds = time.perf_counter() - started
    await asyncio.sleep(settle)
    memory_per_fan = (sum(server.rss_bytes() for server in servers) - rss_before) / max(1, len(fans)) / 1024
    latencies = []
    cpu_total, delivered_total = 0.0, 0
    loop = asyncio.get_running_loop()
    for n in range(goals):
        cpu_before = sum(server.cpu_seconds() for server in servers)
        generator_before = time.process_time()
        port = ports[n % len(ports)]
        minute = await loop.run_in_executor(None, clock_minute, port, info)
        sent = time.perf_counter()
        seq = await loop.run_in_executor(None, record_goal, port, info, minute)
        saved = time.perf_counter() - sent
        deadline = time.perf_counter() + 15
        while len(crowd.arrivals.get(seq, ())) < len(fans) and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # stragglers, and the server's CPU to settle
        cpu = sum(server.cpu_seconds() for server in servers) - cpu_before
        generator_cpu = time.process_time() - generator_before
        arrivals = crowd.arrivals.get(seq, [])
        latencies.append([arrival - sent for arrival in arrivals])
        delivered = len(arrivals)
        print(
            f"  goal {n + 1}: {delivered}/{scenario.fans} fans,"
            f" p99 {percentile(latencies[-1], 0.99) * 1000:.0f} ms,"
            f" last {max(latencies[-1], default=float('nan')) * 1000:.0f} ms, server CPU {cpu * 1000:.0f} ms,"
            f" generator CPU {generator_cpu * 1000:.0f} ms, editor's save answered in {saved * 1000:.0f} ms,"
            f" first fan {min(latencies[-1], default=float('nan')) * 1000:.0f} ms",
            flush=True,
        )
        cpu_total, delivered_total = cpu_total + cpu, delivered_total + delivered
        await asyncio.sleep(1)
    for fan in fans:
        fan.transport.close()
    await asyncio.sleep(1)
    cpu_per_frame = cpu_total / max(1, delivered_total) * 1e6
    return Result(scenario, len(fans), connect_seconds, latencies, cpu_per_frame, memory_per_fan)


def run(scenario: Scenario, env: dict, info: dict, goals: int, settle: float) -> Result:
    print(f"{scenario.name}: {scenario.fans} fans on {len(scenario.servers)} process(es)", flush=True)
    cpus = [0] if len(scenario.servers) == 1 else list(range(len(scenario.servers)))
    servers = [
        Server(kind, env, cpu=cpus[n % len(cpus)] if CPUS > 1 else None, app=scenario.app)
        for n, kind in enumerate(scenario.servers)
    ]
    try:
        for server in servers:
            server.start()
        if len(scenario.servers) == 1 and CPUS > 1:
            os.sched_setaffinity(0, {GENERATOR_CPU})
        else:
            os.sched_setaffinity(0, set(range(CPUS)))
        return asyncio.run(measure(scenario, servers, info, goals, settle))
    finally:
        for server in servers:
            server.stop()


def storm(kind: str, env: dict, info: dict, fans: int, within: float) -> tuple[int, int, float]:
    """`fans` fans connecting evenly within `within` seconds: how many were admitted, how many
    refused, and the p99 handshake."""
    with Server(kind, env, cpu=0) as server:
        if CPUS > 1:
            os.sched_setaffinity(0, {GENERATOR_CPU})
        seq = current_seq(server.port, info)  # the pages show the match as it stands

        async def go():
            crowd = Crowd()
            opened = await connect_many(
                crowd, [server.port], f"/ws/matches/{info['match']}/?since={seq}", fans, within=within
            )
            for fan in opened:
                fan.transport.close()
            print(f"  failures: {dict(crowd.failures)}", flush=True)
            return len(opened), crowd.refused, percentile(crowd.connect_times, 0.99)

        return asyncio.run(go())


def warm(port: int, info: dict) -> None:
    for path in (info["path"], f"/api/v1/matches/{info['match']}"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path)
        connection.getresponse().read()


def current_seq(port: int, info: dict) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", f"/api/v1/matches/{info['match']}")
    return json.loads(connection.getresponse().read())["seq"]


def ms(value: float) -> str:
    return f"{value * 1000:,.0f} ms"


def table(results: list[Result], stocks: dict[str, Result]) -> str:
    """Each fan-out result beside the stock baseline on the same ASGI server."""
    lines = [
        "| scenario | fans admitted | delivered | p50 | p90 | p99 | time to last | p99: stock ÷ this |"
        " server CPU per frame | memory per idle fan |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        values = result.all_latencies()
        p99 = percentile(values, 0.99)
        stock = stocks.get(result.scenario.servers[0])
        ratio = (
            f"{percentile(stock.all_latencies(), 0.99) / p99:.1f}×"
            if stock is not None and result is not stock and values
            else "—"
        )
        last = max((max(goal) for goal in result.latencies if goal), default=float("nan"))
        lines.append(
            f"| {result.scenario.name} | {result.admitted:,}/{result.scenario.fans:,}"
            f" | {result.delivered():.1%} | {ms(percentile(values, 0.5))} | {ms(percentile(values, 0.9))}"
            f" | {ms(p99)} | {ms(last)} | {ratio} |"
            f" {result.cpu_per_frame_us:,.0f} µs | {result.memory_per_fan_kb:,.1f} KB |"
        )
    return "\n".join(lines)


def fan_out(kind: str, fans: int, processes: int = 1) -> Scenario:
    name = (
        f"MatchCentre fan-out, {kind}"
        if processes == 1
        else f"MatchCentre fan-out, {processes} × {kind} behind Redis"
    )
    return Scenario(
        name, [kind] * processes, "matchcentre.asgi:application", "/ws/matches/{match}/?since=SEQ", fans
    )


def stock_channels(kind: str, fans: int) -> Scenario:
    return Scenario(
        f"stock Channels (tutorial consumer), {kind}",
        [kind],
        "bench.stock_asgi:application",
        "/ws/bench/stock/{match}/",
        fans,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fans", type=int, default=5000, help="fans on one server process (default 5000)")
    parser.add_argument(
        "--scale-fans", type=int, default=10000, help="fans over two processes (default 10000; 0 skips)"
    )
    parser.add_argument(
        "--storm", type=int, default=5000, help="fans of the connect storm (default 5000; 0 skips)"
    )
    parser.add_argument("--storm-seconds", type=float, default=10)
    parser.add_argument("--goals", type=int, default=5, help="goals per scenario (default 5)")
    parser.add_argument("--servers", default="daphne,uvicorn,granian", help="ASGI servers to compare")
    parser.add_argument(
        "--stock-servers", default="daphne,uvicorn", help="servers of the stock baseline runs"
    )
    parser.add_argument("--recommended", default="uvicorn", help="the server of the two-process run")
    parser.add_argument(
        "--settle", type=float, default=3, help="seconds between connecting and the first goal"
    )
    args = parser.parse_args()
    raise_file_limit()
    env = bench_env()
    if not env.get("REDIS_URL"):
        sys.exit(
            "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0): the scenarios are the production configuration."
        )
    info = prepare(env)
    kinds = args.servers.split(",")
    stocks = {
        kind: run(stock_channels(kind, args.fans), env, info, args.goals, args.settle)
        for kind in args.stock_servers.split(",")
        if kind
    }
    results = [run(fan_out(kind, args.fans), env, info, args.goals, args.settle) for kind in kinds]
    if args.scale_fans:
        results.append(run(fan_out(args.recommended, args.scale_fans, 2), env, info, args.goals, args.settle))
    storms = []
    for kind in kinds if args.storm else ():
        admitted, refused, p99 = storm(kind, env, info, args.storm, args.storm_seconds)
        print(
            f"storm on {kind}: {admitted}/{args.storm} admitted, {refused} refused, p99 handshake {ms(p99)}",
            flush=True,
        )
        storms.append((kind, admitted, refused, p99))
    write_section("fanout", report(args, [*stocks.values(), *results], stocks, storms))


def report(args, results: list[Result], stocks: dict[str, Result], storms: list) -> str:
    lines = [
        "## Live fan-out: one goal to every open page",
        "",
        f"Machine: {machine()}. One server process pinned to core 0 and the load generator to core 1;"
        " in the two-process run one server per core and the generator unpinned."
        " PostgreSQL and Redis on the same machine.",
        "",
        f"Command: `python bench/fanout.py --fans {args.fans} --scale-fans {args.scale_fans}"
        f" --storm {args.storm} --goals {args.goals} --servers {args.servers}"
        f" --stock-servers {args.stock_servers}` (with `REDIS_URL` and `BENCH_DATABASE_URL` set)."
        f" {args.goals} goals per scenario, each recorded through the editors' JSON API at the"
        " minute being played; latency runs from sending the editor's request to the last byte"
        " of the goal's frame at each fan, so it includes the save. Percentiles are over every"
        " delivered frame of every goal; server CPU per"
        " frame is the server's CPU time over the goals (saves included) divided by the frames delivered.",
        "",
        table(results, stocks),
        "",
    ]
    if storms:
        lines += [
            f"Connect storm: {args.storm:,} fans connecting evenly within {args.storm_seconds:g} s"
            " to one process"
            " (pages reconnecting after a restart), each with `?since=` its page's seq.",
            "",
            "| server | admitted | refused or timed out | p99 handshake |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {kind} | {admitted:,}/{args.storm:,} | {refused:,} | {ms(p99)} |"
            for kind, admitted, refused, p99 in storms
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
