"""Reading football.json entries: no database."""

import datetime as dt
import zoneinfo

import pytest

from feeds.openfootball import EntryError, read_scores, read_season
from football.status import Status

LONDON = zoneinfo.ZoneInfo("Europe/London")


def entry(**fields) -> dict:
    base = {
        "round": "Matchday 1",
        "date": "2023-08-11",
        "time": "20:00",
        "team1": "Burnley FC",
        "team2": "Manchester City FC",
        "score": {"ht": [0, 2], "ft": [0, 3]},
    }
    return base | fields


def test_kickoff_local_to_the_match_is_stored_in_utc():
    season = read_season({"matches": [entry()]}, zone=LONDON)
    assert season.matches[0].kickoff == dt.datetime(2023, 8, 11, 19, 0, tzinfo=dt.UTC)


def test_winter_kickoff_is_an_hour_ahead_of_summer():
    season = read_season({"matches": [entry(date="2024-01-13", time="15:00")]}, zone=LONDON)
    assert season.matches[0].kickoff == dt.datetime(2024, 1, 13, 15, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (None, (Status.SCHEDULED, None, None, None, None)),
        ({}, (Status.SCHEDULED, None, None, None, None)),
        ({"ft": [2, 1]}, (Status.FULL_TIME, (2, 1), None, None, None)),
        ({"ht": [1, 0], "ft": [2, 1]}, (Status.FULL_TIME, (2, 1), (1, 0), None, None)),
        ({"ht": [0, 2], "ft": [2, 2], "et": [3, 2]}, (Status.AFTER_EXTRA_TIME, (3, 2), (0, 2), (2, 2), None)),
        (
            {"ht": [0, 0], "ft": [1, 0], "et": [1, 0], "p": [4, 2]},
            (Status.AFTER_PENALTIES, (1, 0), (0, 0), (1, 0), (4, 2)),
        ),
    ],
)
def test_scores_and_status(score, expected):
    scores = read_scores(score)
    assert (scores.status, scores.score, scores.half_time, scores.normal_time, scores.penalties) == expected


@pytest.mark.parametrize(
    ("score", "message"),
    [
        ({"ft": ["x", 1]}, "score 'x' is not a number"),
        ({"ft": [1]}, "is not two numbers"),
        ({"ft": [-1, 0]}, "negative"),
        ({"ht": [2, 0], "ft": [1, 0]}, "lower than half-time"),
        ({"ft": [1, 1], "et": [1, 1], "p": [4, 4]}, "cannot end level"),
    ],
)
def test_impossible_scores_are_refused(score, message):
    with pytest.raises(EntryError, match=message):
        read_scores(score)


def test_bad_entries_are_reported_by_position_and_left_out():
    entries = [
        entry(),
        entry(team1="Arsenal FC", team2="Nottingham Forest FC", score={"ft": ["x", 1]}),
        entry(team1="Everton FC", team2="Everton FC"),
        entry(team1="Luton Town FC", team2="Brighton & Hove Albion FC", date="11/08/2023"),
    ]
    season = read_season({"matches": entries}, zone=LONDON)
    assert [m.number for m in season.matches] == [1]
    assert season.problems == (
        "match 2: score 'x' is not a number",
        "match 3: Everton FC cannot play itself",
        "match 4: date '11/08/2023' is not a date (YYYY-MM-DD)",
    )


def test_the_same_fixture_twice_in_a_stage_is_reported():
    season = read_season({"matches": [entry(), entry(round="Matchday 20")]}, zone=LONDON)
    assert len(season.matches) == 1
    assert season.problems == ("match 2: Burnley FC v Manchester City FC appears twice in League",)


def test_a_country_in_brackets_comes_off_the_club_name():
    match = read_season({"matches": [entry(team1="Atalanta BC (ITA)")]}, zone=LONDON).matches[0]
    assert (match.home, match.home_country) == ("Atalanta BC", "ITA")


def test_a_file_without_matches_is_refused():
    with pytest.raises(EntryError, match="no list of matches"):
        read_season({"name": "Empty"}, zone=LONDON)


def test_two_meetings_in_a_knockout_round_become_legs():
    entries = [
        entry(round="Quarterfinals", date="2024-04-11", team1="Liverpool FC", team2="Atalanta"),
        entry(round="Quarterfinals", date="2024-04-18", team1="Atalanta", team2="Liverpool FC"),
        entry(round="Final", date="2024-05-22", team1="Atalanta", team2="Bayer Leverkusen"),
    ]
    matches = read_season({"matches": entries}, zone=LONDON).matches
    assert [(m.stage, m.round_name, m.leg) for m in matches] == [
        ("Quarter-finals", "1st leg", 1),
        ("Quarter-finals", "2nd leg", 2),
        ("Final", "", None),
    ]
