"""Following in a real browser: follow a club on its page and find it first on the home page,
live; a fan's follows kept in the browser are merged into their account when they sign in."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from demo.loader import load_demo
from fans.follows import follow_add, follows_of
from fixtures_app.models import Match, Team
from tests.fixtures_app.test_browser_live import sign_in
from tests.fixtures_app.test_browser_socket import record_goal_through_the_console

pytestmark = pytest.mark.browser


def follow(page, base: str, slug: str) -> None:
    page.goto(f"{base}/teams/{slug}/")
    button = page.locator("[data-follow=team]")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert "Following" in button.inner_text()


def test_a_followed_club_comes_first_on_the_home_page_and_stays_live(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()  # Arsenal 2-1 Chelsea
    fan = browser.new_context().new_page()
    fan.goto(live_site + "/")
    assert fan.locator("[data-my-clubs]").is_hidden()  # nothing followed yet

    follow(fan, live_site, "arsenal")
    fan.goto(live_site + "/")
    strip = fan.locator("[data-my-clubs]")
    strip.wait_for()
    assert strip.locator(".my-clubs__name").all_inner_texts() == ["Arsenal"]
    live = strip.locator(f'[data-game="{match.pk}"]')
    assert live.locator("[data-score]").inner_text() == "2-1"
    assert live.get_attribute("data-kind") == "live"
    # Its next match and last result follow the one in play; the strip is first on the page.
    assert strip.locator("[data-kind=next]").count() == 1
    assert strip.locator("[data-kind=last] [data-score]").inner_text().count("-") == 1
    first = "() => document.querySelector('.layout__main > .card:not([hidden])').id"
    assert fan.evaluate(first) == "my-clubs"

    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    record_goal_through_the_console(desk, live_site, match)
    fan.wait_for_function(
        "id => document.querySelector(`#my-clubs [data-game=\"${id}\"] [data-score]`).textContent === '2-2'",
        arg=match.pk,
        timeout=5000,
    )

    # Unfollowed on the club's page, the strip goes.
    fan.goto(f"{live_site}/teams/arsenal/")
    fan.locator("[data-follow=team]").click()
    fan.goto(live_site + "/")
    fan.locator("[data-fan-panel]:not([hidden])").wait_for()  # the fan's scripts have run
    assert fan.locator("[data-my-clubs]").is_hidden()


def test_signing_in_merges_the_browsers_follows_into_the_account(live_site, browser):
    load_demo(now=timezone.now())
    fan_user = User.objects.create_user("supporter", password="a-long-fan-password")
    follow_add(user=fan_user, team_id=Team.objects.get(slug="arsenal").pk)
    page = browser.new_context().new_page()
    follow(page, live_site, "liverpool")  # before signing in: kept in the browser

    page.goto(live_site + "/accounts/login/?next=/")
    page.fill("#id_username", "supporter")
    page.fill("#id_password", "a-long-fan-password")
    page.click("button[type=submit]")
    page.wait_for_url(live_site + "/")
    page.wait_for_function(
        "() => (JSON.parse(localStorage.getItem('matchcentre.follows')) || {}).teams.length === 2",
        timeout=5000,
    )

    liverpool, arsenal = (Team.objects.get(slug=slug) for slug in ("liverpool", "arsenal"))
    assert follows_of(fan_user).teams == [arsenal.pk, liverpool.pk]
    # The browser holds the union too: the account's club shows as followed here.
    page.goto(f"{live_site}/teams/arsenal/")
    assert page.locator("[data-follow=team]").get_attribute("aria-pressed") == "true"
    # And unfollowing, signed in, is kept with the account.
    with page.expect_response(lambda response: "/me/follows/" in response.url) as sent:
        page.locator("[data-follow=team]").click()
    assert sent.value.request.method == "DELETE" and sent.value.ok
    assert follows_of(fan_user).teams == [liverpool.pk]
