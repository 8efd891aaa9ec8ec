"""The update log: every change to a match gets the next sequence number, a line in the
audit trail, and one message, published to fans once the transaction has committed."""

import json
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from fixtures_app.models import Match, MatchEvent, MatchStat, MatchUpdate
from fixtures_app.selectors.live import change_message
from live import realtime
from matchcentre.metrics import DEGRADED_WRITES

ALREADY_DELETED = "This change was already made, and its event has since been deleted."


@dataclass(frozen=True)
class Written:
    """What a write did, for its caller to answer with (the console, the API and the editors'
    socket read nothing back): the match as the write left it, the update it logged (for a
    repeated write, the first attempt's) and the event or stat line it wrote."""

    match: Match
    update: MatchUpdate
    event: MatchEvent | None = None
    stat: MatchStat | None = None
    repeated: bool = False

    @property
    def seq(self) -> int:
        return self.update.seq

    @property
    def summary(self) -> str:
        return self.update.summary


def match_log_update(
    *,
    match: Match,
    kind: str,
    summary: str,
    event_id: int | None = None,
    event_kind: str = "",
    by: AbstractBaseUser | None = None,
    client_key: str = "",
) -> MatchUpdate:
    """Logs a change made in the current transaction, whose caller holds the match row lock."""
    match.seq += 1
    match.save(update_fields=["seq"])
    message = change_message(
        match, kind=kind, seq=match.seq, event_id=event_id, event_kind=event_kind, now=timezone.now()
    )
    update = MatchUpdate.objects.create(
        match=match,
        seq=match.seq,
        kind=kind,
        summary=summary[:300],
        message=message,
        event_id=event_id,
        client_key=client_key,
        by=by if by is not None and by.is_authenticated else None,
    )
    frame = json.dumps(message, separators=(",", ":"))
    scores = json.dumps(_score_message(match, message), separators=(",", ":"))
    match_id = match.pk
    transaction.on_commit(lambda: _publish_change(match_id, frame, scores))
    return update


def _publish_change(match_id: int, frame: str, scores: str) -> None:
    """Sends the change to its match page and to the live scores; a write either frame did
    not go out for is answered "degraded" (realtime.delivery_status), and counted so."""
    delivered = realtime.publish(realtime.match_group(match_id), frame)
    if not realtime.publish(realtime.SCORES_GROUP, scores) or not delivered:
        DEGRADED_WRITES.inc()


def earlier_write(*, match: Match, client_key: str) -> MatchUpdate | None:
    """The update an earlier attempt of the same write made, if any (a double click, a retry)."""
    if not client_key:
        return None
    return MatchUpdate.objects.filter(match=match, client_key=client_key).first()


def earlier_deletion(*, event_id: int, client_key: str) -> MatchUpdate | None:
    """The deletion of an event that is gone, if this very write (same `client_key`) made it:
    a retried deletion answers as the first did; anyone else's is a conflict."""
    if not client_key or not client_key.isprintable():
        return None
    deletion = MatchUpdate.objects.filter(event_id=event_id, kind="event_deleted").defer("message").first()
    return deletion if deletion is not None and deletion.client_key == client_key else None


def repeated_write(match: Match, earlier: MatchUpdate, *, event_kept: bool = False) -> Written:
    """A repeated write's answer: the first attempt's update, and its event if it made one
    that still exists (`event_kept`: refused as gone when the event was deleted since)."""
    event = MatchEvent.objects.filter(pk=earlier.event_id).first() if earlier.event_id else None
    if event_kept and event is None:
        raise ValidationError(
            "This change was already made, and its event has since been deleted.", code="gone"
        )
    return Written(match=match, update=earlier, event=event, repeated=True)


def _score_message(match: Match, message: dict) -> dict:
    state = message["state"]
    return {
        "type": "score",
        "match": match.pk,
        "season": match.stage.season_id,
        "score": state["score"],
        "status": state["status"],
        "status_line": state["status_line"],
        "period_started_at": state["period_started_at"],
    }
