"""How fixtures read in a strip: no database."""

import datetime as dt

import pytest

from football.matchups import kickoff_time, matchup, result_line, scoreline, strip_line


@pytest.mark.parametrize(
    ("sport", "expected"),
    [
        ("football", "Atalanta v Liverpool"),
        ("american_football", "Liverpool @ Atalanta"),
        ("basketball", "Liverpool @ Atalanta"),
        ("ice_hockey", "Liverpool @ Atalanta"),
    ],
)
def test_football_puts_home_first_and_american_sports_away_first(sport, expected):
    assert matchup(sport, "Atalanta", "Liverpool") == expected


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        (dt.time(18, 0), "6pm"),
        (dt.time(21, 5), "9.05pm"),
        (dt.time(21, 25), "9.25pm"),
        (dt.time(12, 30), "12.30pm"),
        (dt.time(12, 0), "noon"),
        (dt.time(0, 0), "midnight"),
        (dt.time(0, 30), "12.30am"),
        (dt.time(9, 0), "9am"),
        (dt.time(11, 59), "11.59am"),
    ],
)
def test_kickoff_written_uk_newspaper_style(time, expected):
    assert kickoff_time(time) == expected


@pytest.mark.parametrize(
    ("home", "away", "time", "expected"),
    [
        ("Bears", "Vikings", dt.time(18, 0), "6pm Vikings @ Bears"),
        ("Colts", "Lions", dt.time(18, 0), "6pm Lions @ Colts"),
        ("Raiders", "Broncos", dt.time(21, 5), "9.05pm Broncos @ Raiders"),
        ("Packers", "49ers", dt.time(21, 25), "9.25pm 49ers @ Packers"),
    ],
)
def test_todays_games_strip_reads_like_the_seed(home, away, time, expected):
    assert strip_line("american_football", home, away, time) == expected


def test_scores_follow_the_order_the_sides_are_written():
    assert scoreline("football", 0, 1) == "0-1"
    assert scoreline("basketball", 101, 99) == "99-101"
    assert result_line("football", "Atalanta", "Liverpool", 0, 1) == "Atalanta 0-1 Liverpool"
    assert result_line("american_football", "Bears", "Vikings", 17, 21) == "Vikings 21 @ Bears 17"
