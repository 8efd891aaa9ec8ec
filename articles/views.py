"""The article page and the score card a shared match shows."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles.cards import score_card_svg
from articles.models import Article
from articles.selectors import article_for_page, article_social, match_card_facts, read_next
from fixtures_app.models import Match
from fixtures_app.selectors.match import match_for_page, match_page

CARD_MAX_AGE = 60


@require_safe
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    now = timezone.now()
    try:
        article = article_for_page(slug, now=now)
    except Article.DoesNotExist:
        raise Http404("There is no such article.") from None
    context = {
        "article": article,
        "read_next": read_next(article, now=now),
        "social": article_social(article, site_url=request.build_absolute_uri("/")),
    }
    return render(request, "articles/detail.html", context)


@require_safe
def match_card(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        match = match_for_page(pk)
    except Match.DoesNotExist:
        raise Http404("There is no such match.") from None
    facts = match_card_facts(match, page=match_page(match, now=timezone.now()))
    response = HttpResponse(score_card_svg(facts), content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE}"
    return response
