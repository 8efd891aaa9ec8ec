from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from fixtures_app.models import Match
from fixtures_app.selectors.home import home_page
from fixtures_app.selectors.match import match_for_page, match_page


def home(request):
    page = home_page(now=timezone.now(), tz=timezone.get_current_timezone())
    return render(request, "fixtures_app/home.html", {"page": page})


def match_detail(request, pk: int, slug: str = ""):
    try:
        match = match_for_page(pk)
    except Match.DoesNotExist:
        raise Http404("There is no such match.") from None
    if request.path != match.get_absolute_url():
        return redirect(match, permanent=True)
    page = match_page(match, now=timezone.now())
    context = {"page": page, "match": match, "sides": (page.home, page.away)}
    return render(request, "fixtures_app/match.html", context)
