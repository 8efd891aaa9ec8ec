"""Search across teams, players, competitions and matches: parse, call a selector, render."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from fixtures_app.forms import NOT_UNICODE, is_unicode
from fixtures_app.selectors import search as site_search
from fixtures_app.selectors.search_text import query_terms

TEMPLATE = "fixtures_app/search.html"
NUL = "The search has a null character (%00) in it: remove it and try again."
TOO_SHORT = f"Type at least {site_search.MIN_LENGTH} characters to search."
NO_WORDS = "Type a name to search for: a club, a player, a competition, or two clubs for their matches."


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    refusal = _refusal(query)
    if refusal:
        # No database can store these characters (PostgreSQL refuses a NUL with an error).
        return render(request, TEMPLATE, {"query": "", "problem": refusal}, status=400)
    problem = _problem(query)
    results = None
    if query and not problem:
        results = site_search.search(query, tz=timezone.get_current_timezone())
    return render(
        request,
        TEMPLATE,
        {"query": query[: site_search.MAX_LENGTH], "problem": problem, "results": results},
    )


def _refusal(query: str) -> str:
    """Why the query cannot be read at all, or ""."""
    if "\x00" in query:
        return NUL
    return "" if is_unicode(query) else NOT_UNICODE


def _problem(query: str) -> str:
    """What to change before the search can be made, or "" (an empty box only shows the form)."""
    if not query:
        return ""
    if len(query) > site_search.MAX_LENGTH:
        return (
            f"Search for at most {site_search.MAX_LENGTH} characters (that was {len(query)}): "
            "shorten it and search again."
        )
    if len(query) < site_search.MIN_LENGTH:
        return TOO_SHORT
    return "" if query_terms(query) else NO_WORDS
