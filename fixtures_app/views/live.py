import json

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.views.decorators.http import require_GET

from fixtures_app.selectors.snapshots import match_head, missed_texts


@require_GET
def match_updates(request, pk: int):
    """The same messages the websocket sends, for clients without one (the page polls this).
    They are the texts the sockets are sent, kept per (match, seq): written in as they are."""
    try:
        since = int(request.GET.get("since", "0"))
    except ValueError:
        return HttpResponseBadRequest("since must be a whole number: the last sequence number seen.")
    head = match_head(pk)
    if head is None:
        raise Http404("There is no such match.")
    messages = ",".join(missed_texts(head, since, now=timezone.now()))
    body = (
        f'{{"match":{head.match_id},"seq":{head.seq},"messages":[{messages}],'
        f'"poll_interval":{json.dumps(settings.LIVE_POLL_INTERVAL)}}}'
    )
    return HttpResponse(body, content_type="application/json")
