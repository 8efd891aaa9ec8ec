"""What this process's live delivery is doing, as Prometheus metrics (served at /metrics by
matchcentre/health.py): open sockets by kind, frames handed to sockets, fans let go, frames
Redis did not take.

Counted per publish, never per fan: the hub's fan-out to thousands of sockets adds one
counter increment per frame delivered, however many sockets take it.
"""

import functools
from collections.abc import Callable

from prometheus_client import Counter, Gauge

# What a live socket is for, from its group's name ("match.12" → "match", "scores").
SOCKET_KINDS = ("match", "scores")
# Why the hub let a fan go: its outbox was full (too far behind), the socket failed to take a
# frame, or live delivery was interrupted (Redis) and every page must catch up.
LET_GO_TOO_SLOW, LET_GO_FAILED, LET_GO_RESYNC = "too_slow", "failed", "resync"

SOCKETS = Gauge(
    "matchcentre_live_sockets",
    "Live sockets this process holds, by kind (match page, home page scores).",
    ["kind"],
)
FRAMES_SENT = Counter(
    "matchcentre_live_frames_sent",
    "Frames the hub handed to sockets' outboxes (one per socket per frame).",
)
FANS_LET_GO = Counter(
    "matchcentre_live_fans_let_go",
    "Sockets the hub let go, to reconnect and catch up, by reason.",
    ["reason"],
)
FAN_OUT_CPU = Counter(
    "matchcentre_live_fan_out_cpu_seconds",
    "CPU time of the loop's thread handing frames to sockets (the fan-out itself, kernel sends included).",
)
PUBLISH_FAILURES = Counter(
    "matchcentre_live_publish_failures",
    "Frames Redis did not take: pages that should have had them catch up later.",
)
for _reason in (LET_GO_TOO_SLOW, LET_GO_FAILED, LET_GO_RESYNC):
    FANS_LET_GO.labels(_reason)  # every series shown from the start, at 0


def sockets_kind(group: str) -> str:
    """The kind of socket a group holds: the group's name up to its first dot."""
    return group.partition(".")[0]


def watch_sockets(count: Callable[[str], int]) -> None:
    """Reads the socket gauge from `count(kind)` when Prometheus scrapes, not on each join."""
    for kind in SOCKET_KINDS:
        SOCKETS.labels(kind).set_function(functools.partial(count, kind))
