"""In-page alerts in a real browser: a goal for a followed club, while the fan's tab is in the
background, puts the score and scorer in the tab's title and favicon and shows a notification
(permission granted); back on the tab, both are as they were."""

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match
from tests.fixtures_app.test_browser_live import sign_in, wait_for_score
from tests.fixtures_app.test_browser_socket import record_goal_through_the_console

pytestmark = pytest.mark.browser

# Headless Chromium shows no notification: the page's Notification is wrapped to record each
# one made. The tab's visibility is the test's to set (a headless page is always visible).
WATCH = """
window.shownNotifications = [];
const Real = window.Notification;
window.Notification = class extends Real {
  constructor(title, options) {
    super(title, options);
    window.shownNotifications.push({ title, body: options && options.body });
  }
};
let hidden = false;
Object.defineProperty(document, "hidden", { get: () => hidden, configurable: true });
Object.defineProperty(document, "visibilityState", {
  get: () => (hidden ? "hidden" : "visible"),
  configurable: true,
});
window.setTabHidden = (value) => {
  hidden = value;
  document.dispatchEvent(new Event("visibilitychange"));
};
"""


def test_a_goal_for_a_followed_club_changes_the_title_and_notifies(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()  # Arsenal 2-1 Chelsea
    context = browser.new_context(permissions=["notifications"], bypass_csp=True)
    context.add_init_script(WATCH)
    fan = context.new_page()
    fan.goto(f"{live_site}/teams/chelsea/")
    fan.locator("[data-follow=team]").click()
    fan.goto(live_site + match.get_absolute_url())
    fan.locator("[data-live-status][data-state=live]").wait_for()
    title = fan.title()
    icon = fan.locator("link[rel=icon]").get_attribute("href")
    # Permission was granted with the context: the panel says alerts are on, no button to ask.
    assert fan.evaluate("Notification.permission") == "granted"
    fan.locator(".fan-panel__summary").click()
    assert "Alerts are on" in fan.locator("[data-alerts-status]").inner_text()
    assert fan.locator("[data-alerts-permission]").is_hidden()

    fan.evaluate("setTabHidden(true)")
    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    record_goal_through_the_console(desk, live_site, match)  # Jackson, 60', for Chelsea

    fan.wait_for_function("title => document.title !== title", arg=title, timeout=5000)
    assert fan.title() == f"⚽ 2-2 Jackson 60' · {title}"
    assert fan.locator("link[rel=icon]").get_attribute("href").startswith("data:image/svg+xml,")
    assert fan.evaluate("shownNotifications") == [{"title": "⚽ 2-2 Jackson 60'", "body": title}]

    fan.evaluate("setTabHidden(false)")  # the fan comes back to the tab
    assert fan.title() == title
    assert fan.locator("link[rel=icon]").get_attribute("href") == icon


def test_a_goal_in_a_match_the_fan_does_not_follow_alerts_nothing(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    context = browser.new_context(permissions=["notifications"], bypass_csp=True)
    context.add_init_script(WATCH)
    fan = context.new_page()
    fan.goto(live_site + match.get_absolute_url())
    fan.locator("[data-live-status][data-state=live]").wait_for()
    title = fan.title()
    fan.evaluate("setTabHidden(true)")
    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    record_goal_through_the_console(desk, live_site, match)

    wait_for_score(fan, "2–2")
    assert fan.title() == title
    assert fan.evaluate("shownNotifications") == []


def test_the_home_page_alerts_a_goal_of_a_club_followed_from_a_match_page(live_site, browser):
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()  # Arsenal 2-1 Chelsea
    context = browser.new_context(permissions=["notifications"], bypass_csp=True)
    context.add_init_script(WATCH)
    fan = context.new_page()
    fan.goto(live_site + match.get_absolute_url())
    fan.get_by_role("button", name="Follow Chelsea").click()  # the match header's button for a club
    fan.goto(live_site + "/")
    fan.locator(f'#my-clubs [data-game="{match.pk}"]').wait_for()
    title = fan.title()

    fan.evaluate("setTabHidden(true)")
    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    record_goal_through_the_console(desk, live_site, match)

    fan.wait_for_function("title => document.title !== title", arg=title, timeout=5000)
    assert fan.title() == f"⚽ 2-2 Arsenal v Chelsea · {title}"
    assert [shown["title"] for shown in fan.evaluate("shownNotifications")] == ["⚽ 2-2 Arsenal v Chelsea"]
