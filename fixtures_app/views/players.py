"""A player's page: parse, call a selector, render."""

from django.http import Http404
from django.views.decorators.http import require_GET


@require_GET
def player(request, pk: int, slug: str = ""):
    raise Http404("Player pages are being built.")
