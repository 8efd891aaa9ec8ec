"""Pushes a poll's tally to the fans on its match page: a few times a second at most,
however fast the votes come, and never missing the last vote of a burst.

The tally is counted afresh (refreshing a big poll's cached counts for the pages) and
serialised once per push, and goes out through the match's live group
(live.realtime). The throttle is kept per server process.
"""

import json
import threading
import time

from django.conf import settings
from django.db import connections

from live import realtime
from polls.selectors import poll_tally
from polls.throttle import tally_push_delay

_lock = threading.Lock()
_last_push: dict[int, float] = {}
# When each waiting push was planned: one that has waited far past its time was lost
# (a process forked with it, a timer thread that died) and no longer holds pushes back.
_pending: dict[int, float] = {}


def poll_tally_changed(*, poll_id: int, match_id: int) -> None:
    """Called once a counted vote has committed."""
    interval = settings.POLLS_PUSH_INTERVAL
    now = time.monotonic()
    with _lock:
        delay = tally_push_delay(
            last_push_at=_last_push.get(poll_id),
            push_pending=now - _pending.get(poll_id, -1e9) < 4 * interval,
            now=now,
            interval=interval,
        )
        if delay is None:
            return
        _pending[poll_id] = now
    if delay == 0:
        _push(poll_id, match_id, in_thread=False)
    else:
        threading.Timer(delay, _push, args=(poll_id, match_id), kwargs={"in_thread": True}).start()


def _push(poll_id: int, match_id: int, *, in_thread: bool) -> None:
    with _lock:
        _pending.pop(poll_id, None)
        _last_push[poll_id] = time.monotonic()
    try:
        # Counted afresh, never from the cache: the push after a burst must carry its last vote.
        tally = poll_tally(poll_id, fresh=True)
    finally:
        if in_thread:
            connections.close_all()
    if tally is not None:
        message = {"type": "poll_tally", "match": match_id, "tally": tally}
        realtime.publish(realtime.match_group(match_id), json.dumps(message, separators=(",", ":")))
