"""What the webhook worker reads: which partners have changes waiting, and each request's body."""

import datetime as dt
import json

from django.db.models import F, Max, Q, QuerySet

from fixtures_app.models import Match, MatchUpdate
from partners.models import Partner, PartnerCursor


def webhook_body(update: MatchUpdate) -> bytes:
    """The body POSTed for one change: the same bytes on every retry."""
    payload = {
        "match": update.match_id,
        "seq": update.seq,
        "kind": update.kind,
        "summary": update.summary,
        "at": update.at.isoformat(),
        "message": update.message,
    }
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def partner_matches(partner: Partner) -> QuerySet[Match]:
    """The matches a partner follows."""
    matches = Match.objects.all()
    if partner.competition_id is not None:
        matches = matches.filter(stage__season__competition_id=partner.competition_id)
    return matches


def matches_without_cursor(partner: Partner) -> QuerySet[Match, tuple[int, int | None]]:
    """The partner's matches that have changes and no cursor yet, as (id, before): the last
    seq each logged before the partner's `since` (None when every change came after)."""
    followed = PartnerCursor.objects.filter(partner=partner).values("match_id")
    return (
        partner_matches(partner)
        .filter(seq__gt=0)
        .exclude(pk__in=followed)
        .annotate(before=Max("updates__seq", filter=Q(updates__at__lt=partner.since)))
        .values_list("pk", "before")
    )


def due_cursors(now: dt.datetime) -> QuerySet[PartnerCursor]:
    """Cursors of active partners with changes to send now: not waiting for a retry, nor being
    sent by a worker. Each carries `match_seq`, the match's latest seq as read."""
    return (
        PartnerCursor.objects.filter(partner__active=True, match__seq__gt=F("delivered_seq"))
        .filter(Q(retry_at__isnull=True) | Q(retry_at__lte=now))
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
        .annotate(match_seq=F("match__seq"))
        .select_related("partner")
        .order_by("pk")
    )


def pending_updates(cursor: PartnerCursor, *, limit: int) -> list[MatchUpdate]:
    """The next updates the cursor's partner is owed, in seq order."""
    updates = MatchUpdate.objects.filter(match_id=cursor.match_id, seq__gt=cursor.delivered_seq)
    return list(updates.order_by("seq")[:limit])
