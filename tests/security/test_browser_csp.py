"""Every page works under the Content-Security-Policy, in headless Chromium, and nothing is refused.

Chromium reports each load or inline code the policy refuses as a `securitypolicyviolation`
event and a console message ("…violates the following Content Security Policy directive…");
the pages below are used as a fan and an editor use them and must bring neither.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from demo.loader import load_demo
from fixtures_app.models import Match, Team
from tests.fixtures_app.test_browser_live import score_of, sign_in, wait_for_score

pytestmark = pytest.mark.browser

# Each refusal also said on the console, where the test hears it whatever page it happened on.
REPORT_REFUSALS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP refused ${event.effectiveDirective}: ${event.blockedURI || "inline"}`
    + ` (${event.sourceFile}:${event.lineNumber})`);
});
"""
REFUSAL = re.compile(r"Content Security Policy|CSP refused")
# How much of each answer's bar is filled (its painted part: the fill, or the shape drawn in it).
BAR_SHARES = """poll => [...poll.querySelectorAll(".poll__bar")].map(bar => {
  const fill = bar.querySelector(".poll__fill");
  const painted = (fill.firstElementChild || fill).getBoundingClientRect().width;
  return Math.round(100 * painted / bar.getBoundingClientRect().width) / 100;
})"""
PLANTED = '<script>window.planted = true;</script><p class="planted" style="color: red">Planted</p>'


class Watched:
    """A browser context whose pages' refusals are collected in `refused`."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(viewport={"width": 1366, "height": 900}, **options)
        self.context.add_init_script(REPORT_REFUSALS)
        self.refused: list[str] = []
        self.context.on("console", self._heard)

    def _heard(self, message) -> None:
        if REFUSAL.search(message.text):
            self.refused.append(f"{message.page.url if message.page else '?'}: {message.text}")

    def page(self):
        return self.context.new_page()


def test_fan_pages_work_under_the_policy(live_site, browser):
    load_demo(now=timezone.now())
    fan = Watched(browser, permissions=["clipboard-read", "clipboard-write"])
    page = fan.page()
    in_play = Match.objects.in_play().football().get()
    season = in_play.stage.season

    page.goto(live_site + "/")
    page.locator(f"[data-match-row='{in_play.pk}']").first.wait_for()

    page.goto(live_site + f"/competitions/{season.competition.slug}/{season.slug}/table/")
    assert page.locator(".league-table__row", has_text="Chelsea").count() == 1

    chelsea = Team.objects.get(name="Chelsea")
    page.goto(live_site + f"/teams/{chelsea.slug}/")
    assert "Chelsea" in page.locator("h1").inner_text()

    # The chart's team colours: the paint site.css picks, drawn from the chart's own definitions.
    page.goto(live_site + in_play.get_absolute_url())
    page.locator("[data-live-status][data-state=live]").wait_for()
    home_line = page.locator(".flow__svg .flow__line--home").first
    assert "#flow-home-light" in home_line.evaluate("line => getComputedStyle(line).stroke")
    assert page.locator("#flow-home-light stop").get_attribute("stop-color").startswith("#")

    article = Article.objects.published(timezone.now()).first()
    page.goto(live_site + article.get_absolute_url())
    copy = page.get_by_role("button", name="Copy link")
    copy.click()  # visible only once share.js ran
    expect(page.locator(".share__status")).to_have_text("Link copied.")  # once the copy's promise settles
    assert page.locator(".share__link--facebook").get_attribute("href").startswith("https://")

    page.goto(live_site + "/accounts/login/")
    assert page.locator("#id_username").is_visible()

    liverpool_city = Match.objects.get(status="scheduled", home_team__name="Liverpool")
    page.goto(live_site + liverpool_city.get_absolute_url())
    page.wait_for_function("window.MatchCentreLive")
    # The bars as the server drew them (a style="" width would have been refused, every bar full).
    assert page.locator("#poll").evaluate(BAR_SHARES) == [0.0, 0.0, 0.0]
    page.locator("#poll").get_by_role("button", name="Liverpool").click()
    page.locator("#poll .poll__option--chosen .poll__yours").wait_for()
    assert page.locator("#poll .poll__total").inner_text() == "1 vote"
    # and as the vote's answer redraws them (the bar grows in a short transition).
    page.wait_for_function(f"() => ({BAR_SHARES})(document.querySelector('#poll')).join() === '1,0,0'")

    assert not fan.refused, "\n".join(fan.refused)


def test_live_match_console_admin_and_api_docs_work_under_the_policy(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    fan, editor = Watched(browser), Watched(browser)
    stand = fan.page()
    stand.goto(live_site + match.get_absolute_url())
    stand.locator("[data-live-status][data-state=live]").wait_for()  # the websocket is open
    assert score_of(stand) == "2–1"

    desk = editor.page()
    sign_in(desk, live_site)
    desk.goto(live_site + f"/console/matches/{match.pk}/")
    desk.locator("[data-sync].is-live").wait_for()
    desk.click("[data-kind=goal]")
    entry = desk.locator("#entry-goal")
    entry.get_by_label("Chelsea").check()
    picker = entry.locator("select[name=player]")
    picker.select_option(value=picker.locator("option", has_text="Jackson").first.get_attribute("value"))
    entry.get_by_role("button", name="Save").click()
    wait_for_score(stand, "2–2")  # the goal reached the fan's page over its socket
    assert "Jackson (Chelsea) scores." in stand.locator("#timeline .timeline__entry").first.inner_text()

    desk.goto(live_site + "/admin/fixtures_app/match/")
    desk.locator("#action-toggle").check()  # the admin's own scripts count the rows chosen
    assert "selected" in desk.locator(".action-counter").inner_text()

    desk.goto(live_site + "/api/docs")
    operations = desk.locator(".opblock-summary-path")
    operations.first.wait_for()
    assert any("/api/v1/matches" in path for path in operations.all_inner_texts())

    assert not fan.refused, "\n".join(fan.refused)
    assert not editor.refused, "\n".join(editor.refused)


def test_an_inline_script_planted_in_a_page_is_refused_and_reported(live_site, browser):
    load_demo(now=timezone.now())
    fan = Watched(browser)
    page = fan.page()

    def plant(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</main>", PLANTED + "</main>"))

    page.route(live_site + "/", plant)
    page.goto(live_site + "/")
    page.locator(".planted").wait_for()

    assert page.evaluate("window.planted") is None
    assert page.locator(".planted").evaluate("p => getComputedStyle(p).color") != "rgb(255, 0, 0)"
    page.evaluate("1")  # the refusals' console messages, sent before, have arrived
    assert any("script-src-elem" in line for line in fan.refused), fan.refused
    assert any("style-src-attr" in line for line in fan.refused), fan.refused
