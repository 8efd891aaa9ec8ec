"""The match clock: minute labels, which period a minute is in, and the live minute."""

import datetime as dt
import re

import pytest

from football.clock import (
    PERIOD_MINUTES,
    ClockError,
    check_minute,
    clock_display,
    live_minute,
    minute_label,
    period_for_minute,
)
from football.events import Period
from football.status import Status

KICKOFF = dt.datetime(2024, 4, 18, 19, 0, tzinfo=dt.UTC)


def after(minutes: int, seconds: int = 0) -> dt.datetime:
    return KICKOFF + dt.timedelta(minutes=minutes, seconds=seconds)


@pytest.mark.parametrize(
    ("minute", "added_minute", "label"),
    [
        (7, 0, "7'"),
        (45, 2, "45+2'"),
        (90, 1, "90+1'"),
        (105, 1, "105+1'"),
        (120, 4, "120+4'"),
    ],
)
def test_minute_label_writes_added_time_after_a_plus(minute: int, added_minute: int, label: str) -> None:
    assert minute_label(minute, added_minute) == label


def test_periods_run_back_to_back_without_gaps() -> None:
    assert PERIOD_MINUTES == {
        Period.FIRST_HALF: (1, 45),
        Period.SECOND_HALF: (46, 90),
        Period.EXTRA_FIRST_HALF: (91, 105),
        Period.EXTRA_SECOND_HALF: (106, 120),
        Period.PENALTIES: (120, 120),
    }


@pytest.mark.parametrize(
    ("minute", "added_minute", "period"),
    [
        (1, 0, Period.FIRST_HALF),
        (45, 0, Period.FIRST_HALF),
        (45, 3, Period.FIRST_HALF),
        (46, 0, Period.SECOND_HALF),
        (90, 0, Period.SECOND_HALF),
        (90, 6, Period.SECOND_HALF),
        (91, 0, Period.EXTRA_FIRST_HALF),
        (105, 0, Period.EXTRA_FIRST_HALF),
        (105, 1, Period.EXTRA_FIRST_HALF),
        (106, 0, Period.EXTRA_SECOND_HALF),
        (120, 0, Period.EXTRA_SECOND_HALF),
        (120, 2, Period.EXTRA_SECOND_HALF),
    ],
)
def test_period_for_minute_places_added_time(minute: int, added_minute: int, period: Period) -> None:
    assert period_for_minute(minute, added_minute) is period


@pytest.mark.parametrize(
    ("minute", "added_minute", "message"),
    [
        (0, 0, "Minute 0 is not a match minute"),
        (121, 0, "Minute 121 is not a match minute"),
        (30, 2, "Added time follows only the end of a period (45', 90', 105', 120'), not minute 30."),
        (46, 1, "not minute 46"),
        (-1, 0, "cannot be negative"),
        (45, -1, "added minute -1"),
        (90, 31, "31 minutes of added time is more than 30"),
    ],
)
def test_period_for_minute_refuses_impossible_minutes(minute: int, added_minute: int, message: str) -> None:
    with pytest.raises(ClockError, match=re.escape(message)):
        period_for_minute(minute, added_minute)


@pytest.mark.parametrize(
    ("period", "minute", "added_minute"),
    [
        (Period.FIRST_HALF, 1, 0),
        (Period.FIRST_HALF, 45, 7),
        (Period.SECOND_HALF, 46, 0),
        (Period.SECOND_HALF, 90, 30),
        (Period.EXTRA_FIRST_HALF, 91, 0),
        (Period.EXTRA_FIRST_HALF, 105, 2),
        (Period.EXTRA_SECOND_HALF, 120, 3),
        (Period.PENALTIES, 120, 0),
    ],
)
def test_check_minute_accepts_minutes_in_the_period(period: Period, minute: int, added_minute: int) -> None:
    check_minute(period, minute, added_minute)


@pytest.mark.parametrize(
    ("period", "minute", "added_minute", "message"),
    [
        (Period.FIRST_HALF, 50, 0, "Minute 50 is not in the first half (1'–45', then 45+N')."),
        (Period.FIRST_HALF, 0, 0, "Minute 0 is not in the first half (1'–45', then 45+N')."),
        (Period.SECOND_HALF, 45, 2, "Minute 45 is not in the second half (46'–90', then 90+N')."),
        (
            Period.EXTRA_FIRST_HALF,
            90,
            0,
            "Minute 90 is not in the first half of extra time (91'–105', then 105+N').",
        ),
        (
            Period.EXTRA_SECOND_HALF,
            110,
            1,
            "Added time in the second half of extra time is written on 120' (120+1'), not 110+1'.",
        ),
        (Period.FIRST_HALF, 30, 2, "Added time in the first half is written on 45' (45+2'), not 30+2'."),
        (Period.SECOND_HALF, 60, 1, "Added time in the second half is written on 90' (90+1'), not 60+1'."),
        (Period.FIRST_HALF, -3, 0, "Minutes cannot be negative (minute -3, added minute 0)."),
        (Period.SECOND_HALF, 90, -1, "Minutes cannot be negative (minute 90, added minute -1)."),
        (Period.SECOND_HALF, 90, 31, "31 minutes of added time is more than 30; check the entry."),
        (Period.PENALTIES, 119, 0, "Penalty shoot-out kicks are entered at 120', not 119'."),
        (Period.PENALTIES, 120, 1, "Penalty shoot-out kicks are entered at 120', not 120+1'."),
    ],
)
def test_check_minute_explains_an_impossible_minute(
    period: Period, minute: int, added_minute: int, message: str
) -> None:
    with pytest.raises(ClockError) as raised:
        check_minute(period, minute, added_minute)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("period", "elapsed", "expected"),
    [
        (Period.FIRST_HALF, (0, 0), (1, 0)),
        (Period.FIRST_HALF, (0, 59), (1, 0)),
        (Period.FIRST_HALF, (1, 0), (2, 0)),
        (Period.FIRST_HALF, (44, 0), (45, 0)),
        (Period.FIRST_HALF, (44, 59), (45, 0)),
        (Period.FIRST_HALF, (45, 0), (45, 1)),
        (Period.FIRST_HALF, (47, 30), (45, 3)),
        (Period.SECOND_HALF, (0, 0), (46, 0)),
        (Period.SECOND_HALF, (44, 0), (90, 0)),
        (Period.SECOND_HALF, (45, 0), (90, 1)),
        (Period.SECOND_HALF, (51, 10), (90, 7)),
        (Period.EXTRA_FIRST_HALF, (0, 0), (91, 0)),
        (Period.EXTRA_FIRST_HALF, (14, 0), (105, 0)),
        (Period.EXTRA_FIRST_HALF, (15, 0), (105, 1)),
        (Period.EXTRA_SECOND_HALF, (0, 0), (106, 0)),
        (Period.EXTRA_SECOND_HALF, (14, 59), (120, 0)),
        (Period.EXTRA_SECOND_HALF, (17, 0), (120, 3)),
        (Period.PENALTIES, (9, 0), (120, 0)),
    ],
)
def test_live_minute_counts_from_the_periods_first_minute(
    period: Period, elapsed: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert live_minute(period, KICKOFF, after(*elapsed)) == expected


def test_live_minute_before_kick_off_is_the_first_minute() -> None:
    assert live_minute(Period.SECOND_HALF, KICKOFF, KICKOFF - dt.timedelta(seconds=30)) == (46, 0)


@pytest.mark.parametrize(
    ("status", "elapsed", "shown"),
    [
        (Status.FIRST_HALF, (6, 12), "7'"),
        (Status.FIRST_HALF, (46, 0), "45+2'"),
        (Status.SECOND_HALF, (45, 30), "90+1'"),
        (Status.EXTRA_FIRST_HALF, (3, 0), "94'"),
        (Status.EXTRA_SECOND_HALF, (16, 0), "120+2'"),
        (Status.SCHEDULED, (0, 0), ""),
        (Status.HALF_TIME, (0, 0), "HT"),
        (Status.FULL_TIME, (0, 0), "FT"),
        (Status.EXTRA_TIME_BREAK, (0, 0), "End of 90"),
        (Status.EXTRA_HALF_TIME, (0, 0), "ET HT"),
        (Status.AFTER_EXTRA_TIME, (0, 0), "AET"),
        (Status.PENALTIES_BREAK, (0, 0), "End of ET"),
        (Status.PENALTIES, (5, 0), "Pens"),
        (Status.AFTER_PENALTIES, (0, 0), "Pens"),
        (Status.POSTPONED, (0, 0), "Postponed"),
        (Status.SUSPENDED, (0, 0), "Suspended"),
        (Status.ABANDONED, (0, 0), "Abandoned"),
    ],
)
def test_clock_display_shows_the_minute_in_play_and_a_word_otherwise(
    status: Status, elapsed: tuple[int, int], shown: str
) -> None:
    assert clock_display(status, KICKOFF, after(*elapsed)) == shown


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (Status.FIRST_HALF, "1'"),
        (Status.SECOND_HALF, "46'"),
        (Status.EXTRA_FIRST_HALF, "91'"),
        (Status.EXTRA_SECOND_HALF, "106'"),
        (Status.HALF_TIME, "HT"),
    ],
)
def test_clock_without_kick_off_time_shows_the_periods_first_minute(status: Status, shown: str) -> None:
    assert clock_display(status, None, KICKOFF) == shown
