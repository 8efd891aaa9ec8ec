"""Moves a match through its periods: kick-off, half-time, full time, extra time, penalties."""

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from fixtures_app.models import Match, MatchEvent
from fixtures_app.models.match import PERIOD_START_FIELDS
from fixtures_app.selectors.status import is_level, resume_from
from fixtures_app.services.events import lock_match
from fixtures_app.services.results import match_refresh_result
from fixtures_app.services.updates import Written, earlier_write, match_log_update, repeated_write
from football.clock import MAX_ADDED_MINUTES, PERIOD_MINUTES, live_minute
from football.events import EventKind, Period
from football.status import Status, check_transition, period_ending, period_starting


def match_change_status(
    *,
    match: Match,
    status: str,
    at: dt.datetime | None = None,
    by: AbstractBaseUser | None = None,
    client_key: str = "",
) -> Written:
    """Changes the status, recording the period start or end it means in the timeline."""
    at = at or timezone.now()
    try:
        new = Status(status)
    except ValueError:
        raise ValidationError(f"Unknown status '{status}'.", code="status") from None
    with transaction.atomic():
        match = lock_match(match)
        earlier = earlier_write(match=match, client_key=client_key)
        if earlier is not None:
            return repeated_write(match, earlier)
        current = Status(match.status)
        try:
            check_transition(current, new, level=is_level(match, current), resume_from=resume_from(match))
        except ValueError as error:
            raise ValidationError(str(error), code="status") from None
        author = by if by and by.is_authenticated else None
        _end_period(match, period_ending(current, new), at, author)
        _start_period(match, period_starting(new), at, author)
        match.status = new
        match.save(update_fields=["status", *PERIOD_START_FIELDS.values()])
        match_refresh_result(match=match)
        update = match_log_update(
            match=match,
            kind="status_changed",
            summary=f"Status: {match.status_label}",
            by=author,
            client_key=client_key,
        )
    return Written(match=match, update=update)


def _end_period(match: Match, period: Period | None, at: dt.datetime, author) -> None:
    if period is None:
        return
    started = match.period_start(period)
    minute, added = (PERIOD_MINUTES[period][1], 0)
    if period is not Period.PENALTIES and started is not None:
        minute, added = live_minute(period, started, at)
        # A whistle entered long after the period really ended still ends it at the most added time.
        added = min(added, MAX_ADDED_MINUTES)
    MatchEvent.objects.create(
        match=match,
        kind=EventKind.PERIOD_END,
        period=period,
        minute=minute,
        added_minute=added,
        created_by=author,
    )


def _start_period(match: Match, period: Period | None, at: dt.datetime, author) -> None:
    if period is None:
        return
    setattr(match, PERIOD_START_FIELDS[period], at)
    MatchEvent.objects.create(
        match=match,
        kind=EventKind.PERIOD_START,
        period=period,
        minute=PERIOD_MINUTES[period][0],
        created_by=author,
    )
