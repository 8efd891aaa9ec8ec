"""HTML and scripts typed as commentary never run, in a real browser: not when the page loads,
not when the event arrives live over the websocket (live.js puts the server's escaped HTML in
the page), not on the editors' console. The words show as typed."""

import datetime as dt

import pytest
from django.utils import timezone

from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_editor, make_match, make_team

pytestmark = pytest.mark.browser
LOADED = '<img src=x onerror="window.pwned=1;alert(1)"><script>window.pwned=2</script> ⚽ هدف'
LIVE = '<svg onload="window.pwned=3"></svg><img src=y onerror="window.pwned=4;alert(2)"> live'
DETAIL = '"><img src=z onerror=window.pwned=5>'


def watch(page) -> list[str]:
    """Dialogs the page opens (an alert would be a script that ran), dismissed as they come."""
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def assert_nothing_ran(page, opened: list[str]) -> None:
    page.wait_for_timeout(300)  # an image's error handler fires once its load fails
    assert page.evaluate("() => window.pwned") is None
    assert opened == []


def test_commentary_with_html_shows_as_text_and_never_runs(live_site, browser):
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    saka = add_to_lineup(match, match.home_team, "Saka")[0]
    match_change_status(match=match, status="first_half", at=timezone.now() - dt.timedelta(minutes=20))
    match_record_event(match=match, kind="commentary", minute=5, text=LOADED)
    make_editor()

    fan = browser.new_context().new_page()
    fan_dialogs = watch(fan)
    fan.goto(live_site + match.get_absolute_url())
    fan.locator("[data-live-status][data-state=live]").wait_for()
    assert LOADED in fan.locator("#timeline").inner_text()
    assert_nothing_ran(fan, fan_dialogs)

    desk = browser.new_context().new_page()
    desk_dialogs = watch(desk)
    desk.goto(live_site + "/accounts/login/?next=/console/")
    desk.fill("#id_username", "editor")
    desk.fill("#id_password", "pass-for-tests-only")
    desk.click("button[type=submit]")
    desk.wait_for_url("**/console/")
    desk.goto(live_site + f"/console/matches/{match.pk}/")
    token = next(cookie["value"] for cookie in desk.context.cookies() if cookie["name"] == "csrftoken")
    sent = desk.request.post(
        live_site + f"/console/matches/{match.pk}/events/",
        form={"kind": "goal", "minute": "15", "player": str(saka.pk), "text": LIVE, "detail": DETAIL},
        headers={"X-CSRFToken": token, "Accept": "application/json", "Referer": live_site + "/"},
    )
    assert sent.ok, sent.text()

    fan.wait_for_function(
        "text => document.getElementById('timeline').innerText.includes(text)", arg=LIVE, timeout=5000
    )
    assert DETAIL in fan.locator("#timeline").inner_text()
    assert_nothing_ran(fan, fan_dialogs)

    desk.reload()
    assert LOADED in desk.locator("#main").inner_text() and LIVE in desk.locator("#main").inner_text()
    assert_nothing_ran(desk, desk_dialogs)
