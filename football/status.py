"""A match's status and the order it moves in.

A match is scheduled, then played in halves: first half, half-time, second half, full
time. A knock-out tie still level after ninety minutes goes to extra time (two halves of
fifteen minutes, with a short break between them), and still level after that to a penalty
shoot-out. A scheduled match can be postponed; a match in play can be suspended (and
resumed in the period it stopped in) or abandoned.
"""

from enum import StrEnum

from football.events import Period


class Status(StrEnum):
    SCHEDULED = "scheduled"
    FIRST_HALF = "first_half"
    HALF_TIME = "half_time"
    SECOND_HALF = "second_half"
    FULL_TIME = "full_time"
    EXTRA_TIME_BREAK = "extra_time_break"
    EXTRA_FIRST_HALF = "extra_first_half"
    EXTRA_HALF_TIME = "extra_half_time"
    EXTRA_SECOND_HALF = "extra_second_half"
    AFTER_EXTRA_TIME = "after_extra_time"
    PENALTIES_BREAK = "penalties_break"
    PENALTIES = "penalties"
    AFTER_PENALTIES = "after_penalties"
    POSTPONED = "postponed"
    SUSPENDED = "suspended"
    ABANDONED = "abandoned"


STATUS_LABELS = {
    Status.SCHEDULED: "Scheduled",
    Status.FIRST_HALF: "First half",
    Status.HALF_TIME: "Half-time",
    Status.SECOND_HALF: "Second half",
    Status.FULL_TIME: "Full time",
    Status.EXTRA_TIME_BREAK: "Break before extra time",
    Status.EXTRA_FIRST_HALF: "Extra time, first half",
    Status.EXTRA_HALF_TIME: "Extra time, half-time",
    Status.EXTRA_SECOND_HALF: "Extra time, second half",
    Status.AFTER_EXTRA_TIME: "After extra time",
    Status.PENALTIES_BREAK: "Break before penalties",
    Status.PENALTIES: "Penalty shoot-out",
    Status.AFTER_PENALTIES: "After penalties",
    Status.POSTPONED: "Postponed",
    Status.SUSPENDED: "Suspended",
    Status.ABANDONED: "Abandoned",
}

# The period being played in each status where the ball is (or may be) in play.
PLAYING_PERIODS = {
    Status.FIRST_HALF: Period.FIRST_HALF,
    Status.SECOND_HALF: Period.SECOND_HALF,
    Status.EXTRA_FIRST_HALF: Period.EXTRA_FIRST_HALF,
    Status.EXTRA_SECOND_HALF: Period.EXTRA_SECOND_HALF,
    Status.PENALTIES: Period.PENALTIES,
}
FINISHED = frozenset({Status.FULL_TIME, Status.AFTER_EXTRA_TIME, Status.AFTER_PENALTIES})
NOT_STARTED = frozenset({Status.SCHEDULED, Status.POSTPONED})

# Short forms for compact lists and the clock when the ball is not in play. A scheduled
# match shows nothing here: the kick-off time says more.
SHORT_STATUS_LABELS = {
    Status.SCHEDULED: "",
    Status.FIRST_HALF: "1st half",
    Status.HALF_TIME: "HT",
    Status.SECOND_HALF: "2nd half",
    Status.FULL_TIME: "FT",
    Status.EXTRA_TIME_BREAK: "End of 90",
    Status.EXTRA_FIRST_HALF: "ET 1st half",
    Status.EXTRA_HALF_TIME: "ET HT",
    Status.EXTRA_SECOND_HALF: "ET 2nd half",
    Status.AFTER_EXTRA_TIME: "AET",
    Status.PENALTIES_BREAK: "End of ET",
    Status.PENALTIES: "Pens",
    Status.AFTER_PENALTIES: "Pens",
    Status.POSTPONED: "Postponed",
    Status.SUSPENDED: "Suspended",
    Status.ABANDONED: "Abandoned",
}

# A suspended match resumes in one of these: the penalty shoot-out is never suspended.
RESUMABLE = (Status.FIRST_HALF, Status.SECOND_HALF, Status.EXTRA_FIRST_HALF, Status.EXTRA_SECOND_HALF)
TERMINAL = FINISHED | {Status.ABANDONED}

# Where the match stands, as the subject of an editor's error message.
_SUBJECTS = {
    Status.SCHEDULED: "A scheduled match",
    Status.FIRST_HALF: "A match in the first half",
    Status.HALF_TIME: "A match at half-time",
    Status.SECOND_HALF: "A match in the second half",
    Status.FULL_TIME: "A match at full time",
    Status.EXTRA_TIME_BREAK: "A match in the break before extra time",
    Status.EXTRA_FIRST_HALF: "A match in the first half of extra time",
    Status.EXTRA_HALF_TIME: "A match at half-time in extra time",
    Status.EXTRA_SECOND_HALF: "A match in the second half of extra time",
    Status.AFTER_EXTRA_TIME: "A match finished after extra time",
    Status.PENALTIES_BREAK: "A match in the break before penalties",
    Status.PENALTIES: "A match in the penalty shoot-out",
    Status.AFTER_PENALTIES: "A match decided on penalties",
    Status.POSTPONED: "A postponed match",
    Status.SUSPENDED: "A suspended match",
    Status.ABANDONED: "An abandoned match",
}

# Where the match may go, as listed in an error message (no commas, so a list reads clearly).
_DESTINATIONS = {
    Status.SCHEDULED: "scheduled",
    Status.FIRST_HALF: "first half",
    Status.HALF_TIME: "half-time",
    Status.SECOND_HALF: "second half",
    Status.FULL_TIME: "full time",
    Status.EXTRA_TIME_BREAK: "break before extra time",
    Status.EXTRA_FIRST_HALF: "first half of extra time",
    Status.EXTRA_HALF_TIME: "half-time in extra time",
    Status.EXTRA_SECOND_HALF: "second half of extra time",
    Status.AFTER_EXTRA_TIME: "after extra time",
    Status.PENALTIES_BREAK: "break before penalties",
    Status.PENALTIES: "penalty shoot-out",
    Status.AFTER_PENALTIES: "after penalties",
    Status.POSTPONED: "postponed",
    Status.SUSPENDED: "suspended",
    Status.ABANDONED: "abandoned",
}

_FIXED_NEXT = {
    Status.SCHEDULED: (Status.FIRST_HALF, Status.POSTPONED, Status.ABANDONED),
    Status.POSTPONED: (Status.SCHEDULED,),
    Status.FIRST_HALF: (Status.HALF_TIME, Status.SUSPENDED, Status.ABANDONED),
    Status.HALF_TIME: (Status.SECOND_HALF, Status.ABANDONED),
    Status.EXTRA_TIME_BREAK: (Status.EXTRA_FIRST_HALF,),
    Status.EXTRA_FIRST_HALF: (Status.EXTRA_HALF_TIME, Status.SUSPENDED, Status.ABANDONED),
    Status.EXTRA_HALF_TIME: (Status.EXTRA_SECOND_HALF,),
    Status.PENALTIES_BREAK: (Status.PENALTIES,),
}

# Where a period ends, the tie decides what follows: (if level, if not level).
_LEVEL_NEXT = {
    Status.SECOND_HALF: (Status.EXTRA_TIME_BREAK, Status.FULL_TIME),
    Status.EXTRA_SECOND_HALF: (Status.PENALTIES_BREAK, Status.AFTER_EXTRA_TIME),
}


class StatusError(ValueError):
    """A status change the laws of the game (or the calendar) do not allow."""


def next_statuses(current: Status, *, level: bool, resume_from: Status | None = None) -> tuple[Status, ...]:
    """The statuses a match may move to next, in the order an editor would look for them.

    `level` says the tie is level (in the penalty shoot-out: the shoot-out is level), so
    the match cannot finish yet. `resume_from` is the status a suspended match stopped in.
    """
    if current in _FIXED_NEXT:
        return _FIXED_NEXT[current]
    if current in _LEVEL_NEXT:
        if_level, if_not_level = _LEVEL_NEXT[current]
        return (if_level if level else if_not_level, Status.SUSPENDED, Status.ABANDONED)
    if current is Status.PENALTIES:
        return (Status.ABANDONED,) if level else (Status.AFTER_PENALTIES, Status.ABANDONED)
    if current is Status.SUSPENDED:
        return _resumptions(resume_from)
    return ()


def _resumptions(resume_from: Status | None) -> tuple[Status, ...]:
    if resume_from is None:
        return (*RESUMABLE, Status.ABANDONED)
    if resume_from not in RESUMABLE:
        raise StatusError(
            f"A suspended match resumes in the half it stopped in; {_DESTINATIONS[resume_from]} is not one."
        )
    return (resume_from, Status.ABANDONED)


def check_transition(current: Status, new: Status, *, level: bool, resume_from: Status | None = None) -> None:
    """Raise StatusError, in words an editor understands, unless `current` may move to `new`."""
    allowed = next_statuses(current, level=level, resume_from=resume_from)
    if new in allowed:
        return
    subject = _SUBJECTS[current]
    if not allowed:
        raise StatusError(f"{subject} is over; it cannot go to {_DESTINATIONS[new]}.")
    choices = ", ".join(_DESTINATIONS[status] for status in allowed)
    reason = _refusal_reason(current, new, level=level, resume_from=resume_from)
    raise StatusError(f"{subject} can go to: {choices} (not {_DESTINATIONS[new]}{reason}).")


def _refusal_reason(current: Status, new: Status, *, level: bool, resume_from: Status | None) -> str:
    """Why a status that is sometimes allowed is not allowed now; empty when it never is."""
    if current in _LEVEL_NEXT and new in _LEVEL_NEXT[current]:
        return ": the tie is level" if level else ": the tie is not level"
    if current is Status.PENALTIES and new is Status.AFTER_PENALTIES:
        return ": the shoot-out is level"
    if current is Status.SUSPENDED and new in RESUMABLE and resume_from is not None:
        return f": it was suspended in the {_DESTINATIONS[resume_from]}"
    return ""


def period_starting(new: Status) -> Period | None:
    """The period that kicks off when a match moves to `new` (also when it resumes after a suspension)."""
    return PLAYING_PERIODS.get(new)


def period_ending(current: Status, new: Status) -> Period | None:
    """The period that ends when a match moves from `current` to `new`.

    A suspension or an abandonment stops play without ending the period.
    """
    if new in (Status.SUSPENDED, Status.ABANDONED) or new is current:
        return None
    return PLAYING_PERIODS.get(current)


def short_status(status: Status) -> str:
    """A status in a few characters for compact lists: "HT", "FT", "AET", "Pens"."""
    return SHORT_STATUS_LABELS[status]
