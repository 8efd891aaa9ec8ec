"""A club's page laid out in headless Chromium: rows of one line on a desktop, nothing wider
than a phone, the cards about now side by side where they fit, and no serious accessibility
violation in either colour scheme."""

import datetime as dt

import pytest
from django.utils import timezone

from fixtures_app.models import Competition, SquadMember, Stage
from tests.factories import (
    make_competition,
    make_match,
    make_player,
    make_result,
    make_season,
    make_stage,
    make_team,
)
from tests.fixtures_app.test_accessibility import axe_source, describe, violations  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser
# Results on Wednesdays, the widest days to write ("Wed 28 Oct 2026").
WEDNESDAY = dt.datetime(2026, 11, 25, 19, 45, tzinfo=dt.UTC)

# Each result row's link and its parts, the body's line height; and every element's right edge.
RESULT_ROWS = """() => {
  const lineHeight = parseFloat(getComputedStyle(document.body).lineHeight);
  const parts = ['.game-row__date', '.game-row__when', '.game-row__side--first', '.game-row__score',
                 '.game-row__side--second', '.game-row__competition'];
  return [...document.querySelectorAll('.team-games .game-row')].map((row) => {
    const boxes = parts.map((s) => {
      const el = row.querySelector(s);
      const range = document.createRange();
      range.selectNodeContents(el);  // the text itself, which may spill out of its column
      const text = range.getBoundingClientRect();
      return {left: text.left, right: text.right, mid: (text.top + text.bottom) / 2};
    });
    const height = row.querySelector('a').getBoundingClientRect().height;
    return {text: row.innerText, height, boxes, lineHeight};
  });
}"""
TOO_WIDE = """() => [...document.querySelectorAll('main *')]
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
  .map((el) => el.outerHTML.slice(0, 120))"""
CARD_TOPS = """() => Object.fromEntries(['.team-match', '.team-form', '.team-h2h'].map(
  (s) => [s, Math.round(document.querySelector(s).getBoundingClientRect().top)]))"""


def club_with_a_season() -> str:
    """Wolverhampton Wanderers (long names on both sides) in a league and a cup, with a squad."""
    now = timezone.now()
    league = make_stage(make_season(make_competition("Premier League"), name="2026/27"))
    cup = make_stage(
        make_season(make_competition("Carabao Cup", kind=Competition.Kind.CUP), name="2026/27"),
        name="Quarter-finals",
        kind=Stage.Kind.KNOCKOUT,
    )
    wolves = make_team("Wolverhampton Wanderers", short_name="Wolves", country="England")
    rivals = [
        make_team(name, short_name=short)
        for name, short in [
            ("Brighton & Hove Albion", "Brighton"),
            ("Nottingham Forest", "Nott'm Forest"),
            ("Tottenham Hotspur", "Tottenham"),
            ("Manchester United", "Man Utd"),
            ("Crystal Palace", ""),
            ("Sheffield Wednesday", ""),
        ]
    ]
    for number, rival in enumerate(rivals):
        home, away = (wolves, rival) if number % 2 else (rival, wolves)
        stage = cup if rival.name == "Sheffield Wednesday" else league
        make_result(home, away, stage, (number % 3, 1), kickoff=WEDNESDAY - dt.timedelta(days=7 * number))
        make_match(away, home, league, kickoff=now + dt.timedelta(days=7 * (number + 1)))
    for number, (name, position) in enumerate(
        [("José Sá", "Goalkeeper"), ("Rayan Aït-Nouri", "Defender"), ("João Gomes", "Midfielder"),
         ("Jørgen Strand Larsen", "Forward"), ("Matheus Cunha", "Forward")],
        start=1,
    ):  # fmt: skip
        SquadMember.objects.create(
            season=league.season,
            team=wolves,
            player=make_player(name, position=position),
            shirt_number=number,
        )
    return f"/teams/{wolves.slug}/"


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    return page


def test_each_result_reads_as_one_line_on_a_desktop(live_site, browser):
    page = _open(browser, live_site + club_with_a_season(), 1366)
    rows = page.evaluate(RESULT_ROWS)
    tops = page.evaluate(CARD_TOPS)
    page.close()
    assert len(rows) == 12  # six results and six fixtures
    for row in rows:
        assert row["height"] < 2 * row["lineHeight"], f"{row['text']!r} wraps over {row['height']}px"
        mids = [box["mid"] for box in row["boxes"]]
        assert max(mids) - min(mids) < 3, f"{row['text']!r}: its parts are not on one line"
        for left, right in zip(row["boxes"], row["boxes"][1:], strict=False):
            assert left["right"] <= right["left"] + 1, f"{row['text']!r}: its parts overlap"
    # The next match, form and head-to-head stand side by side.
    assert len(set(tops.values())) == 1, tops


def test_nothing_is_wider_than_a_phone(live_site, browser):
    page = _open(browser, live_site + club_with_a_season(), 390)
    too_wide = page.evaluate(TOO_WIDE)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    tops = page.evaluate(CARD_TOPS)
    squad = page.locator(".team-squad").inner_text()
    page.close()
    assert too_wide == []
    assert scroll_width <= 390
    # One column: the cards about now come one under another.
    assert tops[".team-match"] < tops[".team-form"] < tops[".team-h2h"], tops
    assert "GOALKEEPERS" in squad and "José Sá" in squad


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_club_page_has_no_serious_accessibility_violation(live_site, browser, axe_source, scheme):  # noqa: F811
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    path = club_with_a_season()
    page.goto(live_site + path)
    found = [(scheme, path, violation) for violation in violations(page, axe_source)]
    context.close()
    assert not found, "axe-core found serious or critical violations:\n" + describe(found)
