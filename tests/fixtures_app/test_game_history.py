"""Game history beside a match: every other meeting of the two clubs, and their head-to-head.

A meeting is any other match between the two clubs, at either ground, in any competition:
the played ones with their scores, newest first, and the next one still to be played.
"""

import datetime as dt
import json
import re
import zoneinfo

import pytest
from django.template.loader import render_to_string

from feeds.imports import season_import
from fixtures_app.models import Match
from fixtures_app.selectors.fixtures import game_history
from tests.conftest import SHARED_DATA
from tests.factories import make_match, make_result, make_team

LONDON = zoneinfo.ZoneInfo("Europe/London")
KICKOFF = dt.datetime(2024, 4, 18, 19, 0, tzinfo=dt.UTC)
OPENFOOTBALL = SHARED_DATA / "openfootball"


def history_text(match: Match) -> str:
    """The game history box as a fan reads it, tags stripped."""
    html = render_to_string("fixtures_app/_game_history.html", {"history": game_history(match, tz=LONDON)})
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.django_db
def test_a_later_meeting_counts_and_the_next_one_is_named():
    atalanta, liverpool = make_team("Atalanta"), make_team("Liverpool")
    first_leg = make_result(liverpool, atalanta, score=(0, 3), kickoff=KICKOFF - dt.timedelta(days=7))
    second_leg = make_result(atalanta, liverpool, score=(0, 1), kickoff=KICKOFF)
    older = make_result(atalanta, liverpool, score=(2, 2), kickoff=KICKOFF - dt.timedelta(days=900))
    upcoming = make_match(liverpool, atalanta, kickoff=KICKOFF + dt.timedelta(days=200))
    make_match(atalanta, liverpool, kickoff=KICKOFF + dt.timedelta(days=400))  # after the next one
    make_match(liverpool, atalanta, kickoff=KICKOFF - dt.timedelta(days=30), status="postponed")
    make_result(atalanta, make_team("Roma"), kickoff=KICKOFF - dt.timedelta(days=3))
    history = game_history(first_leg, tz=LONDON)
    assert [game.match for game in history.past] == [second_leg, older]
    assert history.next is not None and history.next.match == upcoming
    assert (
        history.head_to_head.first_wins,
        history.head_to_head.draws,
        history.head_to_head.second_wins,
    ) == (
        1,
        1,
        0,
    )
    assert len(game_history(first_leg, limit=1, tz=LONDON).past) == 1
    text = history_text(first_leg)
    assert "Next meeting: 4 Nov 2024 Liverpool v Atalanta" in text
    assert "Head-to-head: Liverpool 1 win, 1 draw, Atalanta 0 wins (2 meetings)" in text


@pytest.mark.django_db
def test_clubs_with_no_other_meeting_are_not_said_never_to_have_met():
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    text = history_text(match)
    assert "not met before" not in text
    assert "No other meeting of these sides is in our records." in text


def test_the_seeds_first_leg_shows_the_second_leg_as_a_meeting(demo):
    first_leg = Match.objects.get(leg=1, home_team__name="Liverpool", away_team__name="Atalanta")
    text = history_text(first_leg)
    assert "Atalanta 0-1 Liverpool" in text
    assert "Liverpool 0-3 Atalanta" not in text  # the match itself is no other meeting
    assert "Head-to-head: Liverpool 1 win, 0 draws, Atalanta 0 wins (1 meeting)" in text


def test_the_seeds_second_leg_shows_the_first_leg(demo):
    second_leg = Match.objects.get(leg=2, home_team__name="Atalanta", away_team__name="Liverpool")
    text = history_text(second_leg)
    assert "Liverpool 0-3 Atalanta" in text
    assert "Head-to-head: Atalanta 1 win, 0 draws, Liverpool 0 wins" in text


@pytest.mark.needs_data
@pytest.mark.django_db
@pytest.mark.skipif(not OPENFOOTBALL.is_dir(), reason=f"the real data folder {OPENFOOTBALL} is absent")
def test_a_season_import_gives_each_meeting_the_other_as_history():
    data = json.loads((OPENFOOTBALL / "en.1-2023-24.json").read_text(encoding="utf-8"))
    season_import(
        data=data,
        competition_name="Premier League",
        season_name="2023/24",
        rules="premier-league",
        zone="Europe/London",
    )
    # Chelsea 2-2 Arsenal in October, Arsenal 5-0 Chelsea in April.
    autumn, spring = Match.objects.filter(
        home_team__name__in=["Arsenal FC", "Chelsea FC"], away_team__name__in=["Arsenal FC", "Chelsea FC"]
    ).order_by("kickoff")
    autumn_text, spring_text = history_text(autumn), history_text(spring)
    assert "Arsenal FC 5-0 Chelsea FC" in autumn_text
    assert "Head-to-head: Chelsea FC 0 wins, 0 draws, Arsenal FC 1 win" in autumn_text
    assert "Chelsea FC 2-2 Arsenal FC" in spring_text
    assert "Head-to-head: Arsenal FC 0 wins, 1 draw, Chelsea FC 0 wins" in spring_text
