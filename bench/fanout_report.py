"""The fan-out section of docs/BENCHMARKS.md, from one run of bench/fanout.py: the scenarios'
table, the issue's targets against it, the CPU profile and the connect storm."""

from common import machine, percentile

EMPTY = "''"


def report(args, results: list, stocks: dict, storms: list, profile: str) -> str:
    lines = [
        "## Live fan-out: one goal to every open page",
        "",
        f"Machine: {machine()}. One server process pinned to core 0 and one load generator process"
        " (bench/crowd.py, uvloop) to core 1; with two server processes, one per core and two generator"
        " processes of 10,000 fans each, unpinned, sharing the two cores with them. PostgreSQL and Redis"
        " on the same machine.",
        "",
        f"Command: `python bench/fanout.py --fans {args.fans} --more-fans {args.more_fans}"
        f" --scale-fans {args.scale_fans} --storm {args.storm} --profile-fans {args.profile_fans}"
        f" --goals {args.goals} --servers {args.servers or EMPTY}"
        f" --stock-servers {args.stock_servers or EMPTY}`"
        " (with `REDIS_URL` and `BENCH_DATABASE_URL` set); each row's own command runs it alone."
        f" {args.goals} goals per scenario, each recorded through the editors' JSON API at the"
        " minute being played; latency runs from sending the editor's request to the last byte"
        " of the goal's frame at each fan, so it includes the save. Percentiles are over every"
        " delivered frame of every goal. Server CPU per frame is the server processes' CPU time"
        " (every thread, to the nanosecond) from sending the save to half a second after the last"
        " fan had the frame, saves included, divided by the frames delivered; generator CPU per"
        " frame is the same for the load generators: where it is near the server's, arrival times"
        " are bound by the generator and the server's figures are the better guide.",
        "",
        table(results, stocks),
        "",
        *targets(results, stocks),
    ]
    if profile:
        lines += [profile, ""]
    if storms:
        lines += [
            f"Connect storm: {args.storm:,} fans connecting evenly within {args.storm_seconds:g} s"
            " to one process (pages reconnecting after a restart), each with `?since=` its page's seq.",
            "",
            "| server | admitted | refused or timed out | p99 handshake |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {kind} | {admitted:,}/{args.storm:,} | {refused:,} | {ms(p99)} |"
            for kind, admitted, refused, p99 in storms
        ]
    return "\n".join(lines)


def targets(results: list, stocks: dict) -> list[str]:
    """Issue 19's first target, against this run (the production server's rows)."""
    ours = [result for result in results if not result.scenario.name.startswith("stock")]

    def row(servers: int, fans: int):
        return next(
            (
                r
                for r in ours
                if len(r.scenario.servers) == servers
                and r.scenario.fans == fans
                and "uvicorn" in r.scenario.servers
            ),
            None,
        )

    lines = ["| issue 19, target 1 | this run | met |", "| --- | --- | --- |"]
    uvicorn = [r for r in ours if "uvicorn" in r.scenario.servers]
    if uvicorn:
        worst = max(r.cpu_per_frame_us for r in uvicorn)
        cpus = ", ".join(f"{r.cpu_per_frame_us:.1f} µs ({r.scenario.fans:,} fans)" for r in uvicorn)
        lines.append(f"| ≤ 15 µs of server CPU per delivered frame (Uvicorn) | {cpus} | {yes(worst <= 15)} |")
    for servers, fans, limit in ((1, 5000, 0.150), (1, 10000, 0.300), (2, 20000, 0.500)):
        found = row(servers, fans)
        if found is not None:
            where = "one process" if servers == 1 else "two processes behind Redis"
            lines.append(
                f"| {fans:,} fans on {where}: p99 ≤ {limit * 1000:.0f} ms | {found.p99() * 1000:,.0f} ms"
                f" | {yes(found.p99() <= limit)} |"
            )
    if ours:
        every = all(r.admitted == r.scenario.fans and r.delivered() == 1 for r in ours)
        lines.append(
            f"| 100 % delivered every time | {min(r.delivered() for r in ours):.1%} at worst | {yes(every)} |"
        )
    stock, mine = stocks.get("uvicorn"), row(1, 5000)
    if stock is not None and mine is not None:
        ratio = stock.p99() / mine.p99()
        lines.append(
            f"| ≥ 20× stock Channels' p99 (5,000 fans, Uvicorn) | stock {stock.p99() * 1000:,.0f} ms ÷"
            f" {mine.p99() * 1000:,.0f} ms = {ratio:.1f}× | {yes(ratio >= 20)} |"
        )
    return [*lines, ""] if len(lines) > 2 else []


def yes(met: bool) -> str:
    return "yes" if met else "**no**"


def ms(value: float) -> str:
    return f"{value * 1000:,.0f} ms"


def table(results: list, stocks: dict) -> str:
    """Each fan-out result beside the stock baseline on the same ASGI server."""
    lines = [
        "| scenario | fans admitted | delivered | p50 | p90 | p99 | time to last | p99: stock ÷ this |"
        " server CPU per frame | of which the fan-out | generator CPU per frame | memory per idle fan |"
        " reproduce |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        values = result.all_latencies()
        stock = stocks.get(result.scenario.servers[0])
        alike = (
            stock is not None
            and stock.scenario.fans == result.scenario.fans
            and len(result.scenario.servers) == 1
        )
        ratio = f"{stock.p99() / result.p99():.1f}×" if alike and result is not stock and values else "—"
        last = max((max(goal) for goal in result.latencies if goal), default=float("nan"))
        lines.append(
            f"| {result.scenario.name}, {result.scenario.fans:,} fans"
            f" | {result.admitted:,}/{result.scenario.fans:,}"
            f" | {result.delivered():.1%} | {ms(percentile(values, 0.5))} | {ms(percentile(values, 0.9))}"
            f" | {ms(result.p99())} | {ms(last)} | {ratio} | {result.cpu_per_frame_us:,.1f} µs"
            f" | {result.fan_out_per_frame_us:,.1f} µs"
            f" | {result.generator_cpu_per_frame_us:,.1f} µs | {result.memory_per_fan_kb:,.1f} KB"
            f" | `python bench/fanout.py {result.scenario.command}` |"
        )
    return "\n".join(lines)
