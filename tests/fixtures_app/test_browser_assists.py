"""The console's assist picker in a real browser: it follows the scorer's side, saves without a
reload, and the correction row takes the assist off again."""

import datetime as dt

import pytest
from django.utils import timezone

from fixtures_app.models import MatchEvent
from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_editor, make_match, make_team

pytestmark = pytest.mark.browser


def sign_in(page, base: str) -> None:
    page.goto(base + "/accounts/login/?next=/console/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass-for-tests-only")
    page.click("button[type=submit]")
    page.wait_for_url("**/console/")


def test_editor_credits_an_assist_then_takes_it_off(live_site, browser):
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka", "Ødegaard")
    add_to_lineup(match, match.away_team, "Palmer")
    match_change_status(match=match, status="first_half", at=timezone.now() - dt.timedelta(minutes=20))
    make_editor()
    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    desk.goto(live_site + f"/console/matches/{match.pk}/")

    desk.click("[data-kind=goal]")
    entry = desk.locator("#entry-goal")
    assist = entry.locator("select[name=assist]")
    assert assist.locator("option:checked").inner_text() == "No assist"
    entry.locator("select[name=player]").select_option(label="Saka")
    assert entry.get_by_label("Arsenal").is_checked()
    assert assist.locator("option", has_text="Palmer").is_hidden()  # the other side is not offered
    assist.select_option(label="Ødegaard")
    entry.get_by_role("button", name="Save").click()

    row = desk.locator("[data-event-id]", has_text="assisted by Ødegaard")
    row.wait_for(timeout=5000)
    assert "Saka (Arsenal) scores, assisted by Ødegaard." in row.inner_text()
    # The pickers were refreshed from the server after the save: the assist's empty choice still says so.
    assert assist.locator("option").first.inner_text() == "No assist"

    row.get_by_role("button", name="Correct").click()
    correction = row.locator("form.correction")
    correction.locator("select[name=assist]").select_option(label="No assist")
    correction.get_by_role("button", name="Save").click()
    desk.locator("[data-event-id]", has_text="Saka (Arsenal) scores.").wait_for(timeout=5000)
    assert MatchEvent.objects.get(kind="goal").assist is None
