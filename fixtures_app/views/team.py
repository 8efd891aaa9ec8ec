"""A club's page: parse, call a selector, render."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from fixtures_app.models import Team
from fixtures_app.selectors.team import team_page


@require_GET
def team(request, slug: str):
    try:
        page = team_page(slug, tz=timezone.get_current_timezone())
    except Team.DoesNotExist:
        raise Http404("There is no such club.") from None
    return render(request, "fixtures_app/team.html", {"page": page, "team": page.team})
