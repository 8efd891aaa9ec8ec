"""The article page and the score card a shared match shows."""

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles.card_picture import score_card_png
from articles.cards import CardFacts, score_card_svg
from articles.models import Article
from articles.selectors import article_for_page, article_social, match_card_facts, read_next
from articles.structured_data import article_graph
from fixtures_app.models import Match
from fixtures_app.selectors.match import match_for_page, match_page
from fixtures_app.selectors.page_parts import fingerprint
from matchcentre.structured_data import json_ld

CARD_MAX_AGE = 60
CARD_CACHE_SECONDS = 600  # drawing a card takes about 50 ms; its key is everything it shows


@require_safe
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    now = timezone.now()
    try:
        article = article_for_page(slug, now=now)
    except Article.DoesNotExist:
        raise Http404("There is no such article.") from None
    site_url = request.build_absolute_uri("/")
    social = article_social(article, site_url=site_url)
    context = {
        "article": article,
        "read_next": read_next(article, now=now),
        "social": social,
        "structured_data": json_ld(article_graph(article, social=social, site_url=site_url)),
    }
    return render(request, "articles/detail.html", context)


@require_safe
def match_card(request: HttpRequest, pk: int) -> HttpResponse:
    """The score card as SVG (the address shares made before the PNG card still point to)."""
    response = HttpResponse(score_card_svg(_card_facts(pk)), content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE}"
    return response


@require_safe
def match_card_png(request: HttpRequest, pk: int) -> HttpResponse:
    """The score card as PNG, the picture a shared match shows: drawn once for what it shows."""
    facts = _card_facts(pk)
    key = f"match-card-png:{fingerprint(facts)}"
    picture = cache.get(key)
    if picture is None:
        picture = score_card_png(facts)
        cache.set(key, picture, CARD_CACHE_SECONDS)
    response = HttpResponse(picture, content_type="image/png")
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE}"
    return response


def _card_facts(pk: int) -> CardFacts:
    try:
        match = match_for_page(pk)
    except Match.DoesNotExist:
        raise Http404("There is no such match.") from None
    return match_card_facts(match, page=match_page(match, now=timezone.now()))
