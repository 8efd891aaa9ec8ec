import html
import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fixtures_app.models import Match
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team
from tests.pages import without_links

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    """The page as a reader sees it: tags gone, entities decoded, spaces collapsed."""
    # A linked name runs on with the text around it; other tags break it.
    text = without_links(response.content.decode())
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.fixture
def seed_match(demo):
    return Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool")


def test_seed_match_page_shows_the_header_of_the_seed(client, seed_match):
    response = client.get(seed_match.get_absolute_url())
    text = page_text(response)
    assert response.status_code == 200
    assert "UEFA Europa League · Quarter-finals · 2nd Leg" in text
    assert "Thursday 18 April 2024, 20:00 UK time" in text
    assert "Gewiss Stadium, Bergamo" in text
    assert re.search(r"Atalanta .*0 – 1.* Liverpool", text)
    assert "FT (HT: 0-1)" in text
    assert "Salah (7' pen.)" in text
    assert "Hien (43'), Koopmeiners (77'), Zappacosta (90+1')" in text
    assert "Atalanta win 3-1 on aggregate" in text


def test_seed_match_page_shows_the_seeds_poll(client, seed_match):
    text = page_text(client.get(seed_match.get_absolute_url()))
    assert "How you voted: Atalanta vs Liverpool" in text
    assert re.search(r"Atalanta BC 31\.2% .*Liverpool 68\.8%", text)
    assert "391 votes" in text


def test_a_signed_in_readers_page_shows_kick_off_in_their_time_zone_with_uk_time(client, seed_match):
    # An anonymous reader's page is the same for all, in UK time (tests/fixtures_app/test_edge_cache.py).
    client.force_login(User.objects.create_user("reader"))
    client.cookies["tz"] = "America/New_York"
    text = page_text(client.get(seed_match.get_absolute_url()))
    assert "Thursday 18 April 2024, 15:00 (20:00 UK time)" in text


def test_unknown_reader_time_zone_falls_back_to_uk_time(client, seed_match):
    client.cookies["tz"] = "Mars/Olympus_Mons"
    assert "20:00 UK time" in page_text(client.get(seed_match.get_absolute_url()))


def test_match_page_has_timeline_commentary_and_line_ups(client, seed_match):
    text = page_text(client.get(seed_match.get_absolute_url()))
    assert "Minute by minute" in text
    assert "Salah sends Musso the wrong way" in text
    assert "VAR: Goal disallowed" in text
    assert "Danns replaces Robertson (Liverpool)." in text
    assert "Substitutes" in text and "Carnesecchi" in text


def test_short_match_address_redirects_to_the_full_one(client, seed_match):
    response = client.get(f"/matches/{seed_match.pk}/")
    assert response.status_code == 301
    assert response["Location"] == seed_match.get_absolute_url()


def test_unknown_match_is_not_found(client, db):
    assert client.get("/matches/999999/").status_code == 404


def test_home_page_lists_live_today_and_recent_matches(client, demo):
    text = page_text(client.get("/"))
    assert "Live now" in text and "Arsenal" in text
    assert "Recent results" in text
    assert "Coming up" in text or "Today" in text


def test_match_page_query_count_does_not_grow_with_events(client):
    home, away = make_team("Home"), make_team("Away")
    match = make_match(home, away)
    players = add_to_lineup(match, home, *[f"Player {n}" for n in range(11)])
    match_change_status(match=match, status="first_half", at=KICKOFF)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(match.get_absolute_url()).status_code == 200
        return len(captured)

    few = queries()
    for minute in range(2, 40):
        kind = "goal" if minute % 2 else "commentary"
        player = players[minute % 11] if kind == "goal" else None
        match_record_event(match=match, kind=kind, minute=minute, team=home, player=player, text="Close!")
    match_record_event(match=match, kind="yellow", minute=41, team=home, player=players[0])
    assert match.events.count() >= 40
    assert queries() == few
