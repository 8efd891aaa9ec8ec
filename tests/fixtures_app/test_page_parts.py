"""The match page's cached parts: kept under the match's seq, so every change shows on the next load."""

import re

import pytest

from fixtures_app.selectors import page_parts
from fixtures_app.services.events import match_correct_event, match_delete_event, match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_stage, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    add_to_lineup(match, match.home_team, "Hien")
    match.strikers = add_to_lineup(match, match.away_team, "Salah", "Núñez")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    return match


@pytest.fixture
def renders(monkeypatch):
    """How many times the parts were rendered rather than taken from the cache."""
    calls = []
    real = page_parts.match_page

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(page_parts, "match_page", counted)
    return calls


def load(client, match) -> str:
    response = client.get(match.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def score(page: str) -> str:
    return re.search(r'aria-label="Score: ([^"]+)"', page)[1]


def away_goal(match, player, minute=7):
    return match_record_event(match=match, kind="goal", minute=minute, team=match.away_team, player=player)


def test_parts_are_rendered_once_until_the_match_changes(client, match, renders):
    load(client, match)
    load(client, match)
    assert len(renders) == 1
    match_record_event(match=match, kind="commentary", minute=3, text="Salah skips past Hien.")
    page = load(client, match)
    assert re.search(r'<li class="timeline__entry[^>]*>.*Salah skips past Hien\.', page, re.DOTALL)
    assert len(renders) == 2


def test_a_corrected_goal_shows_on_the_next_load(client, match):
    salah, nunez = match.strikers
    goal = away_goal(match, salah)
    assert "Salah (7&#x27;)" in load(client, match)
    match_correct_event(event=goal, expected_version=goal.version, player=nunez, minute=9)
    page = load(client, match)
    assert "Núñez (9&#x27;)" in page
    assert "Salah (7" not in page
    assert score(page) == "Atalanta 0, Liverpool 1"


def test_a_deleted_goal_leaves_the_next_load(client, match):
    goal = away_goal(match, match.strikers[0])
    assert score(load(client, match)) == "Atalanta 0, Liverpool 1"
    match_delete_event(event=goal)
    page = load(client, match)
    assert score(page) == "Atalanta 0, Liverpool 0"
    assert "Salah (7" not in page


def test_an_edit_that_keeps_the_seq_shows_on_the_next_load(client, match):
    load(client, match)
    match.referee = "Clément Turpin"
    match.save(update_fields=["referee"])  # as the admin saves it: no update is logged
    assert "Referee Clément Turpin" in load(client, match)


def test_the_table_beside_a_match_moves_with_a_goal_in_another_match_of_its_stage(client):
    stage = make_stage(name="League")
    arsenal, chelsea, everton, fulham = (
        make_team(name) for name in ("Arsenal", "Chelsea", "Everton", "Fulham")
    )
    ours, theirs = make_match(arsenal, chelsea, stage=stage), make_match(everton, fulham, stage=stage)
    for match in (ours, theirs):
        match_change_status(match=match, status="first_half", at=KICKOFF)
    [scorer] = add_to_lineup(theirs, everton, "Calvert-Lewin")
    assert table_leader(load(client, ours)) != "Everton"
    match_record_event(match=theirs, kind="goal", minute=12, team=everton, player=scorer)
    assert table_leader(load(client, ours)) == "Everton"


def table_leader(page: str) -> str:
    table = page.split('id="match-table"', 1)[1]
    return min(("Arsenal", "Chelsea", "Everton", "Fulham"), key=table.index)
