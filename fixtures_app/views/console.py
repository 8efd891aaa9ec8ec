"""The editor console: its pages, the live fragment, and the writes behind its buttons.

Every write answers JSON when asked for it (`Accept: application/json`), and otherwise
redirects back to the console with a message, so the console works without JavaScript.
"""

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from fixtures_app.editing import GONE
from fixtures_app.editors import can_edit_matches
from fixtures_app.forms import CorrectionForm, DeleteForm, ServiceForm, StatsForm, StatusForm
from fixtures_app.forms_posts import record_form
from fixtures_app.models import Match, MatchEvent, MatchUpdate
from fixtures_app.selectors.console import console_page
from fixtures_app.selectors.home import home_page
from fixtures_app.services.updates import earlier_deletion
from live import realtime
from matchcentre.http import wants_json
from matchcentre.refusals import Refusal, form_refusal


def editor_required(view):
    """Signed-in editors only: others are sent to sign in, or told they may not write."""

    @login_required
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if can_edit_matches(request.user):
            return view(request, *args, **kwargs)
        message = "Only editors can use the match console."
        if wants_json(request):
            return Refusal("forbidden", message).response()
        context = {"title": "Editors only", "message": message}
        return render(request, "fixtures_app/console/notice.html", context, status=403)

    return guarded


@editor_required
@require_GET
def console_index(request):
    page = home_page(now=timezone.now(), tz=timezone.get_current_timezone())
    return render(request, "fixtures_app/console/index.html", {"page": page})


@editor_required
@require_GET
def console_match(request, pk: int):
    match = _match(pk)
    if match is None:
        return _not_found(request, "There is no such match.")
    context = {
        "console": console_page(match, now=timezone.now()),
        "match": match,
        "open_entry": request.GET.get("entry", ""),
        "open_correction": request.GET.get("correct", ""),
        "delivery_degraded": realtime.delivery_status() == realtime.DELIVERY_DEGRADED,
    }
    return render(request, "fixtures_app/console/match.html", context)


@editor_required
@require_GET
def console_events_fragment(request, pk: int):
    """The parts of the console that change, for a page that heard of a change to swap in."""
    match = _match(pk)
    if match is None:
        return _not_found(request, "There is no such match.")
    context = {"console": console_page(match, now=timezone.now()), "match": match}
    return render(request, "fixtures_app/console/_fragment.html", context)


@editor_required
@require_POST
def console_record(request, pk: int):
    match = _match(pk)
    if match is None:
        return _not_found(request, "There is no such match.")
    return _submit(request, match, lambda data: record_form(data, request.FILES, match=match))


@editor_required
@require_POST
def console_status(request, pk: int):
    match = _match(pk)
    if match is None:
        return _not_found(request, "There is no such match.")
    return _submit(request, match, lambda data: StatusForm(data, match=match))


@editor_required
@require_POST
def console_stats(request, pk: int):
    match = _match(pk)
    if match is None:
        return _not_found(request, "There is no such match.")
    return _submit(request, match, lambda data: StatsForm(data, match=match))


@editor_required
@require_POST
def console_correct(request, pk: int):
    event = _event(pk)
    if event is None:
        return _event_gone(request, pk)
    return _submit(request, event.match, lambda data: CorrectionForm(data, event=event))


@editor_required
@require_POST
def console_delete(request, pk: int):
    event = _event(pk)
    if event is None:
        return _event_gone(request, pk)
    return _submit(request, event.match, lambda data: DeleteForm(data, event=event))


def _match(pk: int) -> Match | None:
    return Match.objects.with_teams().select_related("tie").filter(pk=pk).first()


def _event(pk: int) -> MatchEvent | None:
    events = MatchEvent.objects.select_related("match__home_team", "match__away_team", "team")
    return events.filter(pk=pk).first()


def _submit(request, match: Match, make_form) -> HttpResponse:
    """Parses the request, lets the form call its service, and answers how the client asked."""
    data = _data(request)
    if data is None:
        return Refusal("invalid", "Send a JSON object.").response()
    form = make_form(data)
    written = form.save(by=request.user) if form.is_valid() else None
    if form.errors or written is None:
        return _refused(request, match, form)
    return _done(request, match, written.update)


def _data(request) -> QueryDict | dict | None:
    if request.content_type != "application/json":
        return request.POST
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python's parser goes
        return None
    return data if isinstance(data, dict) else None


def _done(request, match: Match, update: MatchUpdate) -> HttpResponse:
    """The write's answer, from the update it logged (for a repeated write, the first attempt's)."""
    if wants_json(request):
        answer = {
            "ok": True,
            "seq": update.seq,
            "event_id": update.event_id,
            "message": update.summary,
            "delivery": realtime.delivery_status(),
        }
        return JsonResponse(answer)
    messages.success(request, update.summary)  # the console page it redirects to shows the delivery banner
    return redirect("fixtures_app:console-match", pk=match.pk)


def _refused(request, match: Match, form: ServiceForm) -> HttpResponse:
    refusal = form_refusal(form)
    if wants_json(request):
        return refusal.response()
    messages.error(request, refusal.message)
    return redirect("fixtures_app:console-match", pk=match.pk)


def _event_gone(request, pk: int) -> HttpResponse:
    """An event that is not there: deleted by this very request before (a retry), or by someone else."""
    data = _data(request) or {}
    earlier = earlier_deletion(event_id=pk, client_key=str(data.get("client_key") or ""))
    if earlier is not None:
        return _done(request, earlier.match, earlier)
    if wants_json(request):
        return Refusal("gone", GONE).response()
    messages.error(request, GONE)
    deleted_from = MatchUpdate.objects.filter(event_id=pk, kind="event_deleted").values_list(
        "match_id", flat=True
    )
    if deleted_from:
        return redirect("fixtures_app:console-match", pk=deleted_from[0])
    return redirect("fixtures_app:console")


def _not_found(request, message: str) -> HttpResponse:
    if wants_json(request):
        return Refusal("not_found", message).response()
    context = {"title": "Not found", "message": message}
    return render(request, "fixtures_app/console/notice.html", context, status=404)
