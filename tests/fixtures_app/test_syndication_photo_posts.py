"""Photos and quotes beyond the match page: the match's Atom feed, the embed's key moments and
the live blog's JSON-LD (checked against the schema.org vocabulary)."""

import html
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from fixtures_app.models import MatchEvent
from fixtures_app.photos import renditions
from fixtures_app.services.events import match_correct_event, match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, make_match, make_team
from tests.fixtures_app.photo_samples import image_bytes
from tests.schemaorg.validate import problems

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def posts():
    """Arsenal v Chelsea in play, with a photo at 12' and a quote at 20'."""
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    photo = match_record_event(
        match=match,
        kind="photo",
        minute=12,
        text="Saka & Rice <celebrate>",
        credit="Jane Doe / Agency",
        photo=renditions(io.BytesIO(image_bytes(size=(1600, 900)))),
    ).event
    quote = match_record_event(
        match=match,
        kind="quote",
        minute=20,
        text="<script>alert(1)</script>We go again",
        quote_by="Arteta",
        quote_role="Arsenal manager",
    ).event
    return match, photo, quote


def feed_entries(client, match) -> list[ET.Element]:
    answer = client.get(reverse("fixtures_app:match-feed", kwargs={"pk": match.pk}))
    assert answer.status_code == 200
    return ET.fromstring(answer.content).findall(f"{ATOM}entry")


def test_the_match_feed_has_the_quote_and_the_photo_with_its_image(client, posts):
    match, photo, _ = posts
    quote_entry, photo_entry = feed_entries(client, match)[:2]
    assert quote_entry.findtext(f"{ATOM}title") == "20' “<script>alert(1)</script>We go again” — Arteta"
    # The summary is HTML: the words arrive escaped, so a reader shows them as typed and runs nothing.
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;We go again” — Arteta, Arsenal manager"
        in quote_entry.findtext(f"{ATOM}summary")
    )
    assert photo_entry.findtext(f"{ATOM}title") == "12' Photo: Saka & Rice <celebrate>"
    summary = photo_entry.findtext(f"{ATOM}summary")
    assert f'<img src="http://testserver/photos/{photo.photo}-640.jpg" width="640" height="360"' in summary
    assert "Saka &amp; Rice &lt;celebrate&gt; (Photo: Jane Doe / Agency)" in summary


def test_a_corrected_caption_updates_the_same_feed_entry(client, posts):
    match, photo, _ = posts
    match_correct_event(event=photo, expected_version=1, text="Saka celebrates his goal")
    titles = [entry.findtext(f"{ATOM}title") for entry in feed_entries(client, match)]
    assert "12' Photo: Saka celebrates his goal" in titles
    assert not any("celebrate>" in title for title in titles)


def test_the_embed_shows_quotes_and_photo_thumbnails(client, posts):
    match, photo, _ = posts
    page = client.get(reverse("fixtures_app:embed-match", kwargs={"pk": match.pk})).content.decode()
    posts_part = page[page.index('class="embed__posts"') :]
    assert f"/photos/{photo.photo}-320.jpg 320w" in posts_part
    assert "<cite>Arteta</cite>, Arsenal manager" in posts_part
    assert "&lt;script&gt;alert(1)&lt;/script&gt;We go again" in posts_part


def test_the_live_blog_json_ld_carries_the_photo_as_an_image_and_the_quote_as_text(client, posts):
    match, photo, _ = posts
    page = client.get(match.get_absolute_url(), follow=True).content.decode()
    document = json.loads(BLOCK.findall(page)[0])
    assert problems(document) == []
    live_blog = next(node for node in document["@graph"] if node["@type"] == "LiveBlogPosting")
    quote_update, photo_update = live_blog["liveBlogUpdate"][:2]
    assert quote_update["articleBody"] == "“<script>alert(1)</script>We go again” — Arteta, Arsenal manager"
    assert photo_update["image"] == {
        "@type": "ImageObject",
        "contentUrl": f"http://testserver/photos/{photo.photo}-1280.jpg",
        "url": f"http://testserver/photos/{photo.photo}-1280.jpg",
        "caption": "Saka & Rice <celebrate>",
        "creditText": "Jane Doe / Agency",
        "description": "Saka & Rice <celebrate>",
    }
    assert "</script><" not in BLOCK.findall(page)[0].replace("<\\/", "")  # the block is not broken out of


def test_photos_are_linked_at_the_cdns_address_when_one_is_set(client, posts, settings):
    match, photo, _ = posts
    settings.PHOTO_URL = "https://img.matchcentre.example/photos/"
    event = MatchEvent.objects.get(pk=photo.pk)
    match_correct_event(event=event, expected_version=1, text="Re-rendered")
    page = client.get(match.get_absolute_url(), follow=True).content.decode()
    assert html.escape(f"https://img.matchcentre.example/photos/{photo.photo}-640.jpg 640w") in page
