from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from fixtures_app.models import Match
from fixtures_app.selectors.updates import updates_since


@require_GET
def match_updates(request, pk: int):
    """The same messages the websocket sends, for clients without one (the page polls this)."""
    try:
        since = int(request.GET.get("since", "0"))
    except ValueError:
        return HttpResponseBadRequest("since must be a whole number: the last sequence number seen.")
    match = Match.objects.filter(pk=pk).first()
    if match is None:
        raise Http404("There is no such match.")
    messages = updates_since(match, since, now=timezone.now())
    return JsonResponse(
        {
            "match": match.pk,
            "seq": match.seq,
            "messages": messages,
            "poll_interval": settings.LIVE_POLL_INTERVAL,
        }
    )
