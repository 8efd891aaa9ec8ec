"""The article page, the share card, and the match page's article, sharing and sign-up."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from PIL import Image

from articles.models import Article
from football.status import Status
from tests.articles.factories import make_article
from tests.factories import make_match, make_team

pytestmark = pytest.mark.django_db

BODY = """The opening.

## First half
A <script>alert("x")</script>penalty [link](javascript:alert(1)).

## Second half
Little else."""


@pytest.fixture
def finished():
    return make_match(
        make_team("Atalanta"),
        make_team("Liverpool"),
        status=Status.FULL_TIME,
        home_score=0,
        away_score=1,
        home_half_time_score=0,
        away_half_time_score=1,
    )


def published(**fields):
    return make_article(published_at=timezone.now() - dt.timedelta(hours=1), **fields)


def test_the_article_page_shows_the_article_in_sections_cleaned(client, finished):
    article = published(match=finished, kind=Article.Kind.REPORT, headline="Salah scores", body=BODY)
    response = client.get(f"/articles/{article.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="article__headline" id="article-title">Salah scores</h1>' in html
    assert ">First half</h2>" in html and ">Second half</h2>" in html
    assert "alert" not in html.split("<main")[1]
    assert "javascript:" not in html
    assert "Share this article" in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Salah scores">' in html


def test_a_draft_has_no_page(client):
    draft = make_article(published_at=None)
    assert client.get(f"/articles/{draft.slug}/").status_code == 404
    assert client.get("/articles/no-such-article/").status_code == 404


def test_the_photo_has_its_caption_and_credit(client):
    article = published(
        photo_url="/static/articles/penalty-spot-night.svg",
        photo_alt="A ball on the spot",
        photo_caption="Under the lights.",
        photo_credit="Illustration: MatchCentre",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<img class="article__photo" src="/static/articles/penalty-spot-night.svg" alt="A ball on the spot"'
        in html
    )
    assert (
        "Under the lights." in html
        and '<span class="article__credit">Illustration: MatchCentre</span>' in html
    )
    assert 'property="og:image" content="http://testserver/static/articles/penalty-spot-night.svg"' in html


def test_the_match_page_shows_its_report_share_links_read_next_and_the_sign_up(client, finished):
    published(match=finished, kind=Article.Kind.REPORT, headline="Salah's penalty is not enough", body=BODY)
    other = published(teams=[finished.away_team], kind=Article.Kind.PREVIEW, headline="Next up")
    html = client.get(finished.get_absolute_url()).content.decode()
    assert '<h2 class="article__headline" id="article-title">Salah&#x27;s penalty is not enough</h2>' in html
    assert ">First half</h3>" in html
    assert html.index("article-title") < html.index("Minute by minute")
    assert "Share this match" in html
    assert f'href="{other.get_absolute_url()}">Next up</a>' in html
    assert "Get match previews, twice a week" in html
    assert '<meta property="og:title" content="Atalanta 0-1 Liverpool">' in html
    assert f'<link rel="canonical" href="http://testserver{finished.get_absolute_url()}">' in html


def test_a_match_page_without_an_article_still_offers_sharing(client, finished):
    html = client.get(finished.get_absolute_url()).content.decode()
    assert 'id="article-title"' not in html
    assert "Share this match" in html
    assert "Read next" not in html


def test_the_score_card_networks_show_is_a_png_of_the_score(client, finished, monkeypatch):
    from django.core.cache import cache

    from articles import views

    cache.clear()
    drawn = []
    draw = views.score_card_png
    monkeypatch.setattr(views, "score_card_png", lambda facts: drawn.append(facts) or draw(facts))
    response = client.get(f"/matches/{finished.pk}/card.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=60" in response["Cache-Control"]
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    assert [(facts.score, facts.status_line) for facts in drawn] == [("0–1", "FT (HT: 0-1)")]
    assert client.get(f"/matches/{finished.pk}/card.png").content == response.content
    assert len(drawn) == 1  # drawn once for what it shows
    finished.away_score = 2
    finished.save(update_fields=["away_score"])
    assert client.get(f"/matches/{finished.pk}/card.png").content != response.content
    assert [facts.score for facts in drawn] == ["0–1", "0–2"]
    assert client.get("/matches/999999/card.png").status_code == 404
    assert client.post(f"/matches/{finished.pk}/card.png").status_code == 405


def test_the_score_card_is_an_svg_picture_of_the_score(client, finished):
    response = client.get(f"/matches/{finished.pk}/card.svg")
    svg = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "max-age=60" in response["Cache-Control"]
    assert ">0–1<" in svg and ">FT (HT: 0-1)<" in svg
    assert client.get("/matches/999999/card.svg").status_code == 404
    assert client.post(f"/matches/{finished.pk}/card.svg").status_code == 405
