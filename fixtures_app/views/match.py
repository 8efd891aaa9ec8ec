from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from fixtures_app.models import Match
from fixtures_app.selectors.fixtures import todays_games
from fixtures_app.selectors.home import front_page
from fixtures_app.selectors.match import is_football, match_for_page, match_heading, match_title, stage_line
from fixtures_app.selectors.page_parts import around_parts, match_parts, table_part
from polls.selectors import match_polls
from polls.voters import voter_key


def home(request):
    tz = timezone.get_current_timezone()
    context = {"page": front_page(now=timezone.now(), tz=tz), **_sidebar(tz)}
    return render(request, "fixtures_app/home.html", context)


def _sidebar(tz) -> dict:
    return {"todays_games": todays_games(day=timezone.localdate(timezone=tz), tz=tz)}


def match_detail(request, pk: int, slug: str = ""):
    try:
        match = match_for_page(pk)
    except Match.DoesNotExist:
        raise Http404("There is no such match.") from None
    if request.path != match.get_absolute_url():
        return redirect(match, permanent=True)
    now = timezone.now()
    parts = match_parts(match, now=now, site_url=request.build_absolute_uri("/"))
    context = {
        "match": match,
        "heading": match_heading(match),
        "title": match_title(match),
        "stage_line": stage_line(match, parts.leg_label),
        # Another sport's game shows its header and score only, none of football's furniture.
        "football": is_football(match),
        # The parts showing the match alone, rendered once per change of the match (its seq).
        "parts": parts,
        # Its article, "Read next", past meetings and today's games, once per change of those.
        "around": around_parts(match, now=now, tz=timezone.get_current_timezone()),
        # Every poll of the match, the main one first, each as this fan sees it.
        "polls": match_polls(match=match, voter_key=voter_key(request)),
        "live_poll_interval": settings.LIVE_POLL_INTERVAL,
        "table": table_part(match),
    }
    return render(request, "fixtures_app/match.html", context)
