"""The order a match's status moves in, the periods that start and end, and short labels."""

from itertools import pairwise

import pytest

from football.events import Period
from football.status import (
    FINISHED,
    RESUMABLE,
    Status,
    StatusError,
    check_transition,
    next_statuses,
    period_ending,
    period_starting,
    short_status,
)

S = Status


@pytest.mark.parametrize(
    ("current", "level", "expected"),
    [
        (S.SCHEDULED, False, (S.FIRST_HALF, S.POSTPONED, S.ABANDONED)),
        (S.POSTPONED, False, (S.SCHEDULED,)),
        (S.FIRST_HALF, False, (S.HALF_TIME, S.SUSPENDED, S.ABANDONED)),
        (S.HALF_TIME, False, (S.SECOND_HALF, S.ABANDONED)),
        (S.SECOND_HALF, False, (S.FULL_TIME, S.SUSPENDED, S.ABANDONED)),
        (S.SECOND_HALF, True, (S.EXTRA_TIME_BREAK, S.SUSPENDED, S.ABANDONED)),
        (S.EXTRA_TIME_BREAK, True, (S.EXTRA_FIRST_HALF,)),
        (S.EXTRA_FIRST_HALF, True, (S.EXTRA_HALF_TIME, S.SUSPENDED, S.ABANDONED)),
        (S.EXTRA_HALF_TIME, True, (S.EXTRA_SECOND_HALF,)),
        (S.EXTRA_SECOND_HALF, False, (S.AFTER_EXTRA_TIME, S.SUSPENDED, S.ABANDONED)),
        (S.EXTRA_SECOND_HALF, True, (S.PENALTIES_BREAK, S.SUSPENDED, S.ABANDONED)),
        (S.PENALTIES_BREAK, True, (S.PENALTIES,)),
        (S.PENALTIES, True, (S.ABANDONED,)),
        (S.PENALTIES, False, (S.AFTER_PENALTIES, S.ABANDONED)),
        (
            S.SUSPENDED,
            False,
            (S.FIRST_HALF, S.SECOND_HALF, S.EXTRA_FIRST_HALF, S.EXTRA_SECOND_HALF, S.ABANDONED),
        ),
    ],
)
def test_next_statuses_follow_the_match_and_the_tie(current: Status, level: bool, expected: tuple) -> None:
    assert next_statuses(current, level=level) == expected


@pytest.mark.parametrize("current", [S.FULL_TIME, S.AFTER_EXTRA_TIME, S.AFTER_PENALTIES, S.ABANDONED])
@pytest.mark.parametrize("level", [True, False])
def test_finished_and_abandoned_matches_go_nowhere(current: Status, level: bool) -> None:
    assert next_statuses(current, level=level) == ()


@pytest.mark.parametrize("resume_from", RESUMABLE)
def test_suspended_match_resumes_only_in_its_own_period(resume_from: Status) -> None:
    assert next_statuses(S.SUSPENDED, level=False, resume_from=resume_from) == (resume_from, S.ABANDONED)
    check_transition(S.SUSPENDED, resume_from, level=False, resume_from=resume_from)
    for other in set(RESUMABLE) - {resume_from}:
        with pytest.raises(StatusError, match="it was suspended in the"):
            check_transition(S.SUSPENDED, other, level=False, resume_from=resume_from)


def test_suspended_match_cannot_resume_at_a_break() -> None:
    with pytest.raises(StatusError) as raised:
        next_statuses(S.SUSPENDED, level=False, resume_from=S.HALF_TIME)
    assert str(raised.value) == "A suspended match resumes in the half it stopped in; half-time is not one."


@pytest.mark.parametrize(
    "path",
    [
        [S.SCHEDULED, S.FIRST_HALF, S.HALF_TIME, S.SECOND_HALF, S.FULL_TIME],
        [S.SCHEDULED, S.POSTPONED, S.SCHEDULED, S.FIRST_HALF],
        [S.SCHEDULED, S.FIRST_HALF, S.SUSPENDED, S.FIRST_HALF, S.HALF_TIME],
        [S.SCHEDULED, S.FIRST_HALF, S.HALF_TIME, S.ABANDONED],
        [S.SECOND_HALF, S.SUSPENDED, S.ABANDONED],
    ],
)
def test_league_match_paths_are_allowed(path: list[Status]) -> None:
    resume_from = None
    for current, new in pairwise(path):
        check_transition(current, new, level=False, resume_from=resume_from)
        resume_from = current if new is S.SUSPENDED else resume_from


def test_knock_out_match_goes_through_extra_time_to_penalties() -> None:
    # (from, to, level): level until the shoot-out is decided by its last kick.
    path = [
        (S.SECOND_HALF, S.EXTRA_TIME_BREAK, True),
        (S.EXTRA_TIME_BREAK, S.EXTRA_FIRST_HALF, True),
        (S.EXTRA_FIRST_HALF, S.EXTRA_HALF_TIME, True),
        (S.EXTRA_HALF_TIME, S.EXTRA_SECOND_HALF, True),
        (S.EXTRA_SECOND_HALF, S.PENALTIES_BREAK, True),
        (S.PENALTIES_BREAK, S.PENALTIES, True),
        (S.PENALTIES, S.AFTER_PENALTIES, False),
    ]
    for current, new, level in path:
        check_transition(current, new, level=level)


@pytest.mark.parametrize(
    ("current", "new", "level", "message"),
    [
        (
            S.HALF_TIME,
            S.FULL_TIME,
            False,
            "A match at half-time can go to: second half, abandoned (not full time).",
        ),
        (
            S.SCHEDULED,
            S.SECOND_HALF,
            False,
            "A scheduled match can go to: first half, postponed, abandoned (not second half).",
        ),
        (S.POSTPONED, S.FIRST_HALF, False, "A postponed match can go to: scheduled (not first half)."),
        (
            S.FIRST_HALF,
            S.FULL_TIME,
            False,
            "A match in the first half can go to: half-time, suspended, abandoned (not full time).",
        ),
        (
            S.SECOND_HALF,
            S.FULL_TIME,
            True,
            "A match in the second half can go to: break before extra time, suspended, abandoned "
            "(not full time: the tie is level).",
        ),
        (
            S.SECOND_HALF,
            S.EXTRA_TIME_BREAK,
            False,
            "A match in the second half can go to: full time, suspended, abandoned "
            "(not break before extra time: the tie is not level).",
        ),
        (
            S.EXTRA_TIME_BREAK,
            S.PENALTIES,
            True,
            "A match in the break before extra time can go to: first half of extra time "
            "(not penalty shoot-out).",
        ),
        (
            S.EXTRA_FIRST_HALF,
            S.EXTRA_SECOND_HALF,
            True,
            "A match in the first half of extra time can go to: half-time in extra time, suspended, "
            "abandoned (not second half of extra time).",
        ),
        (
            S.EXTRA_SECOND_HALF,
            S.AFTER_EXTRA_TIME,
            True,
            "A match in the second half of extra time can go to: break before penalties, suspended, "
            "abandoned (not after extra time: the tie is level).",
        ),
        (
            S.PENALTIES,
            S.AFTER_PENALTIES,
            True,
            "A match in the penalty shoot-out can go to: abandoned "
            "(not after penalties: the shoot-out is level).",
        ),
        (
            S.PENALTIES,
            S.SUSPENDED,
            False,
            "A match in the penalty shoot-out can go to: after penalties, abandoned (not suspended).",
        ),
        (
            S.HALF_TIME,
            S.SUSPENDED,
            False,
            "A match at half-time can go to: second half, abandoned (not suspended).",
        ),
        (
            S.FULL_TIME,
            S.EXTRA_TIME_BREAK,
            True,
            "A match at full time is over; it cannot go to break before extra time.",
        ),
        (S.ABANDONED, S.SCHEDULED, False, "An abandoned match is over; it cannot go to scheduled."),
        (S.ABANDONED, S.SECOND_HALF, False, "An abandoned match is over; it cannot go to second half."),
        (
            S.AFTER_PENALTIES,
            S.PENALTIES,
            False,
            "A match decided on penalties is over; it cannot go to penalty shoot-out.",
        ),
        (
            S.FIRST_HALF,
            S.FIRST_HALF,
            False,
            "A match in the first half can go to: half-time, suspended, abandoned (not first half).",
        ),
    ],
)
def test_illegal_transition_says_where_the_match_can_go(
    current: Status, new: Status, level: bool, message: str
) -> None:
    with pytest.raises(StatusError) as raised:
        check_transition(current, new, level=level)
    assert str(raised.value) == message


def test_suspended_match_refused_elsewhere_names_the_half_it_stopped_in() -> None:
    with pytest.raises(StatusError) as raised:
        check_transition(S.SUSPENDED, S.SECOND_HALF, level=False, resume_from=S.FIRST_HALF)
    assert str(raised.value) == (
        "A suspended match can go to: first half, abandoned "
        "(not second half: it was suspended in the first half)."
    )


def test_every_status_but_the_finished_ones_can_move_on() -> None:
    for status in Status:
        moves = next_statuses(status, level=False) or next_statuses(status, level=True)
        assert bool(moves) is (status not in FINISHED | {S.ABANDONED}), status


@pytest.mark.parametrize(
    ("new", "period"),
    [
        (S.FIRST_HALF, Period.FIRST_HALF),
        (S.SECOND_HALF, Period.SECOND_HALF),
        (S.EXTRA_FIRST_HALF, Period.EXTRA_FIRST_HALF),
        (S.EXTRA_SECOND_HALF, Period.EXTRA_SECOND_HALF),
        (S.PENALTIES, Period.PENALTIES),
        (S.HALF_TIME, None),
        (S.FULL_TIME, None),
        (S.SUSPENDED, None),
        (S.ABANDONED, None),
        (S.POSTPONED, None),
    ],
)
def test_period_starting_is_the_period_kicking_off(new: Status, period: Period | None) -> None:
    assert period_starting(new) == period


@pytest.mark.parametrize(
    ("current", "new", "period"),
    [
        (S.FIRST_HALF, S.HALF_TIME, Period.FIRST_HALF),
        (S.SECOND_HALF, S.FULL_TIME, Period.SECOND_HALF),
        (S.SECOND_HALF, S.EXTRA_TIME_BREAK, Period.SECOND_HALF),
        (S.EXTRA_FIRST_HALF, S.EXTRA_HALF_TIME, Period.EXTRA_FIRST_HALF),
        (S.EXTRA_SECOND_HALF, S.AFTER_EXTRA_TIME, Period.EXTRA_SECOND_HALF),
        (S.EXTRA_SECOND_HALF, S.PENALTIES_BREAK, Period.EXTRA_SECOND_HALF),
        (S.PENALTIES, S.AFTER_PENALTIES, Period.PENALTIES),
        (S.FIRST_HALF, S.SUSPENDED, None),
        (S.SECOND_HALF, S.ABANDONED, None),
        (S.PENALTIES, S.ABANDONED, None),
        (S.SUSPENDED, S.FIRST_HALF, None),
        (S.HALF_TIME, S.SECOND_HALF, None),
        (S.SCHEDULED, S.FIRST_HALF, None),
    ],
)
def test_period_ending_is_the_period_the_referee_whistles_for(
    current: Status, new: Status, period: Period | None
) -> None:
    assert period_ending(current, new) == period


@pytest.mark.parametrize(
    ("status", "short"),
    [
        (S.SCHEDULED, ""),
        (S.FIRST_HALF, "1st half"),
        (S.HALF_TIME, "HT"),
        (S.FULL_TIME, "FT"),
        (S.AFTER_EXTRA_TIME, "AET"),
        (S.PENALTIES, "Pens"),
        (S.AFTER_PENALTIES, "Pens"),
        (S.EXTRA_HALF_TIME, "ET HT"),
        (S.ABANDONED, "Abandoned"),
    ],
)
def test_short_status_fits_a_compact_list(status: Status, short: str) -> None:
    assert short_status(status) == short


def test_every_status_has_a_short_label() -> None:
    for status in Status:
        assert isinstance(short_status(status), str)
