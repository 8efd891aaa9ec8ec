"""Lists of games (a club's page, a season's fixtures) laid out in headless Chromium, as a fan reads them."""

import pytest
from django.urls import reverse
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Season

pytestmark = pytest.mark.browser

# Each row's boxes: the link's, each side's and the score's, and the page's line height.
ROW_BOXES = """() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, mid: (r.top + r.bottom) / 2};
  };
  const decoration = (el) => getComputedStyle(el).textDecorationLine;
  const lineHeight = parseFloat(getComputedStyle(document.body).lineHeight);
  return [...document.querySelectorAll('.game-row')].map((row) => ({
    text: row.innerText,
    link: box(row.querySelector('a')),
    first: box(row.querySelector('.game-row__side--first')),
    score: box(row.querySelector('.game-row__score')),
    second: box(row.querySelector('.game-row__side--second')),
    underlined: decoration(row.querySelector('.game-row__side--first')).includes('underline'),
    lineHeight,
  }));
}"""


def _pages() -> dict[str, str]:
    load_demo(now=timezone.now())
    season = Season.objects.filter(competition__slug="premier-league").order_by("-slug").first()
    return {
        "team": reverse("fixtures_app:team", kwargs={"slug": "liverpool"}),
        "fixtures": reverse("fixtures_app:fixtures", args=[season.competition.slug, season.slug]),
    }


def _rows(browser, url: str, width: int) -> tuple[list[dict], int]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    rows = page.evaluate(ROW_BOXES)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert rows, f"no game rows on {url}"
    return rows, overflow


def _assert_sides_and_score_share_a_line(row: dict) -> None:
    assert abs(row["first"]["mid"] - row["score"]["mid"]) < 2, row["text"]
    assert abs(row["second"]["mid"] - row["score"]["mid"]) < 2, row["text"]


@pytest.mark.parametrize("which", ["team", "fixtures"])
def test_each_game_reads_as_one_line_on_a_desktop(live_site, browser, which):
    url = live_site + _pages()[which]
    rows, _ = _rows(browser, url, 1366)
    for row in rows:
        height = row["link"]["bottom"] - row["link"]["top"]
        assert height < 2 * row["lineHeight"], f"{row['text']!r} wraps over {height}px"
        _assert_sides_and_score_share_a_line(row)
        assert not row["underlined"], f"{row['text']!r} is underlined"


@pytest.mark.parametrize("which", ["team", "fixtures"])
def test_games_read_on_a_phone_without_sideways_scrolling(live_site, browser, which):
    url = live_site + _pages()[which]
    rows, scroll_width = _rows(browser, url, 390)
    assert scroll_width <= 390
    for row in rows:
        _assert_sides_and_score_share_a_line(row)
