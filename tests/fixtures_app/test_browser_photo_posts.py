"""An editor posts a photo and a quote from the console in a real browser; a fan's open match
page shows both without a reload, the photo loaded from the site at the size its screen needs."""

import datetime as dt

import pytest
from django.utils import timezone

from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_editor, make_match, make_team
from tests.fixtures_app.photo_samples import jpeg_with_location

pytestmark = pytest.mark.browser


@pytest.fixture
def media(settings, tmp_path):
    """Set before `live_site` forks its server, which then keeps photos here too."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def sign_in(page, base: str) -> None:
    page.goto(base + "/accounts/login/?next=/console/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass-for-tests-only")
    page.click("button[type=submit]")
    page.wait_for_url("**/console/")


def test_an_editors_photo_and_quote_reach_an_open_match_page_live(media, live_site, browser):
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka")
    add_to_lineup(match, match.away_team, "Palmer")
    match_change_status(match=match, status="first_half", at=timezone.now() - dt.timedelta(minutes=20))
    make_editor()
    fan = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    fan.goto(live_site + match.get_absolute_url())
    fan.locator("[data-live-status]", has_text="Live").wait_for(timeout=10000)
    desk = browser.new_context().new_page()
    sign_in(desk, live_site)
    desk.goto(live_site + f"/console/matches/{match.pk}/")

    desk.click("[data-kind=photo]")
    entry = desk.locator("#entry-photo")
    assert entry.locator("input[name=minute]").input_value() == "21"  # prefilled from the clock
    photo = {
        "name": "IMG_0001.jpg",
        "mimeType": "image/jpeg",
        "buffer": jpeg_with_location(size=(2400, 1600)),
    }
    entry.locator("input[name=photo]").set_input_files(photo)
    entry.get_by_label("Caption", exact=True).fill("Saka salutes the <North Bank>")
    entry.get_by_label("Credit", exact=True).fill(
        "Jane Doe / Professional Sports Photography Agency International"
    )
    entry.get_by_role("button", name="Save").click()
    desk.locator("[data-event-id]", has_text="Saka salutes").wait_for(timeout=10000)

    figure = fan.locator("#timeline .timeline__photo")
    figure.wait_for(timeout=10000)
    assert "Saka salutes the <North Bank>" in figure.inner_text()
    assert "Photo: Jane Doe / Professional Sports Photography Agency International" in figure.inner_text()
    image = figure.locator("img")
    image.scroll_into_view_if_needed()
    fan.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=10000
    )
    assert image.evaluate("img => img.naturalWidth") in (640, 1280)  # a rendition, never the 2400 px upload
    assert "/photos/" in image.evaluate("img => img.currentSrc")

    desk.click("[data-kind=quote]")
    quote = desk.locator("#entry-quote")
    quote.get_by_label("Quote", exact=True).fill("We showed character today.")
    quote.get_by_label("Who said it").fill("Mikel Arteta")
    quote.get_by_label("Role (optional, e.g. Arsenal manager)").fill("Arsenal manager")
    quote.get_by_role("button", name="Save").click()
    said = fan.locator("#timeline .timeline__quote")
    said.wait_for(timeout=10000)
    assert "Mikel Arteta, Arsenal manager" in said.inner_text()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2).new_page()
    phone.goto(live_site + match.get_absolute_url())
    phone.locator("#timeline .timeline__photo img").scroll_into_view_if_needed()
    phone.wait_for_function("() => [...document.querySelectorAll('#timeline img')].every(i => i.complete)")
    # The photo fits a phone's column: nothing wider than the screen, no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    box = phone.locator("#timeline .timeline__photo img").bounding_box()
    assert box["x"] + box["width"] <= 390
    embed = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
    embed.goto(live_site + f"/embed/matches/{match.pk}/")
    embed.wait_for_function("() => [...document.querySelectorAll('#timeline img')].every(i => i.complete)")
    assert embed.evaluate("document.documentElement.scrollWidth") <= 360
