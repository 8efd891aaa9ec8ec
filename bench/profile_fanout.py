"""Where the server's CPU goes for each delivered frame: py-spy samples the server process while
goals go out to the fans, and each sample is put in the part of the path it was in.

The breakdown is taken twice in one run: frames through ASGI (`MATCHCENTRE_LIVE_DIRECT_WRITES=0`,
Uvicorn's own `send` for every fan: the path before issue 19) and written directly
(live/fastpath.py, the default). Each part's µs per frame is its share of the samples times the
server's CPU per delivered frame, measured over the same goals. A loopback send of the same size
is timed alone, the floor the kernel sets on this machine.

    python bench/profile_fanout.py --fans 5000      # REDIS_URL needed, as for bench/fanout.py
"""

import argparse
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BIN, bench_env, prepare, raise_file_limit, write_section  # noqa: E402

# The parts of the server's work, each named by what its samples' stacks hold, the first that
# matches anywhere in the stack.
SEND = "Uvicorn's `send` per fan: ASGI message, websockets framing, transport write (kernel send)"
DIRECT = "direct write per fan: state checks, transport write (kernel send)"
OUTBOX = "outbox per fan: offer, eager coroutine step"
HUB = "hub loop over the group's sockets"
FAN_OUT = (SEND, DIRECT, OUTBOX, HUB)
PARTS = (
    ("send_keepalive_ping", "keepalive pings and pongs (every 20 s per socket, not per frame)"),
    ("handle_pong", "keepalive pings and pongs (every 20 s per socket, not per frame)"),
    ("data_received", "keepalive pings and pongs (every 20 s per socket, not per frame)"),
    ("django/", "the editor's save (API view, rules, database, publish)"),
    ("psycopg", "the editor's save (API view, rules, database, publish)"),
    ("live/fastpath.py", DIRECT),
    ("uvicorn/protocols/websockets", SEND),
    ("live/outbox.py", OUTBOX),
    ("live/sockets.py", OUTBOX),
    ("redis/", "Redis subscription"),
    ("live/realtime.py", HUB),
    ("asyncio/", "event loop, tasks"),
    ("uvloop", "event loop, tasks"),
)
OTHER = "other"
PATHS = {"asgi": "0", "direct": "1"}
RATE = 1000  # samples a second


class Sampler:
    """py-spy recording one process, not pausing it, until stopped."""

    def __init__(self, pid: int, rate: int = 0) -> None:
        rate = rate or RATE
        self.output = Path(tempfile.mkstemp(suffix=".txt")[1])
        self.process = subprocess.Popen(
            [str(BIN / "py-spy"), "record", "--pid", str(pid), "--rate", str(rate), "--nonblocking"]
            + ["--format", "raw", "--output", str(self.output), "--threads", "--gil"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1)  # attached before the first goal

    def stop(self) -> Counter[str]:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(30)
        parts: Counter[str] = Counter()
        for line in self.output.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if stack and count.isdigit():
                parts[part(stack.split(";"))] += int(count)
        self.output.unlink()
        return parts


def part(frames: list[str]) -> str:
    stack = ";".join(frames)
    return next((name for marker, name in PARTS if marker in stack), OTHER)


def loopback_send_us(size: int, sockets: int = 2000) -> float:
    """CPU µs of one `send` of `size` bytes on a loopback TCP connection (the receiving side's
    TCP work runs in the sender's context on loopback, so it is counted too)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4096)
    clients = [socket.create_connection(listener.getsockname()) for _ in range(sockets)]
    servers = [listener.accept()[0] for _ in range(sockets)]
    payload, costs = b"x" * size, []
    for _ in range(5):
        started = time.process_time()
        for server in servers:
            server.send(payload)
        costs.append((time.process_time() - started) / sockets * 1e6)
        for client in clients:
            client.recv(65536)
    for each in (*clients, *servers, listener):
        each.close()
    return sorted(costs)[len(costs) // 2]


def table(profiles: dict[str, tuple[float, int, Counter[str]]]) -> str:
    """µs per delivered frame by part (its share of the samples times the measured CPU per
    frame), one column per path."""
    names = list(dict.fromkeys([name for _, name in PARTS] + [OTHER]))
    lines = [
        "| part of the server's work | " + " | ".join(f"{path}: µs a frame" for path in profiles) + " |",
        "| --- |" + " ---: |" * len(profiles),
    ]

    def us(cpu_us: float, parts: Counter[str], *names: str) -> float:
        return cpu_us * sum(parts[name] for name in names) / (sum(parts.values()) or 1)

    for name in names:
        if any(parts[name] for _, _, parts in profiles.values()):
            cells = [f"{us(cpu_us, parts, name):,.1f}" for cpu_us, _, parts in profiles.values()]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    cells = [f"**{us(cpu_us, parts, *FAN_OUT):,.1f}**" for cpu_us, _, parts in profiles.values()]
    lines.append("| **the fan-out: hub, outbox and write, per fan** | " + " | ".join(cells) + " |")
    cells = [f"{cpu_us:,.1f} ({frames:,} frames)" for cpu_us, frames, _ in profiles.values()]
    lines.append(
        "| server CPU per frame over the goals, measured (all threads, kernel included) | "
        + " | ".join(cells)
        + " |"
    )
    return "\n".join(lines)


def section(
    fans: int, goals: int, profiles: dict[str, tuple[float, int, Counter[str]]], floor: dict[int, float]
) -> str:
    return "\n".join(
        [
            "### Where a frame's CPU goes: before and after",
            "",
            f"`python bench/profile_fanout.py --fans {fans} --goals {goals}`: one Uvicorn process on core 0,"
            f" {fans:,} fans, {goals} goals each way. asgi: every frame through Uvicorn's own `send`"
            " (`MATCHCENTRE_LIVE_DIRECT_WRITES=0`, the path before issue 19); direct: encoded once and"
            " written to each connection (live/fastpath.py). py-spy samples the server's threads while"
            f" they hold the GIL ({RATE} Hz, not pausing it) from the first goal to the last; each part"
            " is its share of the samples times the server's CPU per delivered frame, measured over the"
            " goals (a busy machine preempts the server while it holds the GIL, so shares, not sample"
            " counts, are the measure). Keepalive pings run all the time (they are in the figure as"
            " they fall in the goals' windows), and the save is once per goal, whatever the fans.",
            "",
            table(profiles),
            "",
            "The kernel's floor: one loopback `send` costs "
            + " and ".join(f"**{cost:.1f} µs** ({size:,} bytes)" for size, cost in floor.items())
            + " of CPU on this machine, timed alone (on loopback the receiving side's TCP work is done"
            " in the sender's context, so the server pays both halves; across a network it pays one).",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fans", type=int, default=5000)
    parser.add_argument("--goals", type=int, default=3)
    args = parser.parse_args()
    raise_file_limit()
    env = bench_env()
    if not env.get("REDIS_URL"):
        sys.exit("Set REDIS_URL (e.g. redis://127.0.0.1:6379/0).")
    write_section("fanout_profile", profile_section(env, prepare(env), args.fans, args.goals))


def profile_section(env: dict, info: dict, fans: int, goals: int) -> str:
    """Both paths measured and sampled on one Uvicorn process, as markdown."""
    from fanout import alone, fan_out, measure_servers

    profiles = {}
    for path, flag in PATHS.items():
        scenario = fan_out("uvicorn", fans, command=alone(servers="uvicorn", fans=fans, goals=goals))
        scenario.name += f", {path}"
        result = measure_servers(
            scenario, {**env, "MATCHCENTRE_LIVE_DIRECT_WRITES": flag}, info, goals, profile=True
        )
        profiles[path] = (result.cpu_per_frame_us, len(result.all_latencies()), result.profile)
    return section(fans, goals, profiles, {size: loopback_send_us(size) for size in (200, 2000)})


if __name__ == "__main__":
    main()
