"""The demo season's fixture list: who plays whom on each matchday, and when.

Twenty clubs meet in a single round robin (the circle method): in the demo's thirteen
matchdays no pair meets twice, and a club mostly alternates home and away. The dates are
counted back from the day the demo is loaded, so the season always ends where the demo's
today is: Matchday 12 is played today, Matchday 11 a few days ago, Matchday 13 is to come.
"""

import datetime as dt
import random
from collections.abc import Sequence

Fixture = tuple[str, str]  # home, away

SATURDAY, TUESDAY = 5, 1
# A round is played Saturday and Sunday, or midweek on Tuesday and Wednesday. Matchday 5 is the
# season's midweek round before today's; an international break follows Matchday 7.
MIDWEEK = frozenset({5})
BREAK_AFTER = 7
# UK kick-offs of a round's ten games: (day of the round, hour, minute).
WEEKEND_SLOTS = [(0, 12, 30), *[(0, 15, 0)] * 4, (0, 17, 30), (1, 14, 0), (1, 14, 0), (1, 16, 30), (1, 19, 0)]
MIDWEEK_SLOTS = [*[(0, 19, 30)] * 3, (0, 20, 0), (0, 20, 0), *[(1, 19, 30)] * 3, (1, 20, 0), (1, 20, 0)]
# Matchday 12's UK kick-offs that fit around the match in play.
TODAY_SLOTS = (dt.time(12, 30), dt.time(15, 0), dt.time(17, 30), dt.time(20, 0))
GAME_LENGTH = dt.timedelta(hours=2)
MIDWEEK_SLOTS = [*[(0, 19, 30)] * 3, (0, 20, 0), (0, 20, 0), *[(1, 19, 30)] * 3, (1, 20, 0), (1, 20, 0)]


def round_robin(size: int) -> list[list[tuple[int, int]]]:
    """Every round of a single round robin of `size` places, as (home, away) pairs of places."""
    places = list(range(size))
    rounds = []
    for number in range(size - 1):
        pairs = [(places[i], places[size - 1 - i]) for i in range(size // 2)]
        # Turning every pair round on alternate rounds keeps most clubs alternating home and away.
        rounds.append([(a, b) if number % 2 == 0 else (b, a) for a, b in pairs])
        places = [places[0], places[-1], *places[1:-1]]
    return rounds


def fixture_list(
    clubs: Sequence[str], *, fixed: Sequence[Fixture], matchday: int, seed: str
) -> list[list[Fixture]]:
    """Each matchday's fixtures, with the `fixed` ones on `matchday`; the rest of the clubs
    take their places in an order drawn from `seed`, the same every time."""
    rounds = round_robin(len(clubs))
    places: dict[int, str] = {}
    for (home, away), (home_place, away_place) in zip(fixed, rounds[matchday - 1], strict=False):
        places[home_place], places[away_place] = home, away
    others = sorted(set(clubs) - set(places.values()))
    random.Random(seed).shuffle(others)
    free = [place for place in range(len(clubs)) if place not in places]
    places.update(zip(free, others, strict=True))
    return [[(places[home], places[away]) for home, away in pairs] for pairs in rounds]


def first_days(today: dt.date) -> dict[int, dt.date]:
    """The first day of each round away from today: Matchday 11 the last weekend or midweek over
    by the day before yesterday, the earlier rounds a week or so apart before it, Matchday 13
    the first weekend or midweek after tomorrow."""
    latest_end = today - dt.timedelta(days=3)
    days = {11: max(_on_or_before(SATURDAY, latest_end), _on_or_before(TUESDAY, latest_end))}
    for number in range(10, 0, -1):
        gap = dt.timedelta(days=7 if number == BREAK_AFTER else 0)
        weekday = TUESDAY if number in MIDWEEK else SATURDAY
        days[number] = _on_or_before(weekday, days[number + 1] - dt.timedelta(days=2) - gap)
    # The week from the day after tomorrow holds exactly one Saturday and one Tuesday.
    week_end = today + dt.timedelta(days=8)
    days[13] = min(_on_or_before(SATURDAY, week_end), _on_or_before(TUESDAY, week_end))
    return days


def _on_or_before(weekday: int, day: dt.date) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def round_kickoffs(first_day: dt.date, zone: dt.tzinfo) -> list[dt.datetime]:
    """The ten kick-offs of a round starting on `first_day`, in UTC, earliest first."""
    slots = MIDWEEK_SLOTS if first_day.weekday() == TUESDAY else WEEKEND_SLOTS
    return [
        dt.datetime.combine(first_day + dt.timedelta(days=day), dt.time(hour, minute), zone).astimezone(
            dt.UTC
        )
        for day, hour, minute in slots
    ]


def todays_kickoffs(live_kickoff: dt.datetime, now: dt.datetime, zone: dt.tzinfo) -> list[dt.datetime]:
    """The kick-offs of Matchday 12's other eight games, in UTC: two last night; three at the
    latest usual time today that ended before the match in play began (else yesterday
    afternoon); three at the first usual time still to come today (else tomorrow afternoon)."""
    day = now.astimezone(zone).date()
    yesterday, tomorrow = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
    last_night = [_at(yesterday, dt.time(17, 30), zone), _at(yesterday, dt.time(20, 0), zone)]
    before = [
        _at(day, slot, zone) for slot in TODAY_SLOTS if _at(day, slot, zone) + GAME_LENGTH <= live_kickoff
    ]
    after = [
        _at(day, slot, zone) for slot in TODAY_SLOTS if _at(day, slot, zone) >= now + dt.timedelta(minutes=30)
    ]
    earlier = before[-1] if before else _at(yesterday, dt.time(15, 0), zone)
    later = after[0] if after else _at(tomorrow, dt.time(14, 0), zone)
    return [*last_night, *[earlier] * 3, *[later] * 3]


def _at(day: dt.date, time: dt.time, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, time, zone).astimezone(dt.UTC)


def nfl_week(day: dt.date) -> tuple[str, int]:
    """The NFL season and regular-season week a day falls in: the season opens on the Thursday
    after Labor Day (September's first Monday) and runs eighteen weeks."""
    year = day.year if day.month >= 3 else day.year - 1
    labor_day = dt.date(year, 9, 1) + dt.timedelta(days=-dt.date(year, 9, 1).weekday() % 7)
    opener = labor_day + dt.timedelta(days=3)
    return str(year), min(max((day - opener).days // 7 + 1, 1), 18)
