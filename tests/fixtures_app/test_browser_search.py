"""The search box in headless Chromium, as a fan uses it: from any page's header to a club's page."""

import pytest
from django.utils import timezone

from demo.loader import load_demo
from tests.fixtures_app.test_accessibility import axe_source, describe, violations  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

# The header's box, and how far anything in the header reaches past the window's right edge.
HEADER = """() => {
  const header = document.querySelector('.site-header');
  const input = header.querySelector('input[name=q]').getBoundingClientRect();
  const right = Math.max(...[...header.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right));
  return {input: {left: input.left, right: input.right, width: input.width}, right,
          pageWidth: document.documentElement.scrollWidth};
}"""


def test_a_fan_searches_from_the_header_and_opens_a_club(live_site, browser):
    load_demo(now=timezone.now())
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(live_site + "/teams/atalanta/")
    page.get_by_role("searchbox", name="Search clubs, players, competitions and matches").fill("liverp")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=liverp")
    assert page.title() == "Search: liverp — MatchCentre"
    teams = page.locator("#search-teams")
    assert teams.locator(".search-hit__title").all_inner_texts() == ["Liverpool"]
    matches = page.locator("#search-matches .search-hit__title").all_inner_texts()
    assert matches and all("Liverpool" in match for match in matches), matches
    teams.get_by_role("link", name="Liverpool").click()
    page.wait_for_url("**/teams/liverpool/")
    assert page.locator("h1").inner_text() == "Liverpool"
    page.close()


def test_the_search_works_without_javascript(live_site, browser):
    load_demo(now=timezone.now())
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(live_site + "/search/")
    page.fill("#search-q", "fenerbahce")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=fenerbahce")
    assert page.locator("#search-teams .search-hit__title").all_inner_texts() == ["Fenerbahçe"]
    assert page.locator("#search-q").input_value() == "fenerbahce"
    context.close()


def sign_in_as_the_demo_editor(page, live_site: str) -> None:
    page.goto(live_site + "/accounts/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "matchcentre-demo")
    with page.expect_navigation():
        page.click("button[type=submit]")


@pytest.mark.parametrize("editor", [False, True], ids=["fan", "editor"])
@pytest.mark.parametrize("path", ["/teams/liverpool/", "/search/?q=man+utd"])
def test_on_a_phone_the_header_keeps_a_usable_box_and_does_not_overflow(live_site, browser, path, editor):
    load_demo(now=timezone.now())
    page = browser.new_page(viewport={"width": 390, "height": 844})
    if editor:  # the Console link as well leaves the box too little room: it takes a line of its own
        sign_in_as_the_demo_editor(page, live_site)
    page.goto(live_site + path)
    assert page.get_by_role("link", name="Console").count() == (1 if editor else 0)
    header = page.evaluate(HEADER)
    assert header["pageWidth"] <= 390
    assert header["right"] <= 390, header
    # Wide enough to show what was typed: "liverpool" at the least.
    assert header["input"]["left"] >= 0 and header["input"]["width"] >= 80, header
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_search_pages_have_no_serious_accessibility_violation(live_site, browser, axe_source, scheme):  # noqa: F811
    load_demo(now=timezone.now())
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = []
    for path in ("/search/?q=liverp", "/search/?q=zzzz", "/search/?q=a"):
        page.goto(live_site + path)
        found.extend((scheme, path, violation) for violation in violations(page, axe_source))
    context.close()
    assert not found, "axe-core found serious or critical violations:\n" + describe(found)
