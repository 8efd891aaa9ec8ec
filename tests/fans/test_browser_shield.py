"""The spoiler shield in a real browser, on a fake clock (Playwright's page.clock): a fan whose
picture is 30 s behind sees a goal 30 s after it reaches the page, on the match page (score,
timeline, tab title) and on the home page (its rows), never before."""

import datetime as dt
import re
import time

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match
from tests.fixtures_app.test_browser_live import score_of, sign_in, wait_for_score
from tests.fixtures_app.test_browser_socket import WATCH_SOCKETS, record_goal_through_the_console

pytestmark = pytest.mark.browser


def held(page) -> int:
    return int(page.evaluate("document.documentElement.dataset.shieldHeld || '0'"))


def wait_until_held(page, count: int) -> int:
    """Waits (real time, at most ten seconds) for the page to hold at least `count` changes and
    to take no more for a second: a goal may bring more than one frame to a socket (its score,
    then the live table's), and a slow machine may deliver the second later. Not with
    wait_for_function: its polling runs on the page's timers, which the paused clock stops."""
    deadline = time.monotonic() + 10
    last, steady_since = held(page), time.monotonic()
    while time.monotonic() < deadline and (last < count or time.monotonic() - steady_since < 1):
        time.sleep(0.05)
        if held(page) != last:
            last, steady_since = held(page), time.monotonic()
    assert last >= count
    return last


def home_score(page, match: Match) -> str:
    return page.locator(f'#home-live [data-game="{match.pk}"] [data-score]').inner_text()


def test_a_30_second_delay_holds_a_goal_for_30_seconds_on_every_page(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()  # Arsenal 2-1 Chelsea
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(WATCH_SOCKETS)
    setup = context.new_page()
    setup.goto(live_site + "/")
    setup.locator(".fan-panel__summary").click()
    setup.fill("#shield-delay", "30")
    setup.locator("[data-shield-form]").get_by_role("button", name="Save").click()
    assert "30 s behind" in setup.locator("[data-shield-badge]").inner_text()
    setup.close()

    # The context's clock (every page's) starts a minute back and runs until the pages are up,
    # then stands still.
    context.clock.install(time=timezone.now() - dt.timedelta(minutes=1))
    match_page, home = context.new_page(), context.new_page()
    match_page.goto(live_site + match.get_absolute_url())
    home.goto(live_site + "/")
    match_page.locator("[data-live-status][data-state=live]").wait_for()
    for page in (match_page, home):  # every socket open (the scores' sends nothing on connect)
        page.wait_for_function("() => window.sockets.length && window.sockets.every(s => s.readyState === 1)")
    context.clock.pause_at(timezone.now())
    title = match_page.title()

    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    record_goal_through_the_console(desk, live_site, match)  # Jackson, 60', for Chelsea
    on_match_page = wait_until_held(match_page, 2)  # the match's own socket's change, today's games' score
    on_home = wait_until_held(home, 1)

    context.clock.run_for(29_000)
    assert score_of(match_page) == "2–1"
    assert "Jackson" not in match_page.locator("#timeline").inner_text()
    assert match_page.title() == title
    assert home_score(home, match) == "2-1"
    # Nothing released yet (the pages' own timers, e.g. a refetch, may have held more since).
    assert held(match_page) >= on_match_page and held(home) >= on_home

    context.clock.run_for(1_500)
    assert score_of(match_page) == "2–2"
    assert "Jackson (Chelsea) scores." in match_page.locator("#timeline .timeline__entry").first.inner_text()
    assert home_score(home, match) == "2-2"


def test_without_a_delay_nothing_is_held_or_covered(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    fan = browser.new_context().new_page()
    fan.goto(live_site + match.get_absolute_url())
    fan.locator("[data-live-status][data-state=live]").wait_for()
    assert not re.search(r"is-shielding", fan.locator("html").get_attribute("class") or "")
    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    record_goal_through_the_console(desk, live_site, match)
    wait_for_score(fan, "2–2")
    assert held(fan) == 0


def test_hide_scores_covers_the_home_pages_scores_until_tapped(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    fan = browser.new_context().new_page()
    fan.goto(live_site + "/")
    fan.locator(".fan-panel__summary").click()
    fan.locator("[data-shield-form]").get_by_label("Hide scores on the home page").check()
    fan.locator("[data-shield-form]").get_by_role("button", name="Save").click()
    fan.reload()
    score = fan.locator(f'#home-live [data-game="{match.pk}"] [data-score]')
    covered = "() => getComputedStyle(document.querySelector('#home-live [data-score]')).color"
    assert fan.evaluate(covered) == "rgba(0, 0, 0, 0)"  # transparent: the score cannot be read
    score.click()  # the first tap shows it, and stays on the home page
    assert fan.url == live_site + "/"
    assert fan.evaluate(covered) != "rgba(0, 0, 0, 0)"
    assert score.inner_text() == "2-1"


def test_watching_from_kick_off_counts_from_the_whistle_not_the_fixture_time(live_site, browser):
    """The match kicked off four minutes late: a fan who started the stream at the whistle is
    behind by the time since the whistle, not since the time in the fixture list."""
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    whistle = match.first_half_started_at
    Match.objects.filter(pk=match.pk).update(kickoff=whistle - dt.timedelta(minutes=4))
    fan = browser.new_context().new_page()
    fan.goto(live_site + match.get_absolute_url())
    fan.locator(".fan-panel__summary").click()
    fan.get_by_role("button", name="I'm watching from kick-off").click()
    saved = int(fan.locator("#shield-delay").input_value())
    since_whistle = (timezone.now() - whistle).total_seconds()
    assert abs(saved - since_whistle) < 10, (saved, since_whistle)
