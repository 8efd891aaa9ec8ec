"""The update log: every change to a match gets the next sequence number, a line in the
audit trail, and one message, published to fans once the transaction has committed."""

import json

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from fixtures_app.models import Match, MatchEvent, MatchUpdate
from fixtures_app.selectors.live import change_message
from live import realtime


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
    transaction.on_commit(lambda: realtime.publish(realtime.match_group(match_id), frame))
    transaction.on_commit(lambda: realtime.publish(realtime.SCORES_GROUP, scores))
    return update


def earlier_write(*, match: Match, client_key: str) -> MatchUpdate | None:
    """The update an earlier attempt of the same write made, if any (a double click, a retry)."""
    if not client_key:
        return None
    return MatchUpdate.objects.filter(match=match, client_key=client_key).first()


def replayed_event(update: MatchUpdate) -> MatchEvent | None:
    return MatchEvent.objects.filter(pk=update.event_id).first() if update.event_id else None


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
