"""Snapshots and catch-ups built once per (match, seq) and shared by every fan who needs them.

A connect storm (thousands of pages opening, or reconnecting after a restart) asks for the
same few things: the snapshot at the match's seq, or the messages after the seq a page shows.
Each is built once in this process and serialised once; every fan is sent the same text.
Fans that ask while it is being built wait for that build instead of starting their own: one
thread builds per key (a lock for threads), one thread trip per key on the event loop.

A key names what its text shows, so nothing is ever invalidated, only forgotten:
- the match's seq, version and when its update `seq` was logged (its `stamp`): a change is a
  new seq, a correction too; the stamp also tells apart two matches that got the same id
  (SQLite gives a deleted row's id again);
- for a snapshot, the clock as the page shows it (`67'`): its status line and chart are drawn
  to the minute being played, so the next minute is another snapshot.
Memory is bounded: the newest keys are kept, a few seqs of a match at most (LRU).
"""

import asyncio
import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from channels.db import database_sync_to_async
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from fixtures_app.models import Match, MatchUpdate
from fixtures_app.selectors.live import snapshot
from fixtures_app.selectors.updates import MAX_CATCH_UP
from football.clock import clock_display
from football.status import Status

KEEP_SEQS = 3  # per match: a fan reading seq S while S + 1 is sent still finds S
KEEP_TEXTS = 256  # in all, per shelf
BUILD_WAIT = 30.0  # seconds a thread waits for another's build before trying itself
T = TypeVar("T")


@dataclass(frozen=True)
class Head:
    """What one read of the match row says: enough to name its snapshot and catch-ups."""

    match_id: int
    seq: int
    stamp: str
    status: str
    period_started_at: dt.datetime | None

    def clock(self, now: dt.datetime) -> str:
        return clock_display(Status(self.status), self.period_started_at, now)


def match_head(match_id: int) -> Head | None:
    """The match's head, in one query; None: no such match."""
    logged = MatchUpdate.objects.filter(match=OuterRef("pk"), seq=OuterRef("seq")).values("at")[:1]
    match = Match.objects.filter(pk=match_id).annotate(logged_at=Subquery(logged)).first()
    if match is None:
        return None
    parts = (match.seq, match.version, match.logged_at, match.kickoff, match.home_team_id, match.away_team_id)
    stamp = "|".join(str(part) for part in parts)
    return Head(match.pk, match.seq, stamp, match.status, match.period_started_at)


def dumps(message: dict) -> str:
    """A message as every fan is sent it (live/sockets.py serialises the same way)."""
    return json.dumps(message, separators=(",", ":"))


class Shelf:
    """Texts by key, the newest kept, each built once however many threads ask at the same time.
    A key is a tuple starting (match id, seq, stamp, ...)."""

    def __init__(self, size: int = KEEP_TEXTS) -> None:
        self.size = size
        self.items: OrderedDict[tuple, object] = OrderedDict()
        self.building: dict[tuple, threading.Event] = {}
        self.lock = threading.Lock()

    def get(self, key: tuple) -> object | None:
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def get_or_build(self, key: tuple, build: Callable[[], tuple[object, bool]]) -> object:
        """The kept value, or `build`'s; `build` says whether its value may be kept."""
        while True:
            with self.lock:
                if key in self.items:
                    self.items.move_to_end(key)
                    return self.items[key]
                waiting = self.building.get(key)
                mine = waiting is None
                if waiting is None:
                    waiting = self.building[key] = threading.Event()
            if not mine:
                waiting.wait(BUILD_WAIT)  # then kept, or the builder failed: look again
                continue
            try:
                value, keep = build()
                if keep:
                    self.put(key, value)
                return value
            finally:
                with self.lock:
                    self.building.pop(key, None)
                waiting.set()

    def put(self, key: tuple, value: object) -> None:
        match_id, seq = key[0], key[1]
        with self.lock:
            self.items[key] = value
            for old in [k for k in self.items if k[0] == match_id and k[1] <= seq - KEEP_SEQS]:
                del self.items[old]
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


snapshots = Shelf()
catch_ups = Shelf()
# On the event loop: the newest head read per match (a few fields each), the reads under way.
heads: dict[int, Head] = {}
_flights: dict[Hashable, asyncio.Task] = {}


def snapshot_text(head: Head, *, now: dt.datetime) -> str:
    """The match's snapshot as sent, built once per (match, seq, clock)."""
    key = (head.match_id, head.seq, head.stamp, head.clock(now))

    def build() -> tuple[str, bool]:
        match = Match.objects.only("pk", "seq").get(pk=head.match_id)
        # Kept only if it shows the seq it is kept under (a change may have come meanwhile).
        return dumps(snapshot(match, now=now)), match.seq == head.seq

    return snapshots.get_or_build(key, build)  # type: ignore[return-value]


def missed_texts(head: Head, since: int, *, now: dt.datetime) -> list[str]:
    """What a page showing `since` is sent: the messages after it, in order, or a snapshot when
    too far behind (or ahead), or when the log no longer holds them."""
    if since == head.seq:
        return []
    if since < 0 or since > head.seq or head.seq - since > MAX_CATCH_UP:
        return [snapshot_text(head, now=now)]

    def build() -> tuple[list[str] | None, bool]:
        messages = list(
            MatchUpdate.objects.filter(match_id=head.match_id, seq__gt=since, seq__lte=head.seq)
            .order_by("seq")
            .values_list("message", flat=True)
        )
        if len(messages) != head.seq - since:  # the log was pruned
            return None, False
        return [dumps(message) for message in messages], True

    texts = catch_ups.get_or_build((head.match_id, head.seq, head.stamp, since), build)
    return texts if texts is not None else [snapshot_text(head, now=now)]  # type: ignore[return-value]


def forget_all() -> None:
    """Forgets every kept text (tests; nothing in the product needs it)."""
    snapshots.clear()
    catch_ups.clear()
    heads.clear()


def opening_texts(head: Head, since: int | None, *, now: dt.datetime) -> list[str]:
    """What a fan connecting gets first: the snapshot, or what it missed since `since`."""
    return [snapshot_text(head, now=now)] if since is None else missed_texts(head, since, now=now)


def kept_opening(match_id: int, since: int | None, known_seq: int | None) -> tuple[Head, list[str]] | None:
    """The opening from what this process keeps, without the database: only when the kept head
    is the newest seq the process has seen (`known_seq`, the hub's) and its texts are kept."""
    head = heads.get(match_id)
    if head is None or known_seq != head.seq:
        return None
    if since == head.seq:
        return head, []
    if since is None:
        found = snapshots.get((head.match_id, head.seq, head.stamp, head.clock(timezone.now())))
        return (head, [found]) if isinstance(found, str) else None
    if since < 0 or since > head.seq or head.seq - since > MAX_CATCH_UP:
        return None
    kept = catch_ups.get((head.match_id, head.seq, head.stamp, since))
    return (head, kept) if isinstance(kept, list) else None  # type: ignore[return-value]


def remember(head: Head) -> None:
    """Keeps the newest head read of the match (on the event loop)."""
    kept = heads.get(head.match_id)
    if kept is None or head.seq >= kept.seq:
        heads[head.match_id] = head


async def shared(key: Hashable, read: Callable[[], T]) -> T:
    """`read` run on a worker thread once for every coroutine of this loop asking for `key`
    while it runs."""
    loop = asyncio.get_running_loop()
    flight_key = (key, id(loop))
    task = _flights.get(flight_key)
    if task is None:
        task = loop.create_task(database_sync_to_async(read, thread_sensitive=False)())
        _flights[flight_key] = task
        task.add_done_callback(lambda _: _flights.pop(flight_key, None))
    return await asyncio.shield(task)
