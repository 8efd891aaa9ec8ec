"""The live flow in real browsers: an editor's console in one, a fan's match page in another."""

import re

import pytest
from django.utils import timezone

from demo.loader import EDITOR, load_demo
from fixtures_app.models import Match

pytestmark = pytest.mark.browser
SCORE = re.compile(r"\s+")


def score_of(page) -> str:
    return SCORE.sub("", page.locator("#scoreboard .scoreboard__score").inner_text())


def wait_for_score(page, score: str) -> None:
    """Waits at most two seconds for the fan's page to show the score, without a reload."""
    page.wait_for_function(
        "score => document.querySelector('#scoreboard .scoreboard__score')"
        ".innerText.replace(/\\s/g, '') === score",
        arg=score,
        timeout=2000,
    )


def sign_in(page, base: str) -> None:
    page.goto(base + "/accounts/login/?next=/console/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.click("button[type=submit]")
    page.wait_for_url("**/console/")


def test_editor_records_then_deletes_a_goal_and_the_fan_page_follows(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    fan = browser.new_context().new_page()
    fan.goto(live_site + match.get_absolute_url())
    fan.locator("[data-live-status][data-state=live]").wait_for()
    assert score_of(fan) == "2–1"

    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    desk.goto(live_site + f"/console/matches/{match.pk}/")
    desk.click("[data-kind=goal]")
    entry = desk.locator("#entry-goal")
    entry.get_by_label("Chelsea").check()
    picker = entry.locator("select[name=player]")
    jackson = picker.locator("option", has_text="Jackson").first.get_attribute("value")
    picker.select_option(value=jackson)
    assert entry.locator("[name=minute]").input_value().isdigit()  # prefilled from the live clock
    entry.get_by_role("button", name="Save").click()

    # Within two seconds, without a reload: score, key events and timeline.
    wait_for_score(fan, "2–2")
    assert "Jackson" in fan.locator(".scoreboard__team--away .key-events--goals").inner_text()
    newest = fan.locator("#timeline .timeline__entry").first
    assert "Jackson (Chelsea) scores." in newest.inner_text()
    assert "is-new" in newest.get_attribute("class")
    assert "Goal!" in fan.locator("[data-live-announcer]").inner_text()

    desk.reload()  # the console as it stands now, so no live refresh moves the row under the click
    goal_row = desk.locator("[data-event-id]", has_text="Jackson").first
    asked = []

    def confirm(dialog):
        asked.append(dialog.message)
        dialog.accept() if "Jackson" in dialog.message else dialog.dismiss()

    desk.once("dialog", confirm)
    goal_row.get_by_role("button", name="Delete").click()

    assert "Jackson" in asked[0]
    wait_for_score(fan, "2–1")
    assert "Jackson" not in fan.locator("#timeline").inner_text()
    assert "Jackson" not in fan.locator("#scoreboard").inner_text()


def test_provisional_table_moves_with_a_live_goal(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    season = match.stage.season
    fan = browser.new_context().new_page()
    fan.goto(live_site + f"/competitions/{season.competition.slug}/{season.slug}/table/")
    chelsea = fan.locator(".league-table__row", has_text="Chelsea")
    # Losing 2-1 in play, Chelsea's points are those of their finished games.
    before = int(chelsea.locator(".league-table__points").inner_text())
    assert fan.get_by_text("Provisional").first.is_visible()

    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    desk.goto(live_site + f"/console/matches/{match.pk}/")
    jackson = match.lineup.get(player__known_as="Jackson").player
    token = next(c["value"] for c in desk.context.cookies() if c["name"] == "csrftoken")
    response = desk.request.post(
        live_site + f"/console/matches/{match.pk}/events/",
        form={"kind": "goal", "minute": "60", "team": str(match.away_team_id), "player": str(jackson.pk)},
        headers={"X-CSRFToken": token, "Accept": "application/json", "Referer": live_site + "/"},
    )
    assert response.ok, response.text()

    fan.wait_for_function(
        "() => [...document.querySelectorAll('.league-table__row')].some(row =>"
        " row.textContent.includes('Chelsea')"
        f" && row.querySelector('.league-table__points').textContent === '{before + 1}')",
        timeout=5000,
    )


def test_another_editors_change_waits_while_the_pointer_is_over_the_events_list(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    console = f"{live_site}/console/matches/{match.pk}/"
    desk, colleague = (browser.new_context().new_page() for _ in range(2))
    for page in (desk, colleague):
        sign_in(page, live_site)
        page.goto(console)
    desk.locator("[data-sync].is-live").wait_for()
    first = desk.locator("#console-events [data-event-id]").first
    aimed_at = first.get_attribute("data-event-id")
    delete = first.get_by_role("button", name="Delete")
    delete.hover()
    box = delete.bounding_box()
    point = [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2]

    colleague.click("[data-kind=commentary]")
    colleague.locator("#entry-commentary textarea[name=text]").fill("Saka curls one just wide.")
    colleague.locator("#entry-commentary").get_by_role("button", name="Save").click()

    # The change waits, said so; the button under the pointer is still the one aimed at.
    notice = desk.locator("#console-events [data-held]")
    notice.wait_for(state="visible", timeout=3000)
    under_pointer = desk.evaluate(
        "([x, y]) => { const button = document.elementFromPoint(x, y).closest('button');"
        " return [button.closest('[data-event-id]').dataset.eventId, button.dataset.action]; }",
        point,
    )
    assert under_pointer == [aimed_at, "delete"]
    assert delete.bounding_box() == box  # nothing moved, the notice included
    assert "Saka curls one just wide." not in desk.locator("#console-events").inner_text()

    # Once the pointer leaves, the list shows the change.
    desk.mouse.move(2, 2)
    desk.locator("#console-events", has_text="Saka curls one just wide.").wait_for(timeout=2000)
    assert desk.locator("#console-events [data-held]").is_hidden()

    # The editor's own write shows at once, pointer over the list or not.
    row = desk.locator("#console-events [data-event-id]", has_text="Saka curls one just wide.")
    desk.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Delete").click()
    desk.wait_for_function(
        "() => !document.querySelector('#console-events').innerText.includes('Saka curls one just wide.')",
        timeout=2000,
    )
