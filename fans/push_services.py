"""Writes of Web Push: a browser's subscription saved or dropped, and each alert's sending
claimed by a worker and recorded (sent, retried later, given up, or the browser gone)."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q

from fans.alerts_plan import payload_bytes
from fans.models import AlertPush, PushSubscription
from fans.push_send import Message, Outcome
from fixtures_app.models import Match, Team

MOST_ATTEMPTS = 5


@dataclass(frozen=True)
class Subscription:
    """A browser's subscription as its page sent it, already checked (fans/push_input.py)."""

    endpoint: str
    p256dh: str
    auth: str
    team_ids: tuple[int, ...]
    match_ids: tuple[int, ...]
    delay_seconds: int


@dataclass(frozen=True)
class Claimed:
    push_id: int
    subscription_id: int
    message: Message


def subscription_save(*, subscription: Subscription, user=None) -> PushSubscription:
    """Saves the browser's subscription and what it follows (unknown ids are left out); the same
    endpoint sent again replaces its keys, follows and delay."""
    with transaction.atomic():
        saved, _ = PushSubscription.objects.update_or_create(
            endpoint=subscription.endpoint,
            defaults={
                "p256dh": subscription.p256dh,
                "auth": subscription.auth,
                "delay_seconds": subscription.delay_seconds,
                **({"user": user} if user is not None and user.is_authenticated else {}),
            },
        )
        saved.teams.set(Team.objects.filter(pk__in=subscription.team_ids))
        saved.matches.set(Match.objects.filter(pk__in=subscription.match_ids))
    return saved


def subscription_delete(*, endpoint: str) -> bool:
    """Forgets the browser (its waiting alerts with it); says whether it was known."""
    deleted, _ = PushSubscription.objects.filter(endpoint=endpoint).delete()
    return deleted > 0


def pushes_expire(*, now: dt.datetime, max_age: float) -> int:
    """Gives up the waiting alerts due more than `max_age` seconds ago (a worker was down)."""
    late = now - dt.timedelta(seconds=max_age)
    return AlertPush.objects.filter(state=AlertPush.State.WAITING, due_at__lt=late).update(
        state=AlertPush.State.FAILED, error="too late to send"
    )


def pushes_claim(*, now: dt.datetime, lease: dt.timedelta, limit: int, ttl: int) -> list[Claimed]:
    """Takes up to `limit` alerts that are due for this worker until `now + lease`: of each
    browser only its first alert waiting, so that its alerts arrive in order (a goal before its
    "Goal disallowed"), one at a time; a retried one holds up the later ones."""
    free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    waiting = AlertPush.objects.filter(free, state=AlertPush.State.WAITING, due_at__lte=now).filter(
        Q(retry_at__isnull=True) | Q(retry_at__lte=now)
    )
    earlier = AlertPush.objects.filter(
        subscription=OuterRef("subscription"), state=AlertPush.State.WAITING
    ).filter(Q(due_at__lt=OuterRef("due_at")) | Q(due_at=OuterRef("due_at"), pk__lt=OuterRef("pk")))
    waiting = waiting.exclude(Exists(earlier))
    claimed: list[Claimed] = []
    for push in waiting.select_related("subscription").order_by("due_at", "pk")[: limit * 2]:
        if len(claimed) >= limit:
            break
        taken = AlertPush.objects.filter(free, pk=push.pk, state=AlertPush.State.WAITING)
        if taken.update(leased_until=now + lease, attempts=F("attempts") + 1):
            claimed.append(_claimed(push, ttl=ttl))
    return claimed


def _claimed(push: AlertPush, *, ttl: int) -> Claimed:
    subscription = push.subscription
    message = Message(
        endpoint=subscription.endpoint,
        p256dh=subscription.p256dh,
        auth=subscription.auth,
        body=payload_bytes(push.payload),
        topic=f"m{push.match_id}s{push.seq}"[:32],
        ttl=ttl,
    )
    return Claimed(push_id=push.pk, subscription_id=subscription.pk, message=message)


def push_record(claimed: Claimed, outcome: Outcome, *, now: dt.datetime, retry_in: float) -> None:
    """Sent: done. The browser gone (404, 410): it is forgotten. Otherwise tried again after
    `retry_in` seconds, up to MOST_ATTEMPTS attempts."""
    pushes = AlertPush.objects.filter(pk=claimed.push_id)
    if outcome.sent:
        pushes.update(state=AlertPush.State.SENT, sent_at=now, leased_until=None, error="")
        PushSubscription.objects.filter(pk=claimed.subscription_id).update(last_sent_at=now)
    elif outcome.gone:
        PushSubscription.objects.filter(pk=claimed.subscription_id).delete()
    else:
        error = outcome.error or f"HTTP {outcome.status}"
        pushes.filter(attempts__gte=MOST_ATTEMPTS).update(
            state=AlertPush.State.FAILED, leased_until=None, error=error[:200]
        )
        pushes.filter(attempts__lt=MOST_ATTEMPTS).update(
            retry_at=now + dt.timedelta(seconds=retry_in), leased_until=None, error=error[:200]
        )


def match_alerts_set(*, match: Match, on: bool) -> None:
    """Alerts for this match on or off; off, nothing of it is sent from now (alerts made
    already and waiting for a fan's delay are dropped too)."""
    with transaction.atomic():
        Match.objects.filter(pk=match.pk).update(alerts=on)
        if not on:
            AlertPush.objects.filter(match=match, state=AlertPush.State.WAITING).update(
                state=AlertPush.State.FAILED, error="alerts turned off for the match"
            )
