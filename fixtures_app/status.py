"""A match's status and the order it moves in.

A match is scheduled, then played in halves: first half, half-time, second half, full
time. A knock-out tie still level after ninety minutes goes to extra time (two halves of
fifteen minutes, with a short break between them), and still level after that to a penalty
shoot-out. A scheduled match can be postponed; a match in play can be suspended (and
resumed in the period it stopped in) or abandoned.
"""

from enum import StrEnum

from fixtures_app.events import Period


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
