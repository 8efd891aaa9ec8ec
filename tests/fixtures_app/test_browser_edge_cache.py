"""The match page every anonymous reader shares, in Chromium: the same bytes in New York and Tokyo,
each reader's kick-off put in their zone by the page's script (UK time without it), and the poll
and the newsletter working from it without a per-reader token, while a forged POST from another
site is refused."""

import datetime as dt
import re
import urllib.request

import pytest
from django.utils import timezone

from newsletter.models import Subscriber
from polls.models import Vote
from tests.factories import make_open_poll

pytestmark = pytest.mark.browser

KICKOFF = dt.datetime(2030, 4, 18, 19, 0, tzinfo=dt.UTC)  # 20:00 in London, 15:00 in New York


@pytest.fixture
def poll():
    poll = make_open_poll()
    poll.match.kickoff = KICKOFF
    poll.match.save(update_fields=["kickoff"])
    return poll


def kick_off(page) -> str:
    return page.locator(".match-header__meta > span").first.inner_text()


def test_readers_in_two_zones_get_the_same_bytes_and_their_own_kick_off_time(live_site, browser, poll):
    url = live_site + poll.match.get_absolute_url()
    bodies, shown = [], []
    for zone in ("America/New_York", "Asia/Tokyo"):
        page = browser.new_context(timezone_id=zone, locale="en-US").new_page()
        page.goto(url)
        page.wait_for_function("document.cookie.includes('tz=')")  # the script has said its zone
        response = page.reload()  # now with the tz cookie a personalised page would have read
        assert "public" in response.headers["cache-control"]
        assert "set-cookie" not in response.headers
        bodies.append(response.body())
        shown.append(kick_off(page))
    assert bodies[0] == bodies[1]
    assert shown == [
        "Kick-off Thursday, 18 April 2030, 15:00 (20:00 UK time)",
        "Kick-off Friday, 19 April 2030, 04:00 (20:00 UK time)",
    ]


def test_without_script_the_kick_off_is_in_uk_time(live_site, browser, poll):
    page = browser.new_context(java_script_enabled=False, timezone_id="Asia/Tokyo").new_page()
    page.goto(live_site + poll.match.get_absolute_url())
    assert kick_off(page) == "Kick-off Thursday 18 April 2030, 20:00 UK time"


def views_of_the_vote(live_site: str) -> float:
    """How many requests this server's process has answered with the vote view (its metrics)."""
    metrics = urllib.request.urlopen(live_site + "/metrics").read().decode()
    found = re.search(r'matchcentre_request_duration_seconds_count\{view="polls:vote"\} (\S+)', metrics)
    return float(found.group(1)) if found else 0.0


def test_a_fan_votes_and_signs_up_from_the_shared_page(live_site, browser, poll):
    views_before = views_of_the_vote(live_site)
    page = browser.new_context().new_page()
    response = page.goto(live_site + poll.match.get_absolute_url())
    assert "csrfmiddlewaretoken" not in response.text()
    section = page.locator("#poll")
    home = poll.match.home_team.name
    section.get_by_role("button", name=home).click()
    section.locator(".poll__option--chosen .poll__yours").wait_for()
    assert section.locator(".poll__total").inner_text() == "1 vote"
    assert list(Vote.objects.filter(poll=poll).values_list("option__key", flat=True)) == ["home"]
    # The script's own token took the vote through the fast lane, which Django's metrics never see.
    assert views_of_the_vote(live_site) == views_before

    box = page.locator("section.newsletter")
    box.get_by_label("Your email address").fill("fan@example.com")
    box.get_by_role("button", name="Sign up").click()
    box.get_by_role("status").get_by_text("Almost there").wait_for()
    assert Subscriber.objects.filter(email="fan@example.com").exists()

    # Having voted, the fan's page is their own: it shows their vote and is private.
    again = page.reload()
    assert "private" in again.headers["cache-control"]
    section.locator(".poll__option--chosen .poll__yours").wait_for()


def test_a_forged_post_from_another_site_is_refused(live_site, browser, poll):
    vote_url = f"{live_site}/polls/{poll.pk}/vote/"
    option = poll.options.get(key="away").pk
    forged = f"""<!doctype html>
        <form method="post" action="{vote_url}"><input name="option" value="{option}"></form>
        <form method="post" action="{live_site}/newsletter/">
          <input name="email" value="forged@example.com"></form>"""
    page = browser.new_context().new_page()
    page.route("http://evil.example/", lambda route: route.fulfill(content_type="text/html", body=forged))
    for index in range(2):
        page.goto("http://evil.example/")
        with page.expect_navigation() as sent:
            page.locator("form").nth(index).evaluate("form => form.submit()")
        assert sent.value.status == 403
    assert not Vote.objects.exists()
    assert not Subscriber.objects.exists()
    assert timezone.now() < KICKOFF  # the poll was open: only the forgery was refused
