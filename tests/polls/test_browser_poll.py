"""A fan votes on the match page; another fan's vote shows on the first fan's page live; a vote
whose answer is lost is sent again and counted once; every poll of the match is on its page."""

import urllib.request

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match
from polls.models import Vote
from tests.factories import make_open_poll, make_poll

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


def _send_past_the_browser(request) -> int:
    """Sends the page's request to the server as it is; the answer never reaches the page."""
    headers = {
        name: value for name, value in request.all_headers().items() if name not in {"host", "content-length"}
    }
    # Chromium adds the fetch metadata after Playwright sees the request: a vote from the page's
    # own origin says so (matchcentre/csrf.py), as the page carries no per-reader token.
    headers.setdefault("sec-fetch-site", "same-origin")
    sent = urllib.request.Request(
        request.url, data=request.post_data_buffer, headers=headers, method=request.method
    )
    with urllib.request.urlopen(sent) as answer:
        return answer.status


def test_a_vote_whose_answer_is_lost_is_sent_again_and_counted_once(live_site, browser):
    poll = make_open_poll()
    page = browser.new_context().new_page()
    lost: list[int] = []

    def lose_the_first_answer(route, request):
        if lost:
            route.continue_()
            return
        # The vote reaches the server and is counted; its answer (and the cookie in it) is lost.
        lost.append(_send_past_the_browser(request))
        route.abort("connectionreset")

    page.route("**/polls/*/vote/", lose_the_first_answer)
    page.goto(live_site + poll.match.get_absolute_url())
    section = page.locator("#poll")
    away = poll.match.away_team.name
    section.get_by_role("button", name=away).click()
    section.locator(".poll__option--chosen .poll__yours").wait_for()

    assert lost == [200]
    assert list(Vote.objects.filter(poll=poll).values_list("option__key", flat=True)) == ["away"]
    assert section.locator(".poll__total").inner_text() == "1 vote"
    assert section.locator(".poll__message").inner_text() == f"Thanks, your vote for {away} is in."


def test_every_poll_of_the_match_is_on_its_page_and_follows_live(live_site, browser):
    main = make_open_poll()
    second = make_poll(main.match, question="Man of the match?", options=[("a", "Saka"), ("b", "Rice")])
    url = live_site + main.match.get_absolute_url()
    first = browser.new_context().new_page()
    first.goto(url)
    first.wait_for_function("document.querySelector('[data-live-match]') && window.MatchCentreLive")
    sections = first.locator("section.poll")
    assert [s.get_attribute("id") for s in sections.all()] == ["poll", f"poll-{second.pk}"]

    other = browser.new_context().new_page()
    other.goto(url)
    other.locator(f"#poll-{second.pk}").get_by_role("button", name="Rice").click()
    other.locator(f"#poll-{second.pk} .poll__option--chosen .poll__yours").wait_for()

    # The first fan's page follows the second poll without a reload; the main poll is untouched.
    first.wait_for_function(
        f"document.querySelector('#poll-{second.pk} .poll__total').textContent === '1 vote'", timeout=5000
    )
    assert first.locator(f"#poll-{second.pk} .poll__percent").all_inner_texts() == ["0.0%", "100.0%"]
    assert first.locator("#poll .poll__total").inner_text() == "No votes yet."

    first.locator(f"#poll-{second.pk}").get_by_role("button", name="Saka").click()
    first.locator(f"#poll-{second.pk} .poll__option--chosen .poll__yours").wait_for()
    assert first.locator(f"#poll-{second.pk} .poll__total").inner_text() == "2 votes"
    assert first.locator("#poll .poll__message").inner_text() == ""
    assert Vote.objects.filter(poll=second).count() == 2
