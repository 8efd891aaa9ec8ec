"""The Content-Security-Policy header: every page carries the strict policy, a view that must be
framed (an embed) can name who frames it, and the settings widen it only where told.

That the pages work under it in a browser: tests/security/test_browser_csp.py.
"""

import json

import pytest
from csp.decorators import csp_replace
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt

from articles.models import Article
from fixtures_app.models import Match, Team
from tests.matchcentre.test_settings import PRODUCTION, manage

STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}


def in_play() -> Match:
    return Match.objects.in_play().football().get()


def table_of(match: Match) -> str:
    season = match.stage.season
    return f"/competitions/{season.competition.slug}/{season.slug}/table/"


def an_article() -> Article:
    article = Article.objects.published(timezone.now()).first()
    assert article is not None, "the demo has a published article"
    return article


PAGES = {
    "home": lambda: "/",
    "live match": lambda: in_play().get_absolute_url(),
    "match with a poll": lambda: Match.objects.get(
        status="scheduled", home_team__name="Liverpool"
    ).get_absolute_url(),
    "table": lambda: table_of(in_play()),
    "team": lambda: f"/teams/{Team.objects.get(name='Chelsea').slug}/",
    "article": lambda: an_article().get_absolute_url(),
    "sign-in": lambda: "/accounts/login/",
    "console": lambda: f"/console/matches/{in_play().pk}/",
    "admin change list": lambda: "/admin/fixtures_app/match/",
    "API docs": lambda: "/api/docs",
    "not found": lambda: "/matches/999999/",
}


def directives(header: str) -> dict[str, list[str]]:
    """A policy header as {directive: sources}."""
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


@pytest.fixture
def staff_client(demo) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("csp-admin", password="pass-for-tests-only"))
    return client


@pytest.mark.parametrize("page", PAGES)
def test_every_page_carries_the_strict_policy_and_refuses_framing(staff_client, page):
    response = staff_client.get(PAGES[page]())

    assert response.status_code == (404 if page == "not found" else 200)
    assert response["Content-Type"].startswith("text/html")
    policy = directives(response["Content-Security-Policy"])
    assert {name: policy.get(name) for name in STRICT} == STRICT
    assert policy["img-src"][:2] == ["'self'", "data:"]
    assert response["X-Frame-Options"] == "DENY"


@csp_replace({"frame-ancestors": ["https://club.example"]})
@xframe_options_exempt
def embed(request: HttpRequest) -> HttpResponse:
    """As an embeddable widget will be: framed by the sites an operator names, and only there."""
    return HttpResponse("<p>Arsenal 2–1 Chelsea</p>")


urlpatterns = [path("embed/", embed)]


@pytest.mark.urls(__name__)
def test_an_embed_view_names_who_may_frame_it_and_keeps_the_rest_of_the_policy(client):
    response = client.get("/embed/")

    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["https://club.example"]
    assert policy["script-src"] == ["'self'"]
    assert "X-Frame-Options" not in response


POLICIES = """
import json
from csp.utils import build_policy
print(json.dumps([build_policy(), build_policy(report_only=True)]))
"""


def test_settings_widen_images_and_switch_to_report_only_only_when_told():
    result = manage(
        "shell",
        "-c",
        POLICIES,
        env={
            **PRODUCTION,
            "DJANGO_MEDIA_URL": "https://photos.example/media/",
            "MATCHCENTRE_CSP_IMAGE_SOURCES": "https://crests.example",
            "MATCHCENTRE_CSP_REPORT_ONLY": "1",
            "MATCHCENTRE_CSP_REPORT_URI": "https://reports.example/csp",
        },
    )
    assert result.returncode == 0, result.stderr

    enforced, reported = json.loads(result.stdout.strip().splitlines()[-1])
    assert enforced == ""
    policy = directives(reported)
    assert policy["img-src"] == ["'self'", "data:", "https://photos.example", "https://crests.example"]
    assert policy["report-uri"] == ["https://reports.example/csp"]
    assert "upgrade-insecure-requests" in policy  # DJANGO_HTTPS is on
    assert {name: policy.get(name) for name in STRICT} == STRICT
