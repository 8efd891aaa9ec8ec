"""Widgets other sites put in an iframe: a match (score, clock, key events, live) and a table.

Framed only by the origins settings.EMBED_ORIGINS lists (their CSP `frame-ancestors`; none when
it is empty), while every other page keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
X-Frame-Options cannot name origins, so an embed drops it: browsers that know CSP obey
`frame-ancestors` and ignore X-Frame-Options anyway.

An embed is the same for every reader: it reads no cookie (times in the site's default zone, the
reader's own set by its script), sets none, and may be kept by a CDN for EMBED_CACHE_SECONDS.
"""

import zoneinfo
from collections.abc import Callable
from functools import wraps

from csp.constants import NONE
from csp.decorators import csp, csp_replace
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from fixtures_app.models import Match, Season, Stage
from fixtures_app.selectors.match import is_football, match_for_page, match_title, stage_line
from fixtures_app.selectors.page_parts import match_parts
from fixtures_app.selectors.tables import season_tables

# Long enough for a CDN to answer a crowd from one copy; the page's socket brings what is newer.
EMBED_CACHE_SECONDS = 10
THEMES = frozenset({"light", "dark"})

View = Callable[..., HttpResponseBase]


def embeddable(view: View) -> View:
    """Lets the sites settings.EMBED_ORIGINS lists frame the view, and only them; cacheable by all.

    The origins are read at each request (they are settings). When the site's policy is only
    reported (MATCHCENTRE_CSP_REPORT_ONLY), `frame-ancestors` is still enforced here, alone:
    without X-Frame-Options nothing else would keep other sites from framing the widget.
    """

    @wraps(view)
    def framed(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        ancestors = {"frame-ancestors": list(settings.EMBED_ORIGINS) or [NONE]}
        enforce = csp_replace(ancestors) if settings.CONTENT_SECURITY_POLICY else csp(ancestors)
        report = csp_replace(ancestors, REPORT_ONLY=True)
        with timezone.override(zoneinfo.ZoneInfo(settings.MATCHCENTRE_DEFAULT_READER_TIMEZONE)):
            return report(enforce(view))(request, *args, **kwargs)

    cached = cache_control(public=True, max_age=EMBED_CACHE_SECONDS, s_maxage=EMBED_CACHE_SECONDS)
    return require_safe(xframe_options_exempt(cached(framed)))


def theme(request: HttpRequest) -> str:
    """`light` or `dark` when the embedding site asks for one (`?theme=`); else "", the reader's."""
    asked = request.GET.get("theme", "")
    return asked if asked in THEMES else ""


def not_found(request: HttpRequest, message: str) -> HttpResponse:
    context = {"message": message, "theme": theme(request)}
    return render(request, "embed/404.html", context, status=404)


@embeddable
def match_embed(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        match = match_for_page(pk)
    except Match.DoesNotExist:
        return not_found(request, "There is no such match.")
    parts = match_parts(match, now=timezone.now(), site_url=request.build_absolute_uri("/"))
    context = {
        "match": match,
        "title": match_title(match),
        "stage_line": stage_line(match, parts.leg_label),
        "football": is_football(match),
        "parts": parts,
        "live_poll_interval": settings.LIVE_POLL_INTERVAL,
        "theme": theme(request),
    }
    return render(request, "embed/match.html", context)


@embeddable
def table_embed(request: HttpRequest, competition: str, season: str) -> HttpResponse:
    stage = request.GET.get("stage") or None
    try:
        page = season_tables(competition, season, stage)
    except (Season.DoesNotExist, Stage.DoesNotExist):
        return not_found(request, "There is no such table.")
    full = reverse("fixtures_app:table", kwargs={"competition": competition, "season": season})
    if stage:
        full = page.tables[0].url
    context = {"page": page, "season": page.season, "full_table_url": full, "theme": theme(request)}
    return render(request, "embed/table.html", context)
