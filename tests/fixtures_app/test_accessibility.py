"""An automated accessibility check: axe-core runs in headless Chromium on the pages fans open
(the seed match, the home page, a table, a match in play), in the light and the dark colour
scheme, and finds no serious or critical violation.

axe-core comes from the pinned axe-playwright-python package (it ships axe.min.js, axe-core
4.12.1, MPL-2.0), read from disk and injected into the page: nothing is downloaded.
"""

from importlib import resources

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match
from fixtures_app.selectors.live import chart_html
from fixtures_app.selectors.match import match_for_page, match_page
from football.status import PLAYING_PERIODS

pytestmark = pytest.mark.browser

BLOCKING = frozenset({"serious", "critical"})
# Until the match page includes the chart itself, the check puts it where it goes, so its
# SVG, title and colours are checked too; once the page has #match-chart this does nothing.
PLACE_CHART = """html => {
  if (document.getElementById("match-chart")) return;
  const section = document.createElement("section");
  section.className = "card";
  section.setAttribute("aria-labelledby", "chart-heading");
  section.innerHTML = '<h2 id="chart-heading">Match flow</h2><div id="match-chart">' + html + "</div>";
  document.querySelector(".layout__main").prepend(section);
}"""


@pytest.fixture
def axe_source() -> str:
    try:
        package = resources.files("axe_playwright_python")
    except ModuleNotFoundError:
        pytest.skip("the axe-playwright-python package is not installed (make test installs it)")
    return (package / "axe.min.js").read_text(encoding="utf-8")


def fan_pages() -> list[tuple[str, Match | None]]:
    """(path, match shown) for each page checked."""
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool", leg=2)
    in_play = Match.objects.filter(status__in=PLAYING_PERIODS).select_related("stage__season__competition")
    live = in_play.order_by("kickoff").first()
    season = live.stage.season
    table = f"/competitions/{season.competition.slug}/{season.slug}/table/"
    return [(seed.get_absolute_url(), seed), ("/", None), (table, None), (live.get_absolute_url(), live)]


def violations(page, axe_source: str) -> list[dict]:
    page.evaluate(axe_source)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [violation for violation in results["violations"] if violation["impact"] in BLOCKING]


def describe(found: list[tuple[str, str, dict]]) -> str:
    lines = []
    for scheme, path, violation in found:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        lines.append(
            f"{scheme} {path}: {violation['impact']} {violation['id']} — {violation['help']}: {targets}"
        )
        lines.extend(f"    {node['failureSummary']}" for node in violation["nodes"][:2])
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_fan_pages_have_no_serious_accessibility_violation(live_site, browser, axe_source, scheme):
    load_demo(now=timezone.now())
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = []
    for path, match in fan_pages():
        page.goto(live_site + path)
        if match is not None:
            shown = match_page(match_for_page(match.pk), now=timezone.now())
            page.evaluate(PLACE_CHART, chart_html(shown, now=timezone.now()))
        if match is not None and not match.is_finished:
            page.wait_for_selector("[data-live-status][data-state='live']")
        found.extend((scheme, path, violation) for violation in violations(page, axe_source))
    context.close()
    assert not found, "axe-core found serious or critical violations:\n" + describe(found)


def test_match_page_on_a_phone_has_no_serious_accessibility_violation(live_site, browser, axe_source):
    load_demo(now=timezone.now())
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool", leg=2)
    context = browser.new_context(color_scheme="dark", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_site + seed.get_absolute_url())
    page.evaluate(
        PLACE_CHART, chart_html(match_page(match_for_page(seed.pk), now=timezone.now()), now=timezone.now())
    )
    found = [("dark", seed.get_absolute_url(), violation) for violation in violations(page, axe_source)]
    context.close()
    assert not found, "axe-core found serious or critical violations:\n" + describe(found)


def test_editors_console_has_no_serious_accessibility_violation(live_site, browser, axe_source):
    load_demo(now=timezone.now())
    live = Match.objects.filter(status__in=PLAYING_PERIODS).order_by("kickoff").first()
    found = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(live_site + "/accounts/login/")
        page.fill("input[name=username]", "editor")
        page.fill("input[name=password]", "matchcentre-demo")
        page.click("button[type=submit]")
        for path in ("/console/", f"/console/matches/{live.pk}/"):
            page.goto(live_site + path)
            assert page.url == live_site + path, "the demo editor could not sign in"
            found.extend((scheme, path, violation) for violation in violations(page, axe_source))
        context.close()
    assert not found, "axe-core found serious or critical violations:\n" + describe(found)
