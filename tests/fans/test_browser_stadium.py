"""Stadium mode in Chromium: a match page opened once is served by the service worker with no
network, showing the last state it saw ("Offline — as of 21'"); back online it catches up and
says once, in order, what happened meanwhile, a correction included."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from fixtures_app.models import Match, MatchEvent, Player
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import (
    add_to_lineup,
    make_competition,
    make_editor,
    make_match,
    make_season,
    make_stage,
    make_team,
)
from tests.faults.desk import Desk

pytestmark = pytest.mark.browser
CACHED = """async () => {
  const cache = await caches.open("matchcentre-stadium-v1");
  const files = performance.getEntriesByType("resource").map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith("/static/")).map((u) => u.pathname);
  for (const address of [location.pathname, ...files]) if (!(await cache.match(address))) return false;
  return Boolean(navigator.serviceWorker.controller);
}"""


def a_match_in_play() -> Match:
    arsenal, chelsea = make_team("Arsenal"), make_team("Chelsea")
    season = make_season(make_competition("Premier League"), name="2026/27")
    match = make_match(
        arsenal, chelsea, make_stage(season), kickoff=timezone.now() - dt.timedelta(minutes=20)
    )
    (saka,) = add_to_lineup(match, arsenal, "Saka")
    add_to_lineup(match, chelsea, "Palmer")
    match_change_status(match=match, status="first_half", at=match.kickoff)
    match_record_event(match=match, kind="goal", minute=12, team=arsenal, player=saka)
    return Match.objects.get(pk=match.pk)


def wait_until_kept(page) -> None:
    """Until the page, every file it loaded and the worker in charge are there for offline."""
    for _ in range(150):  # up to 15 s
        if page.evaluate(CACHED):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page was not kept for offline use")


def score_of(page) -> str:
    return re.sub(r"\s+", "", page.locator("#scoreboard .scoreboard__score").inner_text())


def test_offline_the_page_shows_its_last_state_and_back_online_what_was_missed_once(live_site, browser):
    match = a_match_in_play()
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_site + match.get_absolute_url())
    page.locator("[data-live-status][data-state=live]").wait_for()
    wait_until_kept(page)  # the worker keeps the page and its files

    context.set_offline(True)
    page.reload()
    banner = page.locator("[data-stadium-banner]")
    banner.wait_for()
    assert re.fullmatch(r"Offline — as of \d+'", banner.inner_text()), banner.inner_text()
    assert score_of(page) == "1–0"

    # Meanwhile at the ground (an editor at the server): Chelsea equalise, Saka's goal is put a
    # minute earlier, a booking.
    desk, chelsea = Desk.signed_in(live_site, make_editor()), match.away_team_id
    palmer, saka_goal = Player.objects.get(known_as="Palmer"), MatchEvent.objects.get(kind="goal")
    record = f"/console/matches/{match.pk}/events/"
    assert (
        desk.post(record, {"kind": "goal", "minute": 15, "team": chelsea, "player": palmer.pk}).status == 200
    )
    correct = {"expected_version": saka_goal.version, "minute": 11}
    assert desk.post(f"/console/events/{saka_goal.pk}/correct/", correct).status == 200
    assert (
        desk.post(record, {"kind": "yellow", "minute": 18, "team": chelsea, "player": palmer.pk}).status
        == 200
    )
    page.wait_for_timeout(500)
    assert score_of(page) == "1–0" and banner.is_visible()

    context.set_offline(False)
    digest = page.locator("[data-stadium-digest]")
    digest.wait_for(timeout=15000)
    lines = [re.sub(r"\s+", " ", line) for line in digest.locator("li").all_inner_texts()]
    assert len(lines) == 3, lines
    assert "Palmer" in lines[0] and "15'" in lines[0] and "Goal" in lines[0]
    assert lines[1].startswith("Corrected:") and "Saka" in lines[1] and "11'" in lines[1]
    assert "Yellow" in lines[2] and "Palmer" in lines[2]
    assert not banner.is_visible()
    shows = "s => document.querySelector('#scoreboard .scoreboard__score').innerText.replace(/\\s/g, '')==s"
    page.wait_for_function(shows, arg="1–1", timeout=40000)  # the page itself caught up over its socket

    digest.get_by_role("button", name="Dismiss").click()
    assert digest.count() == 0
    page.reload()
    page.locator("[data-live-status][data-state=live]").wait_for()
    assert page.locator("[data-stadium-digest]").count() == 0  # shown once
    context.close()


def test_online_the_worker_serves_the_network_page_not_its_copy(live_site, browser):
    match = a_match_in_play()
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_site + match.get_absolute_url())
    wait_until_kept(page)

    palmer = Player.objects.get(known_as="Palmer")
    match_record_event(match=match, kind="goal", minute=15, team=match.away_team, player=palmer)
    page.reload()
    assert score_of(page) == "1–1"
    assert page.locator("[data-stadium-banner]").count() == 0
    context.close()
