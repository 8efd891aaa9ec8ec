"""The pages' one socket helper (static/site/socket.js) and the rules the server renders into
the page (static/site/match_rules.js), in headless Chromium: how long a page waits before it
reconnects, what it asks for when it does, and the clock and scores the rules drive."""

import datetime as dt
import json
import socket
import time

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match, Player
from fixtures_app.services.events import match_record_event
from football.clock import clock_display
from live import realtime
from tests.fixtures_app.test_browser_live import score_of, sign_in, wait_for_score

pytestmark = pytest.mark.browser

# Every socket the page opens is kept in `window.sockets`, those to its match also in
# `window.matchSockets` (the Today's games strip has a scores socket of its own, with waits of
# its own); with `window.deadAddress` set, the page's sockets go there instead, where nothing
# answers, so each attempt fails at once.
# `window.waits`: the time, by the page's clock, from each close of the match socket to the next.
# The dead address is another port, which the site's Content-Security-Policy (connect-src 'self')
# would refuse before any attempt: pages that go there are opened with the policy bypassed.
WATCH_SOCKETS = """
window.sockets = [];
window.waits = [];
let closedAt = null;
const Native = window.WebSocket;
window.matchSockets = [];
window.WebSocket = class extends Native {
  constructor(url, protocols) {
    const toMatch = url.includes("/ws/matches/");
    if (toMatch && closedAt !== null) window.waits.push(Date.now() - closedAt);
    super(window.deadAddress ? url.replace(location.host, window.deadAddress) : url, protocols);
    this.asked = url;
    window.sockets.push(this);
    if (!toMatch) return;
    window.matchSockets.push(this);
    this.addEventListener("close", () => { closedAt = Date.now(); });
  }
};
"""


def unused_address() -> str:
    """An address on this machine where nothing listens: the server has gone away."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{probe.getsockname()[1]}"


def wait_until_closed(page, timeout: float = 5, sockets: str = "matchSockets") -> None:
    """Waits in real time (the page's own clock stands still) until the page's last attempt has
    failed: its match socket's, or with `sockets="sockets"` any socket's."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"window.{sockets}.at(-1)?.readyState === WebSocket.CLOSED"):
        assert time.monotonic() < deadline, "the page's socket did not close"
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("random", "expected"),
    [
        # The most jitter takes off: half of each wait.
        (0.0, [500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]),
        # The least: the wait doubles from 1 s and never reaches 30 s.
        (0.999999, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]),
    ],
)
def test_reconnect_waits_double_from_one_second_and_stay_under_thirty_jitter_included(
    live_site, browser, random, expected
):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    fan = browser.new_context(bypass_csp=True).new_page()
    fan.clock.install()
    fan.add_init_script(f"Math.random = () => {random}; window.deadAddress = {json.dumps(unused_address())};")
    fan.add_init_script(WATCH_SOCKETS)
    fan.goto(live_site + match.get_absolute_url())
    seq = match.seq

    for _attempt in range(3 * len(expected)):  # bounded: a page that stops trying fails the test
        if len(fan.evaluate("window.waits")) >= len(expected):
            break
        wait_until_closed(fan)
        fan.clock.run_for(30_000)  # longer than any wait: the page tries again within it

    waits = fan.evaluate("window.waits")[: len(expected)]
    assert all(wait < 30_000 for wait in waits), waits
    assert waits == pytest.approx(expected, abs=1), waits
    # Every attempt asks for what came after the last update the page shows.
    asked = fan.evaluate("window.matchSockets.map(socket => socket.asked)")
    assert all(url.endswith(f"/ws/matches/{match.pk}/?since={seq}") for url in asked), asked
    assert fan.locator("[data-live-status]").inner_text() == "Reconnecting…"


def record_goal_through_the_console(desk, live_site: str, match: Match) -> None:
    """Jackson scores, as an editor's console records it on the server the fans are connected to."""
    jackson = Player.objects.get(known_as="Jackson")
    token = next(cookie["value"] for cookie in desk.context.cookies() if cookie["name"] == "csrftoken")
    response = desk.request.post(
        live_site + f"/console/matches/{match.pk}/events/",
        form={"kind": "goal", "minute": "60", "team": str(match.away_team_id), "player": str(jackson.pk)},
        headers={"X-CSRFToken": token, "Accept": "application/json", "Referer": live_site + "/"},
    )
    assert response.ok and response.json()["ok"], response.text()


def test_a_page_that_reconnects_gets_what_it_missed_over_the_socket(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    fan = browser.new_context(bypass_csp=True).new_page()
    fan.add_init_script(WATCH_SOCKETS)
    polled = []
    fan.on("request", lambda request: "/updates" in request.url and polled.append(request.url))
    fan.goto(live_site + match.get_absolute_url())
    fan.locator("[data-live-status][data-state=live]").wait_for()
    seq = fan.evaluate("window.MatchCentreLive.seq()")

    # The fan's connection drops, and the server is out of reach while a goal is scored.
    cut = "dead => { window.deadAddress = dead; window.matchSockets.at(-1).close(); }"
    fan.evaluate(cut, unused_address())
    fan.locator("[data-live-status][data-state=reconnecting]").wait_for()
    record_goal_through_the_console(desk, live_site, match)
    assert score_of(fan) == "2–1"
    fan.evaluate("window.deadAddress = null")  # the network is back

    wait_for_score(fan, "2–2")
    assert fan.evaluate("window.matchSockets.at(-1).asked").endswith(f"/ws/matches/{match.pk}/?since={seq}")
    assert "Jackson (Chelsea) scores." in fan.locator("#timeline .timeline__entry").first.inner_text()
    assert fan.evaluate("window.MatchCentreLive.seq()") == seq + 1
    fan.locator("[data-live-status][data-state=live]").wait_for()
    assert polled == []  # the socket brought it, not the HTTP fallback


def test_a_gap_in_the_numbers_asks_the_open_socket_to_catch_up(live_site, browser, monkeypatch):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    fan = browser.new_context().new_page()
    sent = []
    fan.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(json.loads(frame))))
    fan.goto(live_site + match.get_absolute_url())
    fan.locator("[data-live-status][data-state=live]").wait_for()
    seq = fan.evaluate("window.MatchCentreLive.seq()")

    # A goal the page is not told of: written by the test's own process, which publishes nothing
    # (with Redis it would reach the server's hub), so only the update log has it.
    monkeypatch.setattr(realtime, "publish", lambda group, text: None)
    jackson = Player.objects.get(known_as="Jackson")
    match_record_event(match=match, kind="goal", minute=60, team=match.away_team, player=jackson)
    # A change numbered two past the page's last: the one between is missing.
    fan.evaluate(
        "seq => window.MatchCentreLive.handle({type: 'stats_changed', seq, entries: {}, order: []})", seq + 2
    )

    wait_for_score(fan, "2–2")
    assert sent == [{"type": "catch_up", "since": seq}]
    assert fan.evaluate("window.MatchCentreLive.seq()") == seq + 1


def test_the_clock_ticks_as_the_server_counts(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    started = match.period_started_at
    fan = browser.new_context().new_page()
    fan.clock.set_fixed_time(started + dt.timedelta(minutes=12, seconds=30))
    fan.goto(live_site + match.get_absolute_url())
    shown = []
    # Inside the period's regular minutes, at a minute's turn, and into added time.
    for after in (dt.timedelta(minutes=12, seconds=30), dt.timedelta(minutes=13), dt.timedelta(minutes=47)):
        now = started + after
        fan.clock.set_fixed_time(now)
        expected = clock_display(match.status, started, now)
        fan.wait_for_function(
            "text => document.querySelector('#scoreboard .scoreboard__status').innerText === text",
            arg=expected,
            timeout=3000,
        )
        shown.append(expected)
    assert shown == ["58'", "59'", "90+3'"]  # the demo's match is in the second half


def test_home_page_row_shows_full_time_when_the_match_finishes(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    fan = browser.new_context().new_page()
    fan.add_init_script(WATCH_SOCKETS)
    fan.goto(live_site + "/")
    row = fan.locator(f"[data-match-row='{match.pk}']").first
    assert "is-live" in row.get_attribute("class")
    fan.wait_for_function("() => window.sockets.at(-1)?.readyState === WebSocket.OPEN")

    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    desk.goto(live_site + f"/console/matches/{match.pk}/")
    token = next(c["value"] for c in desk.context.cookies() if c["name"] == "csrftoken")
    response = desk.request.post(
        live_site + f"/console/matches/{match.pk}/status/",
        form={"status": "full_time"},
        headers={"X-CSRFToken": token, "Accept": "application/json", "Referer": live_site + "/"},
    )
    assert response.ok and response.json()["ok"], response.text()

    fan.wait_for_function(
        "id => document.querySelector(`[data-match-row='${id}'] .match-row__time`).innerText === 'FT'",
        arg=match.pk,
        timeout=5000,
    )
    assert "is-live" not in row.get_attribute("class")


def test_pages_run_their_scripts_without_errors(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    season = match.stage.season
    page = browser.new_context().new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on(
        "console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}")
    )
    modules = []
    page.on("response", lambda response: response.url.endswith(".js") and modules.append(response))

    for path in ("/", f"/competitions/{season.competition.slug}/{season.slug}/table/"):
        page.goto(live_site + path)
        page.wait_for_load_state("networkidle")
    page.goto(live_site + match.get_absolute_url())
    page.locator("[data-live-status][data-state=live]").wait_for()  # the match page's own script ran
    sign_in(page, live_site)
    page.goto(live_site + f"/console/matches/{match.pk}/")
    page.locator("[data-sync].is-live").wait_for()

    assert errors == []
    assert {response.url.rsplit("/static/", 1)[1] for response in modules} >= {
        "site/site.js",
        "site/socket.js",
        "site/match_rules.js",
        "fixtures_app/live.js",
        "fixtures_app/scores.js",
        "fixtures_app/console.js",
        "polls/poll.js",
    }
    assert all(response.ok for response in modules)
