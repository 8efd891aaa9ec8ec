"""The dates a round of fixtures is headed by. No database."""

import datetime as dt

import pytest

from football.round_dates import round_dates


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (dt.date(2024, 11, 7), dt.date(2024, 11, 7), "7 Nov 2024"),
        (dt.date(2024, 11, 7), dt.date(2024, 11, 9), "7\N{EN DASH}9 Nov 2024"),
        (dt.date(2024, 11, 30), dt.date(2024, 12, 2), "30 Nov \N{EN DASH} 2 Dec 2024"),
        (dt.date(2024, 12, 30), dt.date(2025, 1, 2), "30 Dec 2024 \N{EN DASH} 2 Jan 2025"),
        (dt.date(2024, 11, 9), dt.date(2024, 11, 7), "7\N{EN DASH}9 Nov 2024"),
    ],
    ids=["one-day", "days-of-one-month", "across-months", "across-years", "given-backwards"],
)
def test_a_round_is_headed_by_its_first_and_last_day(first, last, expected):
    assert round_dates(first, last) == expected
