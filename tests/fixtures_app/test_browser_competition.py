"""A competition season's pages in headless Chromium: rows on one line and the table whole on a
desktop, nothing wider than a phone, and a tie-break's note there for the rows it decided."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from demo.loader import load_demo
from tests.fixtures_app.test_accessibility import axe_source, describe, violations

__all__ = ["axe_source"]  # the fixture, shared with the site's other accessibility checks

pytestmark = pytest.mark.browser

SEASON = ("uefa-europa-league", "2024-25")  # the league phase after four rounds: many clubs level on points

# Each game row's height against the page's line height.
ROW_HEIGHTS = """() => {
  const lineHeight = parseFloat(getComputedStyle(document.body).lineHeight);
  return [...document.querySelectorAll('.game-row')].map((row) => ({
    text: row.innerText, height: row.querySelector('a').getBoundingClientRect().height, lineHeight}));
}"""
# Each table against the box it sits in: wider means it is cut off or scrolls sideways.
TABLE_FITS = """() => [...document.querySelectorAll('table.league-table')].map((table) => ({
  table: table.scrollWidth, box: table.parentElement.clientWidth,
  card: table.closest('.card').getBoundingClientRect().right, page: document.documentElement.clientWidth}))"""
# Visible elements reaching past the viewport's right edge.
TOO_WIDE = """() => [...document.querySelectorAll('main *')].filter((el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.right > document.documentElement.clientWidth + 1 && !el.closest('.visually-hidden');
}).map((el) => el.tagName + '.' + el.className + ': ' + (el.innerText || '').slice(0, 40))"""


def _urls() -> dict[str, str]:
    load_demo(now=timezone.now())
    return {
        name: reverse(f"fixtures_app:{name}", args=SEASON) for name in ("competition", "table", "fixtures")
    }


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    return page


def test_on_a_desktop_each_game_is_one_line_and_the_table_fits(live_site, browser):
    urls = _urls()
    for name in ("competition", "fixtures"):
        page = _open(browser, live_site + urls[name], 1366)
        rows = page.evaluate(ROW_HEIGHTS)
        assert len(rows) >= 18, f"{name}: {len(rows)} game rows"
        for row in rows:
            assert row["height"] < 2 * row["lineHeight"], (
                f"{name}: {row['text']!r} wraps over {row['height']}px"
            )
        page.close()
    for name in ("competition", "table"):
        page = _open(browser, live_site + urls[name], 1366)
        tables = page.evaluate(TABLE_FITS)
        assert tables, f"no table on the {name} page"
        for table in tables:
            assert table["table"] <= table["box"] + 1, f"{name}: the table is wider than its box: {table}"
            assert table["card"] <= table["page"], f"{name}: {table}"
        page.close()


def test_on_a_phone_nothing_is_wider_than_the_screen(live_site, browser):
    for name, url in _urls().items():
        page = _open(browser, live_site + url, 390)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        assert page.evaluate(TOO_WIDE) == [], name
        page.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_a_row_decided_by_a_tie_break_leads_to_its_note(live_site, browser, width):
    page = _open(browser, live_site + _urls()["table"], width)
    ajax = page.locator(".league-table__row", has_text="Ajax")
    marker = ajax.locator(".table-note-ref a").first
    assert marker.is_visible()
    marker.click()
    note = page.locator(".table-notes__note:target")
    assert note.is_visible()
    # The demo's club names follow its data's spelling: "Ajax" or "AFC Ajax".
    assert re.fullmatch(
        r"Level on 10 points: (AFC )?Ajax above Galatasaray on goal difference \(\+12 v \+4\)\.",
        note.inner_text(),
    )
    box = note.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the note is not scrolled into view"
    assert box["x"] + box["width"] <= width
    galatasaray = page.locator(".league-table__row", has_text="Galatasaray")
    assert galatasaray.locator(".table-note-ref a", has_text=note.get_attribute("value") or "?").count() == 1
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_seasons_pages_have_no_serious_accessibility_violation(live_site, browser, axe_source, scheme):
    found = []
    for url in _urls().values():
        page = browser.new_page(viewport={"width": 1366, "height": 900}, color_scheme=scheme)
        page.goto(live_site + url)
        found.extend((scheme, url, violation) for violation in violations(page, axe_source))
        page.close()
    assert not found, "axe-core found serious or critical violations:\n" + describe(found)
