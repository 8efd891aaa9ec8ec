"""Catch-up: the messages a fan missed, from the update log, or a fresh snapshot."""

import datetime as dt

from fixtures_app.models import Match, MatchUpdate
from fixtures_app.selectors.live import snapshot

# Further behind than this, a fresh snapshot is smaller and quicker than the messages.
MAX_CATCH_UP = 100


def updates_since(match: Match, since: int, *, now: dt.datetime) -> list[dict]:
    """Every message after `since`, in order; a snapshot when too far behind (or ahead)."""
    if since == match.seq:
        return []
    if since < 0 or since > match.seq or match.seq - since > MAX_CATCH_UP:
        return [snapshot(match, now=now)]
    # Up to the seq read with the match: a change committed since comes live, or with the next poll.
    messages = list(
        MatchUpdate.objects.filter(match=match, seq__gt=since, seq__lte=match.seq)
        .order_by("seq")
        .values_list("message", flat=True)
    )
    if len(messages) != match.seq - since:  # the log was pruned
        return [snapshot(match, now=now)]
    return messages
