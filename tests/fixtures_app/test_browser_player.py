"""A player's page laid out in headless Chromium, and reached from a match page, as a fan does."""

import datetime as dt
from importlib import resources

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import LineupEntry, MatchEvent, Player
from tests.factories import (
    KICKOFF,
    make_competition,
    make_player,
    make_result,
    make_season,
    make_stage,
    make_team,
)

pytestmark = pytest.mark.browser

# Each match row's boxes: the link's, and the middle of each part that shares its first line.
ROW_BOXES = """() => {
  const mid = (el) => { const r = el.getBoundingClientRect(); return (r.top + r.bottom) / 2; };
  const lineHeight = parseFloat(getComputedStyle(document.body).lineHeight);
  return [...document.querySelectorAll('.player-match')].map((row) => {
    const link = row.querySelector('a').getBoundingClientRect();
    const part = (name) => mid(row.querySelector('.player-match__' + name));
    return {
      text: row.innerText, height: link.bottom - link.top, lineHeight,
      date: part('date'), opponent: part('opponent'), score: part('score'), minutes: part('minutes'),
    };
  });
}"""
# The right edge of the widest thing on the page.
WIDEST = "Math.max(...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right))"


def _salah() -> Player:
    """Salah with four matches against clubs of long names, in a competition of a long name."""
    liverpool = make_team("Liverpool")
    stage = make_stage(make_season(make_competition("UEFA Europa Conference League"), "2023/24"))
    salah = make_player("Salah", name="Mohamed Salah", position="Forward", date_of_birth=dt.date(1992, 6, 15))
    for day, opponent in enumerate(
        ["Borussia Mönchengladbach", "Wolverhampton Wanderers", "Atalanta", "Brighton"]
    ):
        match = make_result(
            liverpool, make_team(opponent), stage, score=(2, 1), kickoff=KICKOFF + dt.timedelta(day)
        )
        LineupEntry.objects.create(
            match=match, team=liverpool, player=salah, shirt_number=11, starter=day % 2 == 0
        )
        if day % 2:
            MatchEvent.objects.create(
                match=match, team=liverpool, kind="substitution", period=2, minute=61, player_in=salah,
                player=make_player(),
            )  # fmt: skip
        MatchEvent.objects.create(
            match=match, team=liverpool, kind="goal", goal_type="penalty", period=2, minute=88, player=salah
        )
        MatchEvent.objects.create(
            match=match, team=liverpool, kind="yellow", period=2, minute=90, player=salah
        )
    return salah


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    return page


def test_each_match_reads_as_one_line_on_a_desktop(live_site, browser):
    salah = _salah()
    page = _open(browser, live_site + salah.get_absolute_url(), 1366)
    rows = page.evaluate(ROW_BOXES)
    assert len(rows) == 4
    for row in rows:
        assert row["height"] < 2 * row["lineHeight"], f"{row['text']!r} wraps over {row['height']}px"
        for part in ("opponent", "score", "minutes"):
            assert abs(row[part] - row["date"]) < 3, f"{part} of {row['text']!r} is off the date's line"


def test_the_page_reads_on_a_phone_without_sideways_scrolling(live_site, browser):
    salah = _salah()
    page = _open(browser, live_site + salah.get_absolute_url(), 390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate(WIDEST) <= 390
    assert page.locator(".player-match").count() == 4
    # The season's figures still sit three to a row.
    tops = page.eval_on_selector_all(".player-numbers__item", "(items) => items.map((i) => i.offsetTop)")
    assert tops[0] == tops[1] == tops[2] < tops[3]


def test_a_scorers_name_on_the_match_page_leads_to_his_page(live_site, browser):
    salah = _salah()
    match = salah.events.get(
        kind="goal", match__home_team__name="Liverpool", match__away_team__name="Atalanta"
    )
    page = _open(browser, live_site + match.match.get_absolute_url(), 1366)
    page.locator(".scoreboard__team--home .key-events--goals .key-event__player", has_text="Salah").click()
    page.wait_for_url(live_site + salah.get_absolute_url())
    assert page.locator("h1").inner_text() == "Mohamed Salah"
    assert "Liverpool" in page.locator(".player-header__club").inner_text()
    assert page.locator(".player-numbers__item").first.inner_text().split("\n")[:2] == ["APPEARANCES", "4"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_has_no_serious_accessibility_violation(live_site, browser, scheme):
    try:
        axe = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.skip("the axe-playwright-python package is not installed (make test installs it)")
    salah = _salah()
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_site + salah.get_absolute_url())
    page.evaluate(axe)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    context.close()
    found = [(v["id"], v["help"]) for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not found


def test_a_regulars_figures_by_competition_show_whole_on_a_phone(live_site, browser):
    """A goalkeeper of the demo's season: four-figure minutes in two competitions, seven columns
    in the width of a phone's card, the last (red cards) not cut off."""
    load_demo(now=timezone.now())
    keeper = Player.objects.get(name="Alisson Becker")
    page = _open(browser, live_site + keeper.get_absolute_url(), 390)
    card = page.locator(".player-record").first.evaluate(
        "(t) => t.parentElement.getBoundingClientRect().right"
    )
    last = page.locator(".player-record thead th").last.evaluate("(th) => th.getBoundingClientRect().right")
    assert last <= card + 0.5
