"""The demo season's fixture list and dates: pure, no database."""

import datetime as dt
import zoneinfo
from collections import Counter

import pytest

from demo.fixture_list import (
    SATURDAY,
    TUESDAY,
    first_days,
    fixture_list,
    nfl_week,
    round_kickoffs,
    round_robin,
    todays_kickoffs,
)

UK = zoneinfo.ZoneInfo("Europe/London")
CLUBS = [f"Club {n}" for n in range(20)]


def test_a_round_robin_pairs_every_club_once_a_round_and_never_the_same_pair_twice():
    rounds = round_robin(20)
    assert len(rounds) == 19
    for pairs in rounds:
        assert sorted(place for pair in pairs for place in pair) == list(range(20))
    meetings = Counter(frozenset(pair) for pairs in rounds for pair in pairs)
    assert len(meetings) == 190 and set(meetings.values()) == {1}


def test_no_club_plays_three_home_or_three_away_games_in_a_row():
    rounds = fixture_list(CLUBS, fixed=[], matchday=12, seed="s")
    for club in CLUBS:
        venues = "".join("H" if any(home == club for home, _ in pairs) else "A" for pairs in rounds)
        assert "HHH" not in venues and "AAA" not in venues, (club, venues)


def test_the_fixed_games_are_on_their_matchday_the_right_way_round():
    fixed = [("Club 3", "Club 7"), ("Club 11", "Club 2")]
    rounds = fixture_list(CLUBS, fixed=fixed, matchday=12, seed="s")
    assert rounds[11][:2] == fixed
    assert rounds == fixture_list(CLUBS, fixed=fixed, matchday=12, seed="s")


@pytest.mark.parametrize("today", [dt.date(2026, 12, 3) + dt.timedelta(days=n) for n in range(7)])
def test_rounds_are_played_at_weekends_or_midweek_the_last_one_within_the_week(today):
    days = first_days(today)
    assert {day.weekday() for day in days.values()} <= {SATURDAY, TUESDAY}
    assert [days[n] for n in range(1, 12)] == sorted(days[n] for n in range(1, 12))
    assert today - dt.timedelta(days=7) <= days[11] <= today - dt.timedelta(days=3)
    assert today + dt.timedelta(days=2) <= days[13] <= today + dt.timedelta(days=8)
    weekend = round_kickoffs(days[10], UK)
    assert len(weekend) == 10
    assert {k.astimezone(UK).date() for k in weekend} == {days[10], days[10] + dt.timedelta(days=1)}


def december(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute)


@pytest.mark.parametrize(
    ("uk_now", "earlier", "later"),
    [
        # UK time of loading, the earlier games' UK kick-off, the later games'
        (december(5, 16, 10), december(5, 12, 30), december(5, 17, 30)),
        (december(5, 13, 30), december(4, 15, 0), december(5, 15, 0)),
        (december(5, 21, 0), december(5, 17, 30), december(6, 14, 0)),
    ],
)
def test_todays_other_games_are_at_usual_times_around_the_match_in_play(uk_now, earlier, later):
    now = uk_now.replace(tzinfo=UK).astimezone(dt.UTC)
    kickoffs = [
        k.astimezone(UK).replace(tzinfo=None)
        for k in todays_kickoffs(now - dt.timedelta(minutes=70), now, UK)
    ]
    yesterday = uk_now.date() - dt.timedelta(days=1)
    assert kickoffs[:2] == [
        dt.datetime.combine(yesterday, dt.time(17, 30)),
        dt.datetime.combine(yesterday, dt.time(20, 0)),
    ]
    assert kickoffs[2:] == [earlier] * 3 + [later] * 3


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 9, 10), ("2026", 1)),  # the opener, the Thursday after Labor Day
        (dt.date(2026, 12, 3), ("2026", 13)),
        (dt.date(2027, 1, 3), ("2026", 17)),  # January belongs to the season before
        (dt.date(2025, 12, 4), ("2025", 14)),
    ],
)
def test_the_nfl_week_of_a_day(day, expected):
    assert nfl_week(day) == expected
