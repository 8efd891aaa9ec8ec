"""The match clock: which minute it is, and how a minute is written.

Football counts minutes from one, not zero: the first minute of a half is 1', and the
forty-fifth ends at 45:00. Each period has its regular minutes: the first half 1'–45',
the second 46'–90', extra time 91'–105' and 106'–120'. Time the referee adds is written
on the period's last minute: 45+2', 90+4', 105+1', 120+3'. Added time is never more than
half an hour. Penalty shoot-out kicks are all entered at 120'.

The clock shows the minute being played while the ball is in play ("45+3'" during
added time), and a short word at other times: HT, FT, AET, Pens.
"""

from datetime import datetime

from football.events import Period
from football.status import PLAYING_PERIODS, SHORT_STATUS_LABELS, Status

PERIOD_MINUTES: dict[Period, tuple[int, int]] = {
    Period.FIRST_HALF: (1, 45),
    Period.SECOND_HALF: (46, 90),
    Period.EXTRA_FIRST_HALF: (91, 105),
    Period.EXTRA_SECOND_HALF: (106, 120),
    Period.PENALTIES: (120, 120),
}
MAX_ADDED_MINUTES = 30
_PLAYED_PERIODS = (Period.FIRST_HALF, Period.SECOND_HALF, Period.EXTRA_FIRST_HALF, Period.EXTRA_SECOND_HALF)
# Where a minute is, as an editor's error message says it.
_PERIOD_PLACES = {
    Period.FIRST_HALF: "the first half",
    Period.SECOND_HALF: "the second half",
    Period.EXTRA_FIRST_HALF: "the first half of extra time",
    Period.EXTRA_SECOND_HALF: "the second half of extra time",
}
_LAST_MINUTES = {PERIOD_MINUTES[period][1]: period for period in _PLAYED_PERIODS}


class ClockError(ValueError):
    """A minute that cannot happen in the period given."""


def minute_label(minute: int, added_minute: int = 0) -> str:
    """A minute as fans write it: 7', 45+2'."""
    if added_minute:
        return f"{minute}+{added_minute}'"
    return f"{minute}'"


def period_for_minute(minute: int, added_minute: int = 0) -> Period:
    """The period a minute of normal or extra time belongs to (never the shoot-out)."""
    _check_not_negative(minute, added_minute)
    _check_added_time_length(added_minute)
    if added_minute:
        if minute not in _LAST_MINUTES:
            raise ClockError(
                f"Added time follows only the end of a period (45', 90', 105', 120'), not minute {minute}."
            )
        return _LAST_MINUTES[minute]
    for period in _PLAYED_PERIODS:
        first, last = PERIOD_MINUTES[period]
        if first <= minute <= last:
            return period
    raise ClockError(
        f"Minute {minute} is not a match minute (1'–120', with added time on 45', 90', 105' or 120')."
    )


def check_minute(period: Period, minute: int, added_minute: int = 0) -> None:
    """Raise ClockError when the minute cannot happen in that period."""
    _check_not_negative(minute, added_minute)
    _check_added_time_length(added_minute)
    first, last = PERIOD_MINUTES[period]
    if period is Period.PENALTIES:
        if (minute, added_minute) != (last, 0):
            entered = minute_label(minute, added_minute)
            raise ClockError(f"Penalty shoot-out kicks are entered at {last}', not {entered}.")
        return
    where = _PERIOD_PLACES[period]
    if not first <= minute <= last:
        raise ClockError(f"Minute {minute} is not in {where} ({first}'–{last}', then {last}+N').")
    if added_minute and minute != last:
        raise ClockError(
            f"Added time in {where} is written on {last}' ({last}+{added_minute}'), "
            f"not {minute_label(minute, added_minute)}."
        )


def _check_not_negative(minute: int, added_minute: int) -> None:
    if minute < 0 or added_minute < 0:
        raise ClockError(f"Minutes cannot be negative (minute {minute}, added minute {added_minute}).")


def _check_added_time_length(added_minute: int) -> None:
    if added_minute > MAX_ADDED_MINUTES:
        raise ClockError(
            f"{added_minute} minutes of added time is more than {MAX_ADDED_MINUTES}; check the entry."
        )


def live_minute(period: Period, period_started_at: datetime, now: datetime) -> tuple[int, int]:
    """The minute being played now, as (minute, added minute).

    Whole minutes since the period kicked off, counted from the period's first minute:
    0:00–0:59 of the first half is 1', 45:00 is 45+1'. Before kick-off it is the first minute.
    """
    first, last = PERIOD_MINUTES[period]
    if period is Period.PENALTIES:
        return (last, 0)
    elapsed_minutes = max(0, int((now - period_started_at).total_seconds() // 60))
    minute = first + elapsed_minutes
    if minute > last:
        return (last, minute - last)
    return (minute, 0)


def clock_display(status: Status, period_started_at: datetime | None, now: datetime) -> str:
    """What the clock shows: the live minute while the ball is in play, else a short word."""
    period = PLAYING_PERIODS.get(status)
    if period is None or period is Period.PENALTIES:
        return SHORT_STATUS_LABELS[status]
    if period_started_at is None:
        return minute_label(PERIOD_MINUTES[period][0])
    return minute_label(*live_minute(period, period_started_at, now))
