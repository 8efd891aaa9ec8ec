"""Every write of the webhook deliveries: cursors opened, claimed by a worker, moved on after
each answer (or set for a retry), the delivery log, and a replay from a seq.

A cursor follows one match's seq, not the log's primary key: two changes to different
matches may commit in the other order than their rows were numbered, so a position in the
whole log could pass over a row not yet committed. Within a match, every write holds the
match row's lock while it takes the next seq and until it commits, so seq N + 1 is never
visible before seq N; a reset replay leaves a gap in the seqs, which is why the next update
is the first above the cursor, not the cursor plus one.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet

from fixtures_app.models import Match, MatchUpdate
from partners import selectors
from partners.models import Delivery, Partner, PartnerCursor
from partners.sender import Outcome


@dataclass(frozen=True)
class Send:
    """One update to POST, as prepared before the first attempt: the same body and id on retries."""

    update_id: int
    seq: int
    body: bytes
    delivery_id: str
    attempt: int


@dataclass(frozen=True)
class Job:
    """A cursor claimed by a worker: its next updates, to send in order until one fails."""

    cursor_id: int
    round: int
    partner_id: int
    match_id: int
    url: str
    secret: str
    sends: tuple[Send, ...]


def cursors_open() -> int:
    """Gives every active partner a cursor on each followed match that has changes, at the last
    change logged before the partner's `since`; says how many were opened."""
    opened = 0
    for partner in Partner.objects.filter(active=True):
        cursors = [
            PartnerCursor(partner=partner, match_id=match_id, delivered_seq=before or 0)
            for match_id, before in selectors.matches_without_cursor(partner)
        ]
        opened += len(PartnerCursor.objects.bulk_create(cursors, ignore_conflicts=True))
    return opened


def job_claim(cursor: PartnerCursor, *, now: dt.datetime, lease: dt.timedelta, batch: int) -> Job | None:
    """Takes the cursor for one worker until `now + lease` and prepares its next updates;
    None when another worker has it, or nothing is left to send (the cursor is then moved
    past the gap a reset replay leaves)."""
    free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    if not PartnerCursor.objects.filter(free, pk=cursor.pk).update(leased_until=now + lease):
        return None
    cursor.refresh_from_db(fields=["delivered_seq", "round", "failures"])
    updates = selectors.pending_updates(cursor, limit=batch)
    if not updates:  # `match_seq` comes with cursors from selectors.due_cursors
        PartnerCursor.objects.filter(
            pk=cursor.pk, round=cursor.round, delivered_seq=cursor.delivered_seq
        ).update(delivered_seq=getattr(cursor, "match_seq", cursor.delivered_seq))
        PartnerCursor.objects.filter(pk=cursor.pk).update(leased_until=None)
        return None
    return Job(
        cursor_id=cursor.pk,
        round=cursor.round,
        partner_id=cursor.partner_id,
        match_id=cursor.match_id,
        url=cursor.partner.url,
        secret=cursor.partner.secret,
        sends=tuple(_send(cursor, update, first=index == 0) for index, update in enumerate(updates)),
    )


def _send(cursor: PartnerCursor, update: MatchUpdate, *, first: bool) -> Send:
    return Send(
        update_id=update.pk,
        seq=update.seq,
        body=selectors.webhook_body(update),
        delivery_id=str(cursor.delivery_id(update.pk)),
        attempt=cursor.failures + 1 if first else 1,
    )


def job_record(
    job: Job, outcomes: Sequence[Outcome], *, now: dt.datetime, retry_delay: Callable[[int], float]
) -> None:
    """Logs each attempt and moves the cursor past what was delivered; after a failure the
    cursor waits `retry_delay(failures in a row)` seconds. A replay made meanwhile wins: the
    cursor is then only released."""
    failed = outcomes[-1] if outcomes and not outcomes[-1].delivered else None
    failed_send = job.sends[len(outcomes) - 1] if failed else None
    retry_at = now + dt.timedelta(seconds=retry_delay(failed_send.attempt)) if failed_send else None
    delivered = [send for send, outcome in zip(job.sends, outcomes, strict=False) if outcome.delivered]
    with transaction.atomic():
        Delivery.objects.bulk_create(
            _logged(job, send, outcome, now=now, retry_at=retry_at if outcome is failed else None)
            for send, outcome in zip(job.sends, outcomes, strict=False)
        )
        moved = {"delivered_seq": delivered[-1].seq} if delivered else {}
        failures = {"failures": failed_send.attempt, "retry_at": retry_at} if failed_send else {}
        cursor = PartnerCursor.objects.filter(pk=job.cursor_id)
        cursor.filter(round=job.round).update(
            **{"failures": 0, "retry_at": None, **moved, **failures}, leased_until=None
        )
        cursor.filter(~Q(round=job.round)).update(leased_until=None)


def _logged(job: Job, send: Send, outcome: Outcome, *, now: dt.datetime, retry_at) -> Delivery:
    return Delivery(
        partner_id=job.partner_id,
        match_id=job.match_id,
        seq=send.seq,
        delivery_id=send.delivery_id,
        attempt=send.attempt,
        delivered=outcome.delivered,
        status_code=outcome.status,
        error=outcome.error,
        duration_ms=outcome.duration_ms,
        retry_at=retry_at,
        at=now,
    )


def partner_replay_from(*, partner: Partner, match: Match, seq: int) -> int:
    """Sends the partner this match's changes after `seq` again, in order, with new delivery
    ids (the same match and seq); says how many. A retry waiting is dropped."""
    with transaction.atomic():
        latest = Match.objects.values_list("seq", flat=True).get(pk=match.pk)
        if not 0 <= seq <= latest:
            raise ValidationError(f"Match {match.pk} has changes up to seq {latest}: pick 0 to {latest}.")
        cursor, _ = PartnerCursor.objects.select_for_update().get_or_create(partner=partner, match=match)
        PartnerCursor.objects.filter(pk=cursor.pk).update(
            delivered_seq=seq, round=F("round") + 1, failures=0, retry_at=None
        )
    return MatchUpdate.objects.filter(match=match, seq__gt=seq).count()


def cursors_retry_now(cursors: QuerySet[PartnerCursor]) -> int:
    """Drops the wait of these cursors' retries: the worker tries them at its next round."""
    return cursors.update(retry_at=None)


def deliveries_prune(*, before: dt.datetime) -> int:
    """Deletes the delivery log's rows older than `before`; says how many."""
    deleted, _ = Delivery.objects.filter(at__lt=before).delete()
    return deleted
