"""A Daphne process killed (kill -9) and started again on its port: the fan's match page and
the editor's console, open in a real browser, reconnect by themselves, catch up what was
recorded while the server was down, and take live changes again, without a reload."""

import time

import pytest
from django.db import connections

from fixtures_app.services.events import match_record_event
from tests.factories import make_editor
from tests.faults.desk import Desk, event
from tests.faults.servers import ServerProcess, free_port

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WAIT_MS = 15_000


def shows_seq(page, seq: int) -> None:
    """Waits until the fan's page has applied change `seq` (live.js keeps it in data-seq)."""
    page.wait_for_function(
        "seq => Number(document.querySelector('[data-live-match]').dataset.seq) >= seq",
        arg=seq,
        timeout=WAIT_MS,
    )


def test_pages_reconnect_by_themselves_after_their_server_is_killed_and_restarted(
    match, browser, delivery_redis_url, tmp_path, figures
):
    editor = make_editor()
    server = ServerProcess(free_port(), tmp_path / "daphne.log", REDIS_URL=delivery_redis_url)
    server.start()
    try:
        desk = Desk.signed_in(server.url, editor)
        fan = browser.new_context().new_page()
        fan.goto(server.url + match.get_absolute_url())
        fan.locator("[data-live-status][data-state=live]").wait_for(timeout=WAIT_MS)
        console = browser.new_context()
        console.add_cookies([{"name": "sessionid", "value": desk.session, "url": server.url}])
        console = console.new_page()
        console.goto(f"{server.url}/console/matches/{match.pk}/")
        console.locator("[data-sync].is-live").wait_for(timeout=WAIT_MS)
        for page in (fan, console):
            page.evaluate("() => { window.notReloaded = true; }")

        server.kill()
        killed = time.monotonic()
        fan.locator("[data-live-status][data-state=reconnecting]").wait_for(timeout=WAIT_MS)
        console.locator("[data-sync].is-down").wait_for(timeout=WAIT_MS)
        saka = match.lineup.get(player__known_as="Saka").player
        match_record_event(match=match, kind="goal", minute=25, team=match.home_team, player=saka)
        match.refresh_from_db()
        server.start()
        restarted = time.monotonic()

        fan.locator("[data-live-status][data-state=live]").wait_for(timeout=WAIT_MS)
        console.locator("[data-sync].is-live").wait_for(timeout=WAIT_MS)
        reconnected = time.monotonic()
        shows_seq(fan, match.seq)  # the goal recorded while the server was down
        assert "Saka" in fan.locator("#timeline").inner_text()
        console.locator("#console-events", has_text="Saka").wait_for(timeout=WAIT_MS)

        # Live again: a change made through the new process reaches both pages over their sockets.
        answer = desk.post(f"/console/matches/{match.pk}/events/", event(match, "goal", "Palmer", 27)).json()
        assert answer["ok"], answer
        shows_seq(fan, answer["seq"])
        console.locator("#console-events", has_text="Palmer").wait_for(timeout=WAIT_MS)
        assert fan.locator("#scoreboard .scoreboard__score").inner_text().split() == ["1", "–", "1"]
        assert fan.evaluate("window.notReloaded") and console.evaluate("window.notReloaded")
    finally:
        server.stop()
        # Playwright's sync API runs this body in a context of its own, and so its database
        # connection, which pytest-django does not close: close it, or the test database stays.
        connections.close_all()
    figures(
        f"Daphne killed (kill -9) for {restarted - killed:.1f} s; the fan's page and the console were "
        f"live again {reconnected - restarted:.1f} s after the restart, without a reload; the goal recorded "
        "while it was down and the next one live both shown; events lost: 0"
    )
