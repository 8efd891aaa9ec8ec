"""Fans on one match, an editor's goal, and how long until every fan has it.

Each run starts the server under test pinned to its own core, opens N websocket fans from
generator processes (bench/crowd.py: one pinned to the other core, or one per 10,000 fans
when there are more), records goals through the editors' JSON API and times each goal's
frame from the moment the editor's request was sent to its arrival at every fan:
p50/p90/p99 and time-to-last, the share of fans that got it, the server's CPU time per
delivered frame (and the generators'), and its memory per idle connection. The
stock-Channels baseline (bench/stock_asgi.py) runs in the same invocation on the same
machine, so every figure is also a ratio; bench/profile_fanout.py's breakdown of a frame's
CPU, through ASGI and written directly, is part of the same section.

    python bench/fanout.py                      # the issue's scenarios (REDIS_URL needed)
    python bench/fanout.py --fans 2000 --servers daphne --goals 3 --more-fans 0 --scale-fans 0
"""

import argparse
import asyncio
import http.client
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CPUS, Server, bench_env, percentile, prepare, raise_file_limit, write_section  # noqa: E402
from crowd import Crowd, Generator, connect_many  # noqa: E402

GENERATOR_CPU = 1
FANS_PER_GENERATOR = 10_000  # one process's file descriptors hold no more


@dataclass
class Scenario:
    name: str
    servers: list[str]  # one ASGI server kind per process
    app: str
    path: str  # the fans' socket path, {match} filled in
    fans: int
    command: str = ""  # the options that run this scenario alone


@dataclass
class Result:
    scenario: Scenario
    admitted: int
    connect_seconds: float
    latencies: list[list[float]]  # per goal, seconds from the editor's save
    cpu_per_frame_us: float
    memory_per_fan_kb: float
    generator_cpu_per_frame_us: float = float("nan")
    fan_out_per_frame_us: float = float("nan")  # the hub's own CPU counter over its frames
    profile: Counter[str] = field(default_factory=Counter)

    def all_latencies(self) -> list[float]:
        return [value for goal in self.latencies for value in goal]

    def delivered(self) -> float:
        return sum(len(goal) for goal in self.latencies) / (self.scenario.fans * len(self.latencies))

    def p99(self) -> float:
        return percentile(self.all_latencies(), 0.99)


def clock_minute(port: int, info: dict) -> int:
    """The minute being played now, as the console prefills it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", f"/api/v1/matches/{info['match']}")
    state = json.loads(connection.getresponse().read())["state"]
    elapsed = int((time.time() - datetime.fromisoformat(state["period_started_at"]).timestamp()) // 60)
    return min(90, 46 + elapsed) if state["status"] == "second_half" else min(45, 1 + elapsed)


def hub_figures(port: int) -> tuple[float, float]:
    """The process's fan-out CPU seconds and frames sent so far, from its /metrics."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/metrics")
    figures = dict.fromkeys(
        ("matchcentre_live_fan_out_cpu_seconds_total", "matchcentre_live_frames_sent_total"), 0.0
    )
    for line in connection.getresponse().read().decode().splitlines():
        name, _, number = line.partition(" ")
        if name in figures:
            figures[name] = float(number)
    return tuple(figures.values())


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


def measure(
    scenario: Scenario, servers: list[Server], info: dict, goals: int, settle: float, profile: bool
) -> Result:
    ports = [server.port for server in servers]
    for port in ports:  # a warm server: templates compiled, connections open, one goal saved
        warm(port, info)
        record_goal(port, info, clock_minute(port, info))
    # Fans show the match as it stands, as a freshly loaded page does.
    path = scenario.path.format(match=info["match"]).replace("SEQ", str(current_seq(ports[0], info)))
    rss_before = sum(server.rss_bytes() for server in servers)
    started = time.perf_counter()
    generators = start_generators(ports, path, scenario.fans, len(servers))
    try:
        admitted = opened(generators)
        connect_seconds = time.perf_counter() - started
        time.sleep(settle)
        memory_per_fan = (
            (sum(server.rss_bytes() for server in servers) - rss_before) / max(1, admitted) / 1024
        )
        if profile:
            from profile_fanout import Sampler

            sampler = Sampler(servers[0].process.pid)
        hub_before = [hub_figures(port) for port in ports]
        latencies, cpu_ns, generator_seconds = [], 0, 0.0
        for n in range(goals):
            cpu, generator_cpu, arrivals = goal(n, ports, info, generators, admitted, servers)
            latencies.append(arrivals)
            cpu_ns, generator_seconds = cpu_ns + cpu, generator_seconds + generator_cpu
            time.sleep(1)
        parts = sampler.stop() if profile else Counter()
        hub = [
            (after[0] - before[0], after[1] - before[1])
            for before, after in zip(hub_before, [hub_figures(port) for port in ports], strict=True)
        ]
    finally:
        for generator in generators:
            generator.close()
    delivered = max(1, sum(len(each) for each in latencies))
    return Result(
        scenario,
        admitted,
        connect_seconds,
        latencies,
        cpu_ns / 1e3 / delivered,
        memory_per_fan,
        generator_seconds * 1e6 / delivered,
        per_frame(sum(seconds for seconds, _ in hub) * 1e6, sum(frames for _, frames in hub)),
        parts,
    )


def per_frame(total: float, frames: float) -> float:
    return total / frames if frames else float("nan")


def start_generators(ports: list[int], path: str, fans: int, servers: int) -> list[Generator]:
    """One generator on the core a single server leaves free; past one generator's fans, as
    many as needed, unpinned (the servers then have a core each)."""
    count = max(1, -(-fans // FANS_PER_GENERATOR))
    cpu = GENERATOR_CPU if servers == 1 and count == 1 and CPUS > 1 else None
    shares = [fans // count + (1 if n < fans % count else 0) for n in range(count)]
    return [Generator(ports, path, share, cpu) for share in shares]


def opened(generators: list[Generator]) -> int:
    admitted, failures = 0, Counter()
    for generator in generators:
        count, failed = generator.opened()
        admitted, failures = admitted + count, failures + Counter(failed)
    if failures:
        print(f"  fans not admitted: {dict(failures)}", flush=True)
    return admitted


def goal(n: int, ports: list[int], info: dict, generators: list[Generator], fans: int, servers: list[Server]):
    """One goal saved through the API: the servers' CPU (ns) and the generators' (s) over it,
    and each fan's latency (s) from sending the save."""
    port = ports[n % len(ports)]
    minute = clock_minute(port, info)
    cpu_before = sum(server.cpu_ns() for server in servers)
    generators_before = sum(generator.cpu_seconds() for generator in generators)
    sent = time.perf_counter()
    seq = record_goal(port, info, minute)
    saved = time.perf_counter() - sent
    deadline = time.perf_counter() + 15
    while sum(generator.arrived(seq) for generator in generators) < fans and time.perf_counter() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # stragglers, and the server's CPU to settle
    cpu = sum(server.cpu_ns() for server in servers) - cpu_before
    generator_cpu = sum(generator.cpu_seconds() for generator in generators) - generators_before
    arrivals = [arrival - sent for generator in generators for arrival in generator.arrivals(seq)]
    print(
        f"  goal {n + 1}: {len(arrivals)}/{fans} fans, p99 {percentile(arrivals, 0.99) * 1000:.0f} ms,"
        f" last {max(arrivals, default=float('nan')) * 1000:.0f} ms, server CPU {cpu / 1e6:.0f} ms"
        f" ({cpu / 1e3 / max(1, len(arrivals)):.1f} µs a frame), generator CPU {generator_cpu * 1000:.0f} ms,"
        f" editor's save answered in {saved * 1000:.0f} ms,"
        f" first fan {min(arrivals, default=float('nan')) * 1000:.0f} ms",
        flush=True,
    )
    return cpu, generator_cpu, arrivals


def measure_servers(
    scenario: Scenario, env: dict, info: dict, goals: int, settle: float = 3, profile: bool = False
) -> Result:
    """Starts the scenario's servers (one per core), measures, stops them."""
    print(f"{scenario.name}: {scenario.fans} fans on {len(scenario.servers)} process(es)", flush=True)
    servers = [
        Server(kind, env, cpu=n % CPUS if CPUS > 1 else None, app=scenario.app)
        for n, kind in enumerate(scenario.servers)
    ]
    try:
        for server in servers:
            server.start()
        return measure(scenario, servers, info, goals, settle, profile)
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

        try:
            return asyncio.run(go())
        finally:
            os.sched_setaffinity(0, set(range(CPUS)))


def warm(port: int, info: dict) -> None:
    for path in (info["path"], f"/api/v1/matches/{info['match']}"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path)
        connection.getresponse().read()


def current_seq(port: int, info: dict) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", f"/api/v1/matches/{info['match']}")
    return json.loads(connection.getresponse().read())["seq"]


def alone(**options: object) -> str:
    """The options of `python bench/fanout.py` that run one scenario and nothing else."""
    chosen: dict[str, object] = {"servers": "''", "stock_servers": "''", "more_fans": 0, "scale_fans": 0}
    chosen.update(storm=0, profile_fans=0, **options)
    return " ".join(f"--{name.replace('_', '-')} {value}" for name, value in chosen.items())


def fan_out(kind: str, fans: int, processes: int = 1, command: str = "") -> Scenario:
    name = f"MatchCentre, {kind}" if processes == 1 else f"MatchCentre, {processes} × {kind} behind Redis"
    return Scenario(
        name,
        [kind] * processes,
        "matchcentre.asgi:application",
        "/ws/matches/{match}/?since=SEQ",
        fans,
        command,
    )


def stock_channels(kind: str, fans: int, command: str = "") -> Scenario:
    return Scenario(
        f"stock Channels (tutorial consumer), {kind}",
        [kind],
        "bench.stock_asgi:application",
        "/ws/bench/stock/{match}/",
        fans,
        command,
    )


def main() -> None:
    args = arguments()
    raise_file_limit()
    env = bench_env()
    if not env.get("REDIS_URL"):
        sys.exit(
            "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0): the scenarios are the production configuration."
        )
    info = prepare(env)
    fans, goals, settle, best = args.fans, args.goals, args.settle, args.recommended
    stocks = {
        kind: measure_servers(
            stock_channels(kind, fans, alone(stock_servers=kind, fans=fans, goals=goals)),
            env,
            info,
            goals,
            settle,
        )
        for kind in filter(None, args.stock_servers.split(","))
    }
    results = [
        measure_servers(
            fan_out(kind, fans, command=alone(servers=kind, fans=fans, goals=goals)), env, info, goals, settle
        )
        for kind in filter(None, args.servers.split(","))
    ]
    if args.more_fans:
        command = alone(recommended=best, more_fans=args.more_fans, goals=goals)
        results.append(
            measure_servers(fan_out(best, args.more_fans, command=command), env, info, goals, settle)
        )
    if args.scale_fans:
        command = alone(recommended=best, scale_fans=args.scale_fans, goals=goals)
        results.append(measure_servers(fan_out(best, args.scale_fans, 2, command), env, info, goals, settle))
    profile = ""
    if args.profile_fans:
        from profile_fanout import profile_section

        profile = profile_section(env, info, args.profile_fans, args.profile_goals)
    storms = []
    for kind in filter(None, args.servers.split(",")) if args.storm else ():
        admitted, refused, p99 = storm(kind, env, info, args.storm, args.storm_seconds)
        print(
            f"storm on {kind}: {admitted}/{args.storm} admitted, {refused} refused,"
            f" p99 handshake {p99 * 1000:,.0f} ms"
        )
        storms.append((kind, admitted, refused, p99))
    from fanout_report import report

    write_section("fanout", report(args, [*stocks.values(), *results], stocks, storms, profile))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--fans", type=int, default=5000, help="fans on one process of each server (default 5000)"
    )
    parser.add_argument(
        "--more-fans", type=int, default=10000, help="fans on one process of --recommended (0 skips)"
    )
    parser.add_argument(
        "--scale-fans", type=int, default=20000, help="fans on two processes behind Redis (0 skips)"
    )
    parser.add_argument(
        "--storm", type=int, default=5000, help="fans of the connect storm (default 5000; 0 skips)"
    )
    parser.add_argument("--storm-seconds", type=float, default=10)
    parser.add_argument("--profile-fans", type=int, default=5000, help="fans of the CPU profile (0 skips)")
    parser.add_argument("--profile-goals", type=int, default=3)
    parser.add_argument("--goals", type=int, default=5, help="goals per scenario (default 5)")
    parser.add_argument("--servers", default="daphne,uvicorn,granian", help="ASGI servers to compare")
    parser.add_argument("--stock-servers", default="uvicorn", help="servers of the stock baseline runs")
    parser.add_argument(
        "--recommended", default="uvicorn", help="the server of the --more-fans and two-process runs"
    )
    parser.add_argument(
        "--settle", type=float, default=3, help="seconds between connecting and the first goal"
    )
    return parser.parse_args()


if __name__ == "__main__":
    main()
