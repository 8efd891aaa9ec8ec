"""The dates of a round of matches, as a fixtures list heads it.

A round played on one day reads "7 Nov 2024"; over several days of one month "7–9 Nov
2024"; across two months "30 Nov – 2 Dec 2024"; across two years "30 Dec 2024 – 2 Jan
2025". The days are the reader's: a kick-off at half past midnight in London is on the
next day there.
"""

import datetime as dt

DASH = "\N{EN DASH}"


def round_dates(first: dt.date, last: dt.date) -> str:
    """From the round's first day to its last, as briefly as reads clearly."""
    if last < first:
        first, last = last, first
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{DASH}{_day(last)}"
    if first.year == last.year:
        return f"{first.day} {first:%b} {DASH} {_day(last)}"
    return f"{_day(first)} {DASH} {_day(last)}"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"
