from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from articles.selectors import match_article, read_next
from fixtures_app.models import Match
from fixtures_app.selectors.fixtures import game_history, todays_games
from fixtures_app.selectors.home import home_page
from fixtures_app.selectors.match import match_for_page
from fixtures_app.selectors.page_parts import match_parts, table_part
from fixtures_app.selectors.tables import table_for_match
from polls.selectors import match_poll
from polls.voters import voter_key


def home(request):
    tz = timezone.get_current_timezone()
    page = home_page(now=timezone.now(), tz=tz)
    featured = next(iter(page.live or page.today or page.recent), None)
    table = table_for_match(featured) if featured else None
    context = {"page": page, "table": table, **_sidebar(tz)}
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
    article = match_article(match, now=now)
    context = {
        "match": match,
        # The parts showing the match alone, rendered once per change of the match (its seq).
        "parts": match_parts(match, now=now, site_url=request.build_absolute_uri("/")),
        "poll": match_poll(match=match, voter_key=voter_key(request)),
        "live_poll_interval": settings.LIVE_POLL_INTERVAL,
        "table": table_part(match),
        "game_history": game_history(match, tz=timezone.get_current_timezone()),
        "article": article,
        "read_next": read_next(article or match, now=now),
        **_sidebar(timezone.get_current_timezone()),
    }
    return render(request, "fixtures_app/match.html", context)
