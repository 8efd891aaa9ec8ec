"""The demo's pages opened in headless Chromium, as a fan sees them."""

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match

pytestmark = pytest.mark.browser


def test_fan_opens_the_home_page_then_the_seed_match(live_site, browser):
    load_demo(now=timezone.now())
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_site + "/")
    assert page.get_by_role("heading", name="Live now").is_visible()
    page.locator(f"a[href='{seed.get_absolute_url()}']").first.click()
    header = page.locator(".match-header")
    header.wait_for()
    assert "0–1" in header.locator(".scoreboard__score").inner_text().replace(" ", "").replace("\n", "")
    assert header.locator(".scoreboard__status").inner_text() == "FT (HT: 0-1)"
    assert "Salah (7' pen.)" in header.locator(".scoreboard__team--away").inner_text()
    home_cards = header.locator(".scoreboard__team--home .key-events--cards").inner_text()
    assert "Hien (43'), Koopmeiners (77'), Zappacosta (90+1')" in home_cards
    assert header.locator(".match-header__aggregate").inner_text() == "Atalanta win 3-1 on aggregate"


def test_match_page_reads_on_a_phone_without_sideways_scrolling(live_site, browser):
    load_demo(now=timezone.now())
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_site + seed.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator(".scoreboard__status").is_visible()


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_on_a_phone_a_live_match_shows_its_minute_by_minute_first_and_the_badge_covers_nothing(
    live_site, browser
):
    load_demo(now=timezone.now())
    live = Match.objects.get(home_team__name="Arsenal", away_team__name="Chelsea")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_site + live.get_absolute_url())
    page.wait_for_selector(".live-status[data-state='live']")
    badge, competition = _box(page, ".live-status"), _box(page, ".match-header__competition")
    assert badge["y"] + badge["height"] <= competition["y"], "the Live badge covers the competition line"
    timeline = _box(page, ".timeline-card")
    assert timeline["y"] < _box(page, ".share")["y"]
    assert timeline["y"] < _box(page, "#match-chart")["y"]


def test_a_finished_match_keeps_its_report_before_the_minute_by_minute(live_site, browser):
    load_demo(now=timezone.now())
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_site + seed.get_absolute_url())
    assert _box(page, "#match-chart")["y"] < _box(page, ".timeline-card")["y"]
