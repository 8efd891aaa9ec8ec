"""Sharing the seed match, as Chromium reads the page: Open Graph, Twitter card, share links."""

from urllib.parse import quote

import pytest
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match

pytestmark = pytest.mark.browser

NETWORKS = [
    "Share on X (Twitter)",
    "Share on Facebook",
    "Share on WhatsApp",
    "Share on Reddit",
    "Share by email",
]


@pytest.fixture
def seed_url(live_site):
    load_demo(now=timezone.now())
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool", leg=2)
    return live_site + seed.get_absolute_url()


def test_a_shared_seed_match_shows_its_score(seed_url, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(seed_url)

    def meta(attribute: str, name: str) -> str:
        return page.locator(f'meta[{attribute}="{name}"]').get_attribute("content")

    assert meta("property", "og:title") == "Atalanta 0-1 Liverpool"
    assert (
        meta("property", "og:description") == "UEFA Europa League · Quarter-finals · 2nd Leg · FT (HT: 0-1)"
    )
    assert meta("property", "og:url") == seed_url
    assert meta("property", "og:type") == "website"
    assert meta("property", "og:site_name") == "MatchCentre"
    assert meta("name", "twitter:card") == "summary_large_image"
    assert meta("name", "twitter:title") == "Atalanta 0-1 Liverpool"
    assert page.locator('link[rel="canonical"]').get_attribute("href") == seed_url

    image = meta("property", "og:image")
    card = page.request.get(image)
    assert card.ok and card.headers["content-type"] == "image/png"
    size = page.evaluate(
        "src => new Promise(done => { const i = new Image(); i.onload = () => done([i.naturalWidth,"
        " i.naturalHeight]); i.onerror = () => done(null); i.src = src; })",
        image,
    )
    assert size == [1200, 630]
    assert (meta("property", "og:image:width"), meta("property", "og:image:height")) == ("1200", "630")
    svg = page.request.get(image.replace("card.png", "card.svg")).text()  # the same card, as text
    assert ">0–1<" in svg and ">FT (HT: 0-1)<" in svg

    share = page.get_by_role("region", name="Share this match")
    for name in NETWORKS:
        assert quote(seed_url, safe="") in share.get_by_role("link", name=name).get_attribute("href"), name

    share.get_by_role("button", name="Copy link").click()
    # The copy is asynchronous: the status says so once the clipboard has taken the link.
    share.locator(".share__status", has_text="Link copied.").wait_for(timeout=3000)
    assert page.evaluate("navigator.clipboard.readText()") == seed_url
    context.close()


def test_the_share_links_work_without_javascript(seed_url, browser):
    page = browser.new_page(java_script_enabled=False)
    page.goto(seed_url)
    share = page.get_by_role("region", name="Share this match")
    assert share.get_by_role("link").count() == len(NETWORKS)
    assert share.get_by_role("button", name="Copy link").count() == 0  # hidden: it needs the script


def test_the_report_page_is_shared_as_an_article(seed_url, browser):
    page = browser.new_page()
    page.goto(seed_url)
    page.get_by_role("link", name="The report on its own page").click()
    page.wait_for_url("**/articles/**")
    page.get_by_role("heading", level=1).wait_for()
    assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"
    assert (
        page.locator('meta[property="og:title"]').get_attribute("content")
        == page.get_by_role("heading", level=1).inner_text()
    )
    assert page.get_by_role("region", name="Share this article").is_visible()
    assert page.locator("figure figcaption").inner_text().endswith("Illustration: MatchCentre")
    assert page.get_by_role("region", name="Read next").get_by_role("link").count() >= 1
