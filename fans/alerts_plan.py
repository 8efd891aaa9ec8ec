"""The alert worker's first half: reads each match's update log by seq and makes the alerts owed
to the browsers that follow the match or one of its clubs, once per (browser, match, seq).

The log is read, never hooked: a write path does not know alerts exist, so a save never waits
for one. A cursor per match says how far the log was read; a worker leases it while it reads,
and moves it on in the same transaction as the alerts it made, which are unique per (browser,
match, seq): a worker that dies half way, or two that race, make no alert twice. A retried
write with the same client key logs nothing new (fixtures_app/services/updates.py), so it
alerts nobody again.
"""

import datetime as dt
import json

from django.db import transaction
from django.db.models import F, Max, Q

from fans.alerts import Alert, Change, alert_for
from fans.models import AlertCursor, AlertPush, PushSubscription
from fixtures_app.models import Match, MatchUpdate

BATCH = 50


def cursors_open(*, now: dt.datetime, max_age: float) -> int:
    """Gives every match with changes a cursor, at its last change older than `max_age` seconds
    (an alert that late is news no more); says how many were opened."""
    before = now - dt.timedelta(seconds=max_age)
    missing = (
        Match.objects.filter(seq__gt=0)
        .exclude(pk__in=AlertCursor.objects.values("match_id"))
        .annotate(before=Max("updates__seq", filter=Q(updates__at__lt=before)))
        .values_list("pk", "before")
    )
    cursors = [AlertCursor(match_id=match_id, read_seq=seq or 0) for match_id, seq in missing]
    return len(AlertCursor.objects.bulk_create(cursors, ignore_conflicts=True))


def cursors_due(*, now: dt.datetime) -> list[int]:
    """The cursors behind their match's log that no worker holds."""
    free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    due = AlertCursor.objects.filter(free, match__seq__gt=F("read_seq")).order_by("pk")
    return list(due.values_list("pk", flat=True)[:100])


def cursor_read(cursor_id: int, *, now: dt.datetime, lease: dt.timedelta, max_age: float) -> int:
    """Claims the cursor, makes the alerts of its next changes and moves it on; says how many
    alerts were made (0 when another worker has it)."""
    free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    if not AlertCursor.objects.filter(free, pk=cursor_id).update(leased_until=now + lease):
        return 0
    cursor = AlertCursor.objects.select_related("match__home_team", "match__away_team").get(pk=cursor_id)
    match = cursor.match
    followers = _followers(match) if match.alerts else []
    updates: list[MatchUpdate] = []
    if followers:  # nobody to tell: the cursor moves on without reading the changes
        updates = list(match.updates.filter(seq__gt=cursor.read_seq).order_by("seq")[:BATCH])
    made = _pushes(match, updates, followers, now=now, max_age=max_age) if updates else []
    with transaction.atomic():
        AlertPush.objects.bulk_create(made, ignore_conflicts=True)
        read = updates[-1].seq if updates else match.seq  # also past a gap a reset replay leaves
        AlertCursor.objects.filter(pk=cursor_id, read_seq=cursor.read_seq).update(read_seq=read)
        AlertCursor.objects.filter(pk=cursor_id).update(leased_until=None)
    return len(made)


def _followers(match: Match) -> list[tuple[int, int]]:
    """The browsers following the match or one of its clubs, as (id, delay in seconds)."""
    following = Q(matches=match) | Q(teams__in=[match.home_team_id, match.away_team_id])
    return list(PushSubscription.objects.filter(following).distinct().values_list("pk", "delay_seconds"))


def _pushes(
    match: Match,
    updates: list[MatchUpdate],
    followers: list[tuple[int, int]],
    *,
    now: dt.datetime,
    max_age: float,
) -> list[AlertPush]:
    made = []
    score_before = _score_before(match, updates[0].seq)
    for update in updates:
        change = change_of(update, score_before=score_before)
        score_before = change.score
        alert = alert_for(change, home=match.home_team.name, away=match.away_team.name)
        if alert is None or (now - update.at).total_seconds() > max_age:
            continue
        payload = alert_payload(alert, match=match, seq=update.seq)
        made += [
            AlertPush(
                subscription_id=pk,
                match=match,
                seq=update.seq,
                payload=payload,
                due_at=update.at + dt.timedelta(seconds=delay),
            )
            for pk, delay in followers
        ]
    return made


def change_of(update: MatchUpdate, *, score_before: tuple[int, int] | None) -> Change:
    state = update.message.get("state") or {}
    return Change(
        kind=update.kind,
        status=state.get("status", ""),
        status_label=state.get("status_label", ""),
        score=_score(state.get("score")),
        score_before=score_before,
        announce=update.message.get("announce", ""),
    )


def alert_payload(alert: Alert, *, match: Match, seq: int) -> dict:
    """What the service worker is sent (static/fans/sw.js shows it)."""
    return {
        "kind": alert.kind,
        "title": alert.title,
        "body": alert.body,
        "url": match.get_absolute_url(),
        "tag": f"match-{match.pk}",
        "match": match.pk,
        "seq": seq,
    }


def payload_bytes(payload: dict) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _score_before(match: Match, seq: int) -> tuple[int, int] | None:
    previous = MatchUpdate.objects.filter(match=match, seq__lt=seq).order_by("-seq").first()
    return _score((previous.message.get("state") or {}).get("score")) if previous else None


def _score(value) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if isinstance(value, list) and len(value) == 2 else None
