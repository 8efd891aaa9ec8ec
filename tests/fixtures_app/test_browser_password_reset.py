"""An editor who forgot the password gets a new one by email and signs in with it: in Chromium."""

import re

import pytest

from tests.factories import make_editor
from tests.fixtures_app import test_accessibility as accessibility
from tests.newsletter.test_browser_newsletter import emails

pytestmark = pytest.mark.browser
axe_source = accessibility.axe_source  # the fixture that reads axe-core from its package


def test_editor_resets_a_forgotten_password_and_signs_in_with_the_new_one(mail_folder, live_site, browser):
    editor = make_editor("desk")
    editor.email = "desk@example.com"
    editor.save()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_site + "/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_role("heading", name="Reset your password").wait_for()
    page.get_by_label("Email").fill("Desk@Example.com")
    page.get_by_role("button", name="Email me a link").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    [body] = emails(mail_folder)
    page.goto(re.search(r"http://127\.0\.0\.1:\d+/accounts/reset/\S+/", body).group(0))
    page.get_by_role("heading", name="Choose a new password").wait_for()
    page.get_by_label("New password", exact=True).fill("a fresh pass phrase")
    page.get_by_label("New password confirmation").fill("a fresh pass phrase")
    page.get_by_role("button", name="Change my password").click()
    page.get_by_role("heading", name="Your password is changed").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill("desk")
    page.get_by_label("Password").fill("a fresh pass phrase")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_site + "/console/")
    page.goto(re.search(r"http://127\.0\.0\.1:\d+/accounts/reset/\S+/", body).group(0))
    page.get_by_role("heading", name="This link does not work any more").wait_for()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reset_pages_have_no_serious_accessibility_violation(live_site, browser, axe_source, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    found = []
    page.goto(live_site + "/accounts/password_reset/")
    page.get_by_role("button", name="Email me a link").click()  # empty: the field's error shows
    page.get_by_role("alert").first.wait_for()
    found.extend(
        (scheme, "reset form with an error", violation)
        for violation in accessibility.violations(page, axe_source)
    )
    for path in ("/accounts/login/", "/accounts/password_reset/done/", "/accounts/reset/MQ/no-token/"):
        page.goto(live_site + path)
        found.extend((scheme, path, violation) for violation in accessibility.violations(page, axe_source))
    context.close()
    assert not found, "axe-core found serious or critical violations:\n" + accessibility.describe(found)
