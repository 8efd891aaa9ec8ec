"""A player's page: parse, call a selector, render."""

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from fixtures_app.models import Player
from fixtures_app.selectors.players import player_page


@require_GET
def player(request, pk: int, slug: str = ""):
    tz = timezone.get_current_timezone()
    try:
        page = player_page(pk, today=timezone.localdate(timezone=tz), tz=tz)
    except Player.DoesNotExist:
        return render(request, "fixtures_app/player_missing.html", status=404)
    if request.path != page.player.get_absolute_url():
        return redirect(page.player, permanent=True)
    return render(request, "fixtures_app/player.html", {"page": page, "player": page.player})
