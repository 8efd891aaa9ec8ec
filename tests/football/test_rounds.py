"""Round labels, matchdays and legs: no database."""

import datetime as dt

import pytest

from football.rounds import Fixture, Round, legs, matchdays, read_round, repeated


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Matchday 7", Round("League", "league", "Matchday 7")),
        ("League phase", Round("League Phase", "league")),
        ("League, Matchday 3", Round("League Phase", "league", "Matchday 3")),
        ("Group A", Round("Group A", "group")),
        ("Gruppe G", Round("Group G", "group")),
        ("Playoffs", Round("Play-offs", "knockout")),
        ("Playoffs, Matchday 2", Round("Play-offs", "knockout", "2nd leg", 2)),
        ("Finals, Round of 16", Round("Round of 16", "knockout")),
        ("Quarterfinals", Round("Quarter-finals", "knockout")),
        ("Semi-finals, 1st leg", Round("Semi-finals", "knockout", "1st leg", 1)),
        ("Round of 16 (second leg)", Round("Round of 16", "knockout", "2nd leg", 2)),
        ("Final", Round("Final", "knockout")),
    ],
)
def test_round_labels_become_stages_and_rounds(label, expected):
    assert read_round(label) == expected


def day(n: int) -> dt.date:
    return dt.date(2023, 9, 1) + dt.timedelta(days=n)


def test_matchdays_read_from_the_calendar_with_a_postponed_match_in_its_own_matchday():
    fixtures = [
        Fixture(1, "A", "B", day(0)),
        Fixture(2, "C", "D", day(0)),
        Fixture(3, "E", "F", day(1)),
        Fixture(4, "A", "C", day(14)),
        Fixture(5, "B", "E", day(14)),
        # D v F was postponed from the second matchday to after the third.
        Fixture(6, "A", "D", day(28)),
        Fixture(7, "B", "F", day(28)),
        Fixture(8, "C", "E", day(29)),
        Fixture(9, "D", "F", day(34)),
    ]
    assert matchdays(fixtures) == {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 3, 8: 3, 9: 2}


def test_a_pair_meeting_twice_in_a_round_plays_two_legs_in_date_order():
    fixtures = [
        Fixture(1, "Atalanta", "Liverpool", day(7)),
        Fixture(2, "Liverpool", "Atalanta", day(0)),
        Fixture(3, "Roma", "Milan", day(0)),
    ]
    assert legs(fixtures) == {2: 1, 1: 2}


def test_a_third_meeting_in_one_round_is_flagged():
    fixtures = [Fixture(n, "A", "B", day(n)) for n in (1, 2, 3)]
    assert repeated(fixtures) == [3]
