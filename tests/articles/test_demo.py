"""The demo's articles: the seed's report and preview, and the preview of the match to come."""

import pytest
from django.utils import timezone

from articles.models import Article
from articles.selectors import match_article, read_next
from demo.loader import load_demo
from fixtures_app.models import Match

pytestmark = pytest.mark.django_db


def test_the_seed_page_shows_its_report_and_suggests_a_preview(demo):
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool", leg=2)
    report = match_article(seed, now=timezone.now())
    assert report.kind == Article.Kind.REPORT
    assert report.photo_credit == "Illustration: MatchCentre"
    assert report.photo_src.endswith("articles/penalty-spot-night.svg")
    assert [line for line in report.body.splitlines() if line.startswith("## ")] == [
        "## A penalty inside seven minutes",
        "## The chances that got away",
        "## Changes, and little to show for them",
        "## Atalanta's night after all",
    ]
    for fact in ("Ruggeri's arm", "39 minutes", "offside", "triple substitution", "Jayden Danns", "0.11"):
        assert fact in report.body
    suggestions = read_next(report)
    assert suggestions and all(article.kind == Article.Kind.PREVIEW for article in suggestions)
    assert "Liverpool v Manchester City" in [s.headline.split(":")[0] for s in suggestions]


def test_the_preview_of_the_match_to_come_is_on_its_page(demo):
    upcoming = Match.objects.get(home_team__name="Liverpool", away_team__name="Manchester City")
    assert match_article(upcoming, now=timezone.now()).slug == "liverpool-v-manchester-city-preview"


def test_loading_again_adds_no_second_copy(demo):
    load_demo(now=timezone.now())
    assert Article.objects.count() == 3
