"""A fan signs up on the match page, confirms from the email, and can leave again: in Chromium."""

import email
import re
import time
from pathlib import Path

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match
from newsletter.models import Subscriber
from tests.fixtures_app import test_accessibility as accessibility

pytestmark = pytest.mark.browser
axe_source = accessibility.axe_source  # the fixture that reads axe-core from its package

SEPARATOR = "-" * 79


@pytest.fixture
def seed_url(mail_folder, live_site):
    load_demo(now=timezone.now())
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool", leg=2)
    return live_site + seed.get_absolute_url()


def emails(folder: Path, count: int = 1) -> list[str]:
    """The plain-text bodies of the emails the server wrote, once `count` are there."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        files = sorted(folder.glob("*.log")) if folder.is_dir() else []
        messages = [text for path in files for text in path.read_text().split(SEPARATOR) if text.strip()]
        if len(messages) >= count:
            return [_plain_text(message) for message in messages]
        time.sleep(0.1)
    raise AssertionError(f"expected {count} email(s) in {folder}")


def _plain_text(raw: str) -> str:
    message = email.message_from_string(raw.strip())
    part = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def link(kind: str, body: str) -> str:
    return re.search(rf"http://127\.0\.0\.1:\d+/newsletter/{kind}/[\w-]+/", body).group(0)


def test_fan_signs_up_confirms_from_the_email_and_unsubscribes(seed_url, mail_folder, browser):
    page = browser.new_page()
    page.goto(seed_url)
    box = page.get_by_role("region", name="Get match previews, twice a week")
    box.get_by_label("Your email address").fill("fan@example.com")
    box.get_by_role("button", name="Sign up").click()
    status = box.get_by_role("status")
    status.get_by_text("Almost there").wait_for()
    assert "we have sent a link to fan@example.com" in status.inner_text()
    assert page.url == seed_url  # no reload
    assert box.get_by_label("Your email address").input_value() == ""

    [body] = emails(mail_folder)
    assert "match previews" in body
    page.goto(link("confirm", body))
    assert page.get_by_role("heading", name="You are subscribed").is_visible()
    assert "fan@example.com" in page.locator("main").inner_text()
    assert Subscriber.objects.get().is_confirmed

    page.goto(link("unsubscribe", body))
    assert Subscriber.objects.get().is_confirmed  # opening the link only asks
    page.get_by_role("button", name="Unsubscribe").click()
    page.get_by_role("heading", name="You are unsubscribed").wait_for()
    assert not Subscriber.objects.confirmed().exists()


def test_without_javascript_the_form_posts_and_comes_back_with_the_message(seed_url, mail_folder, browser):
    page = browser.new_page(java_script_enabled=False)
    page.goto(seed_url)
    box = page.get_by_role("region", name="Get match previews, twice a week")
    box.get_by_label("Your email address").fill("fan@example.com")
    box.get_by_role("button", name="Sign up").click()
    page.wait_for_url(seed_url + "#newsletter")
    assert "Almost there" in box.get_by_role("status").inner_text()
    box.get_by_label("Your email address").fill("fan@example.com")
    box.get_by_role("button", name="Sign up").click()
    box.get_by_role("status").get_by_text("a few minutes ago").wait_for()
    assert len(emails(mail_folder)) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_newsletter_page_signs_up_without_a_reload_and_passes_axe(
    mail_folder, live_site, browser, axe_source, scheme
):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_site + "/newsletter/")
    assert page.get_by_role("heading", name="The MatchCentre newsletter", level=1).is_visible()
    box = page.get_by_role("region", name="Get match previews, twice a week")
    box.get_by_label("Your email address").fill("fan@example.com")
    box.get_by_role("button", name="Sign up").click()
    box.get_by_role("status").get_by_text("Almost there").wait_for()
    assert page.url == live_site + "/newsletter/"  # no reload
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    found = [(scheme, "/newsletter/", violation) for violation in accessibility.violations(page, axe_source)]
    context.close()
    assert not found, "axe-core found serious or critical violations:\n" + accessibility.describe(found)
    assert len(emails(mail_folder)) == 1
