import functools

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from fixtures_app.models import Match
from fixtures_app.selectors.fixtures import todays_games
from fixtures_app.selectors.home import front_page
from fixtures_app.selectors.match import is_football, match_for_page, match_heading, match_title, stage_line
from fixtures_app.selectors.page_keys import home_key, match_key
from fixtures_app.selectors.page_parts import around_parts, match_parts, table_part
from fixtures_app.views.edge import conditional, edge_cacheable
from polls.selectors import match_polls
from polls.voters import voter_key


@edge_cacheable
def home(request):
    now = timezone.now()
    tz = timezone.get_current_timezone()

    def page():
        context = {"page": front_page(now=now, tz=tz), **_sidebar(tz)}
        return render(request, "fixtures_app/home.html", context)

    return conditional(request, shown=lambda: home_key(now=now), render=page)


def _sidebar(tz) -> dict:
    return {"todays_games": todays_games(day=timezone.localdate(timezone=tz), tz=tz)}


@edge_cacheable
def match_detail(request, pk: int, slug: str = ""):
    try:
        match = match_for_page(pk)
    except Match.DoesNotExist:
        raise Http404("There is no such match.") from None
    if request.path != match.get_absolute_url():
        return redirect(match, permanent=True)
    now, tz = timezone.now(), timezone.get_current_timezone()
    site_url = request.build_absolute_uri("/")

    def page():
        context = _match_context(request, match, now=now, tz=tz, site_url=site_url)
        return render(request, "fixtures_app/match.html", context)

    # Everything the page shows, read without rendering it: its ETag and the key of the kept page.
    shown = functools.partial(match_key, match, now=now, tz=tz, site_url=site_url)
    return conditional(request, shown=shown, render=page)


def _match_context(request, match: Match, *, now, tz, site_url: str) -> dict:
    parts = match_parts(match, now=now, site_url=site_url)
    return {
        "match": match,
        "heading": match_heading(match),
        "title": match_title(match),
        "stage_line": stage_line(match, parts.leg_label),
        # Another sport's game shows its header and score only, none of football's furniture.
        "football": is_football(match),
        # The parts showing the match alone, rendered once per change of the match (its seq).
        "parts": parts,
        # Its article, "Read next", past meetings and today's games, once per change of those.
        "around": around_parts(match, now=now, tz=tz),
        # Every poll of the match, the main one first, each as this fan sees it.
        "polls": match_polls(match=match, voter_key=voter_key(request)),
        "live_poll_interval": settings.LIVE_POLL_INTERVAL,
        "table": table_part(match),
    }
