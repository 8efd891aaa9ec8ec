"""The match-flow chart follows a match in play on the fan's page."""

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match, Player
from fixtures_app.services.events import match_record_event

pytestmark = pytest.mark.browser
# Until the match page includes the chart itself, the test gives it the box live.js fills.
CHART_BOX = """() => {
  if (document.getElementById("match-chart")) return;
  const box = document.createElement("div");
  box.id = "match-chart";
  document.querySelector(".layout__main").prepend(box);
}"""
# The change reaches the page as the update log has it (written by this test's process).
CATCH_UP = """url => fetch(url)
  .then(response => response.json())
  .then(body => body.messages.forEach(window.MatchCentreLive.handle))"""


def test_a_goal_redraws_the_chart_on_the_fans_page(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    fan = browser.new_context().new_page()
    fan.goto(live_site + match.get_absolute_url())
    fan.evaluate(CHART_BOX)
    seq = fan.evaluate("window.MatchCentreLive.seq()")

    jackson = Player.objects.get(known_as="Jackson")
    match_record_event(match=match, kind="goal", minute=60, team=match.away_team, player=jackson)
    fan.evaluate(CATCH_UP, f"{live_site}/matches/{match.pk}/updates?since={seq}")

    chart = fan.locator("#match-chart svg[role=img]")
    # The page already has a chart: wait for the one the catch-up redraws.
    fan.wait_for_function(
        "() => (document.querySelector('#match-chart svg') || {}).textContent?.includes('CHE 2')",
        timeout=5000,
    )
    assert "CHE 2" in chart.text_content()
    assert "Jackson scored for Chelsea on 60 minutes" in chart.locator("desc").text_content()
