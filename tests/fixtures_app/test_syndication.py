"""Atom feeds a reader subscribes to: a match's key events, a club's and a competition's
results and reports. Parsed as XML, as a feed reader would."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from articles.models import Article
from fixtures_app.services.events import match_correct_event, match_delete_event, match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import (
    KICKOFF,
    add_to_lineup,
    make_competition,
    make_match,
    make_result,
    make_season,
    make_stage,
    make_team,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url: str) -> list[dict[str, str]]:
    answer = client.get(url)
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(answer.content)
    assert feed.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def live_match():
    home, away = make_team("Arsenal"), make_team("Chelsea")
    match = make_match(home, away)
    add_to_lineup(match, home, "Saka", "Rice")
    add_to_lineup(match, away, "Palmer")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


def record(match, kind, minute, team, known_as, **fields):
    player = match.lineup.get(player__known_as=known_as).player
    return match_record_event(match=match, kind=kind, minute=minute, team=team, player=player, **fields).event


def test_a_match_feed_carries_its_events_latest_first_and_a_goal_says_the_score(client, live_match):
    record(
        live_match, "goal", 12, live_match.home_team, "Saka", goal_type="open_play", text="Saka curls it in."
    )
    record(live_match, "yellow", 30, live_match.home_team, "Rice")
    found = entries(client, reverse("fixtures_app:match-feed", args=[live_match.pk]))
    titles = [entry["title"] for entry in found]
    assert titles[0] == "30' Yellow card"
    assert "12' Goal! Arsenal 1-0 Chelsea" in titles
    goal = found[titles.index("12' Goal! Arsenal 1-0 Chelsea")]
    assert "Saka curls it in." in goal["summary"]
    assert goal["link"].startswith("http://testserver" + live_match.get_absolute_url() + "#event-")
    assert len({entry["id"] for entry in found}) == len(found)  # each entry its own id


def test_a_corrected_event_is_the_same_entry_changed_and_a_deleted_one_is_gone(client, live_match):
    goal = record(live_match, "goal", 12, live_match.home_team, "Saka", goal_type="open_play")
    card = record(live_match, "yellow", 30, live_match.home_team, "Rice")
    url = reverse("fixtures_app:match-feed", args=[live_match.pk])
    before = {entry["id"]: entry["title"] for entry in entries(client, url)}
    match_correct_event(event=goal, expected_version=goal.version, minute=14)
    match_delete_event(event=card)
    after = {entry["id"]: entry["title"] for entry in entries(client, url)}
    goal_id = next(key for key, title in before.items() if "Goal!" in title)
    assert after[goal_id] == "14' Goal! Arsenal 1-0 Chelsea"
    assert not any("Yellow card" in title for title in after.values())


def test_a_club_feed_has_its_results_and_the_reports_about_it_newest_first(client):
    arsenal, chelsea, spurs = make_team("Arsenal"), make_team("Chelsea"), make_team("Tottenham Hotspur")
    older = make_result(arsenal, chelsea, score=(2, 1), kickoff=KICKOFF - dt.timedelta(days=7))
    make_result(spurs, arsenal, score=(0, 3), kickoff=KICKOFF)
    make_result(spurs, chelsea, score=(1, 1), kickoff=KICKOFF)  # not Arsenal's
    Article.objects.create(
        match=older,
        headline="Havertz settles it",
        slug="havertz",
        standfirst="Arsenal edge the derby.",
        body="…",
        published_at=KICKOFF - dt.timedelta(days=6),
    )
    Article.objects.create(
        match=older, headline="Draft", slug="draft", standfirst="Not yet.", body="…", published_at=None
    )
    found = entries(client, reverse("fixtures_app:team-feed", args=["arsenal"]))
    assert [entry["title"] for entry in found] == [
        "Tottenham Hotspur 0-3 Arsenal",
        "Havertz settles it",
        "Arsenal 2-1 Chelsea",
    ]


def test_a_competition_feed_has_the_seasons_results_only(client):
    season = make_season(make_competition("Premier League"), name="2026/27")
    other = make_season(make_competition("FA Cup"), name="2026/27")
    make_result(make_team("Arsenal"), make_team("Chelsea"), make_stage(season), score=(2, 1))
    make_result(make_team("Leeds"), make_team("Hull"), make_stage(other), score=(0, 1))
    found = entries(client, reverse("fixtures_app:competition-feed", args=["premier-league", "2026-27"]))
    assert [entry["title"] for entry in found] == ["Arsenal 2-1 Chelsea"]
    assert "Premier League" in found[0]["summary"]


@pytest.mark.parametrize(
    "url", ["/matches/999999/feed/", "/teams/nobody/feed/", "/competitions/nothing/2026-27/feed/"]
)
def test_a_feed_of_nothing_is_a_404(client, url):
    assert client.get(url).status_code == 404
