"""Search across teams, players, competitions and matches: parse, call a selector, render."""

from django.http import Http404
from django.views.decorators.http import require_GET


@require_GET
def search(request):
    raise Http404("Search is being built.")
