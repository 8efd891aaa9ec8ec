"""The match, home and table pages are the same bytes for every anonymous reader, public at a
shared cache with an ETag; a conditional GET is answered 304 without rendering; a page that is
a reader's own (signed in, voted) is private; the forms work without a per-reader token."""

import pytest
from django.test import Client
from django.urls import reverse

from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from fixtures_app.views import match as match_views
from newsletter.models import Subscriber
from polls.models import Vote
from tests.factories import KICKOFF, add_to_lineup, make_editor, make_match, make_open_poll, make_team

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    match.scorer = add_to_lineup(match, match.away_team, "Salah")[0]
    match_change_status(match=match, status="first_half", at=KICKOFF)
    return match


def table_url(match) -> str:
    season = match.stage.season
    return reverse("fixtures_app:table", args=[season.competition.slug, season.slug])


def reader(zone: str, language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["tz"] = zone
    return client


def pages(match) -> list[str]:
    return [match.get_absolute_url(), "/", table_url(match)]


def test_two_readers_in_different_time_zones_get_byte_identical_pages(match):
    in_new_york = reader("America/New_York", "en-US")
    in_tokyo = reader("Asia/Tokyo", "ja")
    for url in pages(match):
        first, second = in_new_york.get(url), in_tokyo.get(url)
        assert first.status_code == second.status_code == 200, url
        assert first.content == second.content, url
        assert first["ETag"] == second["ETag"], url


def test_an_anonymous_readers_page_is_public_sets_no_cookie_and_does_not_vary_on_cookies(match):
    for url in pages(match):
        response = reader("Asia/Tokyo", "ja").get(url)
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=0", "s-maxage=5"}, url
        # Stale-while-revalidate for the CDN only: a browser would show the page's own fetch a stale copy.
        assert response["CDN-Cache-Control"] == "public, max-age=5, stale-while-revalidate=30", url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def test_the_page_says_the_kick_off_in_uk_time_whatever_the_readers_zone(match):
    html = reader("America/New_York", "en-US").get(match.get_absolute_url()).content.decode()
    assert 'data-local="full">Thursday 18 April 2024, 20:00</time>' in html
    assert " UK time</span>" in html


def test_a_conditional_get_is_answered_304_without_rendering(match, monkeypatch):
    url = match.get_absolute_url()
    first = Client().get(url)
    rendered = []
    real = match_views.render
    monkeypatch.setattr(
        match_views, "render", lambda *args, **kwargs: rendered.append(1) or real(*args, **kwargs)
    )
    again = reader("Asia/Tokyo", "ja").get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert rendered == []


def test_home_and_table_pages_answer_a_conditional_get_with_304(match):
    for url in ["/", table_url(match)]:
        first = Client().get(url)
        again = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert (again.status_code, again.content, again["ETag"]) == (304, b"", first["ETag"]), url


def test_a_goal_changes_every_pages_etag(match):
    before = {url: Client().get(url)["ETag"] for url in pages(match)}
    match_record_event(match=match, kind="goal", minute=7, team=match.away_team, player=match.scorer)
    for url, etag in before.items():
        response = Client().get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200, url
        assert response["ETag"] != etag, url
    assert "Salah" in Client().get(match.get_absolute_url()).content.decode()


def test_a_signed_in_editors_page_is_private_and_shows_the_console_link(match):
    editor = Client()
    editor.force_login(make_editor())
    for url in pages(match):
        response = editor.get(url)
        assert "private" in response["Cache-Control"], url
        assert "public" not in response["Cache-Control"], url
        assert "ETag" not in response, url
        assert ">Console</a>" in response.content.decode(), url
    assert ">Console</a>" not in Client().get(match.get_absolute_url()).content.decode()


def test_a_fan_who_voted_gets_a_private_page_showing_the_vote():
    poll = make_open_poll()
    fan = Client()
    option = poll.options.get(key="home")
    fan.post(reverse("polls:vote", args=[poll.pk]), {"option": option.pk})
    response = fan.get(poll.match.get_absolute_url())
    assert "private" in response["Cache-Control"]
    assert "poll__option--chosen" in response.content.decode()
    assert "poll__option--chosen" not in Client().get(poll.match.get_absolute_url()).content.decode()


def test_a_vote_from_the_sites_own_page_counts_without_a_token():
    poll = make_open_poll()
    fan = Client(enforce_csrf_checks=True)
    option = poll.options.get(key="home")
    response = fan.post(
        reverse("polls:vote", args=[poll.pk]),
        {"option": option.pk},
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 302
    assert Vote.objects.count() == 1


def test_a_sign_up_from_the_sites_own_page_is_taken_without_a_token():
    fan = Client(enforce_csrf_checks=True)
    response = fan.post(
        "/newsletter/", {"email": "fan@example.com"}, HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="fan@example.com").exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://evil.testserver"},
        # A header a browser never sends with that origin: the origin decides.
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": ORIGIN},
        {},
    ],
)
def test_a_post_without_a_token_that_its_browser_does_not_vouch_for_is_refused(headers):
    poll = make_open_poll()
    fan = Client(enforce_csrf_checks=True)
    option = poll.options.get(key="home")
    assert (
        fan.post(reverse("polls:vote", args=[poll.pk]), {"option": option.pk}, **headers).status_code == 403
    )
    assert fan.post("/newsletter/", {"email": "fan@example.com"}, **headers).status_code == 403
    assert not Vote.objects.exists()
    assert not Subscriber.objects.exists()
