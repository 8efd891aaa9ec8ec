"""Where a vote's server CPU goes: py-spy's collapsed stacks of the server, summed by bucket.

Each sampled stack is put in the first bucket one of its frames matches (the list is in that
order: the most specific first), so a database call made from the ballot box counts as
database, and what no bucket names is the HTTP server and its event loop.
"""

import collections
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from common import BIN, OUT, Server

# (bucket, substrings of a frame "function (file:line)"), first match wins.
RULES: list[tuple[str, tuple[str, ...]]] = [
    ("Redis (rate counters, live hub)", ("redis/", "live/realtime", "live/hub")),
    ("tally push (count, serialise)", ("polls/realtime", "poll_tally")),
    ("database: psycopg, SQL", ("psycopg",)),
    ("database: Django ORM", ("django/db/",)),
    ("poll payload for the fans", ("poll_for_fans", "polls/selectors", "polls/tally")),
    ("answer: JSON, cookie, headers", ("respond (", "_send (", "fast_answer", "answers.py")),
    ("request: parse, CSRF, voter", ("script_vote", "read_vote", "requests.py", "ASGIRequest")),
    ("ballot box, batching", ("ballot_box", "count_script_votes", "_count_poll_votes")),
    ("HTTP server, event loop, other", ("",)),
]
BUCKETS = [bucket for bucket, _ in RULES]


def bucket_of(stack: str) -> str:
    for bucket, needles in RULES:
        if any(needle in stack for needle in needles):
            return bucket
    return BUCKETS[-1]


def breakdown(path: Path) -> dict:
    """{"share": {bucket: share of the samples}, "samples": n} from a py-spy raw (collapsed) file."""
    counts: collections.Counter[str] = collections.Counter()
    try:
        text = path.read_text()
    except OSError:
        return {"share": {}, "samples": 0}
    for line in text.splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            counts[bucket_of(stack)] += int(count)
    total = sum(counts.values())
    if not total:
        return {"share": {}, "samples": 0}
    share = {bucket: counts[bucket] / total for bucket in BUCKETS}
    return {"share": {**share, "total": 1.0}, "samples": total}


def py_spy() -> str:
    return shutil.which("py-spy", path=os.pathsep.join([str(BIN), os.environ.get("PATH", "")])) or ""


class Profiler:
    """py-spy sampling the server while the burst runs (the threads holding the GIL: CPU spent in
    Python and in the C code it calls), collapsed stacks in bench/out/."""

    def __init__(self, server: Server, name: str) -> None:
        self.path = OUT / f"{name}.collapsed.txt"
        pid = server.process.pid if server.process else 0
        command = [py_spy(), "record", "--pid", str(pid), "--rate", "250", "--gil", "--nonblocking"]
        command += ["--format", "raw", "--output", str(self.path)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # py-spy attaches

    def stop(self) -> Path:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(30)
        return self.path


def profile_table(profiles: list[tuple[str, dict]]) -> str:
    if not profiles:
        return "(No profile: run with `--profile`, py-spy installed.)"
    head = "| bucket | " + " | ".join(name for name, _ in profiles) + " |"
    lines = [head, "| --- |" + " ---: |" * len(profiles)]
    for bucket in [*BUCKETS, "total"]:
        cells = [f"{profile['us'].get(bucket, 0):,.0f}" for _, profile in profiles]
        lines.append(f"| {bucket} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


BEFORE = """Before the lane read votes from the scope (issue 19: an ASGIRequest, Django's QueryDict
and the header middleware on every vote; the poll, its answers, the main-poll lookup and the
count through the ORM for every batch; a Vote object per fan), the same breakdown from
`python bench/votes.py --databases postgres --servers uvicorn --fans 10000` before and after the
change, on the project's shared 2-core machine under other work (load average 4 to 11: every
figure inflated; compare within a row), µs per counted vote:

| bucket | before, 64 in flight | after, 64 | before, 256 in flight | after, 256 |
| --- | ---: | ---: | ---: | ---: |
| HTTP server, event loop, other | 303 | 170 | 293 | 178 |
| request: parse, CSRF, voter | 276 | 154 | 258 | 120 |
| answer: JSON, cookie, headers | 309 | 82 | 226 | 87 |
| database: Django ORM | 408 | 36 | 112 | 13 |
| database: psycopg, SQL | 97 | 40 | 46 | 37 |
| ballot box, batching | 55 | 78 | 18 | 25 |
| poll payload for the fans | 24 | 15 | 13 | 5 |
| Redis and the tally push | 47 | 43 | 23 | 30 |
| total | 1,520 | 618 | 988 | 496 |"""
