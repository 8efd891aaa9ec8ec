"""A fan votes on the match page; another fan's vote shows on the first fan's page live."""

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match

pytestmark = pytest.mark.browser


def test_fan_votes_and_sees_a_second_fans_vote_arrive_live(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.filter(status="scheduled", home_team__name="Liverpool").get()
    url = live_site + match.get_absolute_url()
    first = browser.new_context().new_page()
    first.goto(url)
    first.wait_for_function("document.querySelector('[data-live-match]') && window.MatchCentreLive")
    poll = first.locator("#poll")
    poll.get_by_role("button", name="Liverpool").click()
    chosen = poll.locator(".poll__option--chosen")
    chosen.locator(".poll__yours").wait_for()
    assert "Liverpool" in chosen.inner_text()
    assert poll.locator(".poll__total").inner_text() == "1 vote"
    assert "100.0%" in chosen.inner_text()

    second = browser.new_context().new_page()
    second.goto(url)
    second.locator("#poll").get_by_role("button", name="Manchester City").click()
    second.locator("#poll .poll__option--chosen .poll__yours").wait_for()

    # The first fan's page, untouched, follows without a reload.
    first.wait_for_function(
        "document.querySelector('#poll .poll__total').textContent === '2 votes'", timeout=5000
    )
    percents = poll.locator(".poll__percent").all_inner_texts()
    assert percents == ["50.0%", "0.0%", "50.0%"]
    assert "Your vote" in poll.locator(".poll__option--chosen").inner_text()
