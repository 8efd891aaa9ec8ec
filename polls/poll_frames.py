"""What a batch of the vote lane needs of a poll, read with the least work.

A poll's match, question, answers and whether it is its match's main poll change rarely (an
editor in the admin) and no vote changes them: they are kept for FRAME_SECONDS and loaded again
sooner when a fan sends an answer the kept frame does not have. Whether the poll is open (closed
by an editor, reopened, its close time) is read afresh for every batch, in one short query.
"""

import copy
import datetime as dt
import time
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from polls.models import Poll, PollOption
from polls.selectors import poll_is_main

FRAME_SECONDS = 5.0


@dataclass(frozen=True)
class PollFrame:
    """What a batch needs of a poll that votes do not change, loaded once every FRAME_SECONDS."""

    poll: Poll  # its match and teams, its answers prefetched
    options: dict[int, PollOption]
    main: bool
    loaded_at: float


Frames = dict[int, PollFrame]  # by poll id: each vote lane keeps its own


def poll_frame(frames: Frames, poll_id: int, option_ids: set[int]) -> PollFrame | None:
    """The poll's frame from `frames`, loaded again when old or when it lacks an answer a fan sent."""
    frame = frames.get(poll_id)
    now = time.monotonic()
    if frame is None or now - frame.loaded_at > FRAME_SECONDS or not option_ids <= frame.options.keys():
        polls = Poll.objects.select_related("match__home_team", "match__away_team").prefetch_related(
            "options"
        )
        poll = polls.filter(pk=poll_id).first()
        if poll is None:
            frames.pop(poll_id, None)
            return None
        options = {option.pk: option for option in poll.options.all()}
        frame = PollFrame(poll, options, poll_is_main(poll), now)
        frames[poll_id] = frame
    return frame


def poll_now(frame: PollFrame) -> Poll | None:
    """The frame's poll with whether it is open read afresh (an editor may have closed it)."""
    table = connection.ops.quote_name(Poll._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT closed, closes_at FROM {table} WHERE id = %s", [frame.poll.pk])
        row = cursor.fetchone()
    if row is None:
        return None
    poll = copy.copy(frame.poll)
    poll.closed, poll.closes_at = row[0], _datetime(row[1])
    return poll


def _datetime(value: dt.datetime | str | None) -> dt.datetime | None:
    """A datetime column's value as the ORM gives it (SQLite's raw value is text, in UTC)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value
