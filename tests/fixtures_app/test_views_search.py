"""The search page (/search/) and the search box in every page's header."""

import html
import re

import pytest
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import reverse

from fixtures_app.views.search import search
from tests.factories import make_competition, make_result, make_season, make_stage, make_team

pytestmark = pytest.mark.django_db

SEARCH = "/search/"
HEADER_BOX = re.compile(
    r'<form class="site-search" action="/search/" method="get" role="search".*?'
    r'<label[^>]*for="site-search-q"[^>]*>[^<]+</label>.*?'
    r'<input[^>]*id="site-search-q"[^>]*name="q"',
    re.S,
)


def page_text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def title(response) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1))


def box_value(response) -> str | None:
    found = re.search(r'<input[^>]*id="search-q"[^>]*value="([^"]*)"', response.content.decode())
    return html.unescape(found.group(1)) if found else None


@pytest.fixture
def league():
    stage = make_stage(make_season(make_competition("Premier League")))
    liverpool = make_team("Liverpool", country="England")
    chelsea = make_team("Chelsea", country="England")
    match = make_result(liverpool, chelsea, stage, score=(4, 1))
    return liverpool, chelsea, match


def test_an_empty_search_shows_the_form_only(client, league):
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert title(response) == "Search — MatchCentre"
    assert box_value(response) == ""
    assert "result" not in page_text(response).lower()
    assert 'role="alert"' not in response.content.decode()


def test_results_are_grouped_with_their_counts_and_links(client, league):
    liverpool, _, match = league
    response = client.get(SEARCH, {"q": "liverp"})
    assert response.status_code == 200
    assert title(response) == "Search: liverp — MatchCentre"
    assert box_value(response) == "liverp"
    text = page_text(response)
    assert "2 results for “liverp”" in text
    assert "Teams 1" in text and "Matches 1" in text and "Players 0" in text
    content = response.content.decode()
    assert f'href="{reverse("fixtures_app:team", args=[liverpool.slug])}"' in content
    assert f'href="{match.get_absolute_url()}"' in content
    assert "Liverpool England · Premier League" in text
    assert "Liverpool v Chelsea Thu 18 Apr 2024 · Premier League · FT 4-1" in text


def test_a_search_that_finds_nothing_says_so_and_suggests_what_to_try(client, league):
    response = client.get(SEARCH, {"q": "Barcelona"})
    assert response.status_code == 200
    text = page_text(response)
    assert "No results for “Barcelona”" in text
    assert "type the start of a name" in text and "type both clubs" in text


def test_a_query_of_one_character_asks_for_more(client, league):
    response = client.get(SEARCH, {"q": " l "})
    assert response.status_code == 200
    assert "Type at least 2 characters to search." in page_text(response)
    assert "Liverpool" not in page_text(response)


def test_punctuation_alone_asks_for_a_name(client, league):
    response = client.get(SEARCH, {"q": "?!"})
    assert response.status_code == 200
    assert "Type a name to search for" in page_text(response)


def test_a_query_over_100_characters_is_refused_with_a_clear_message(client, league):
    query = "liverpool " * 11
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    text = page_text(response)
    assert f"Search for at most 100 characters (that was {len(query.strip())})" in text
    assert "Liverpool" not in text  # nothing was searched
    assert box_value(response) == query.strip()[:100]


def test_a_null_character_is_refused_with_400_and_a_reason(client, league):
    response = client.get(SEARCH + "?q=liver%00pool")
    assert response.status_code == 400
    assert "null character (%00)" in page_text(response)
    assert box_value(response) == ""


def test_a_lone_surrogate_is_refused_with_400_and_a_reason(league):
    # A browser cannot send one (Django reads bad UTF-8 as U+FFFD), so the view is given one directly.
    request = RequestFactory().get(SEARCH)
    request.GET = QueryDict(mutable=True)
    request.GET["q"] = "liver\ud800pool"
    response = search(request)
    assert response.status_code == 400
    assert "lone surrogate" in response.content.decode()


def test_what_was_typed_is_shown_as_text_never_as_markup(client, league):
    response = client.get(SEARCH, {"q": '<script>alert("x")</script>'})
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content


def test_search_takes_get_only(client):
    assert client.post(SEARCH, {"q": "liverpool"}).status_code == 405


@pytest.mark.parametrize("page", ["search", "team", "table", "login"])
def test_every_page_has_the_search_box_in_its_header(client, league, page):
    liverpool, _, match = league
    season = match.stage.season
    url = {
        "search": SEARCH,
        "team": reverse("fixtures_app:team", args=[liverpool.slug]),
        "table": reverse("fixtures_app:table", args=[season.competition.slug, season.slug]),
        "login": "/accounts/login/",
    }[page]
    response = client.get(url)
    assert response.status_code == 200
    header = response.content.decode().split('<header class="site-header"', 1)[1].split("</header>", 1)[0]
    assert HEADER_BOX.search(header), f"no labelled search box in the header of {url}"
