"""The editor console: its pages, the live fragment, and the writes behind its buttons.

Every write answers JSON when asked for it (`Accept: application/json`), and otherwise
redirects back to the console with a message, so the console works without JavaScript.
"""

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from fixtures_app.editors import can_edit_matches
from fixtures_app.forms import CorrectionForm, DeleteForm, EventForm, ServiceForm, StatsForm, StatusForm
from fixtures_app.models import Match, MatchEvent, MatchUpdate
from fixtures_app.selectors.console import console_page
from fixtures_app.selectors.home import home_page
from live import realtime
from matchcentre.http import wants_json

# Refusals that are nobody's typing mistake: the event changed or went while the editor looked.
CONFLICT_CODES = ("stale", "gone")


def editor_required(view):
    """Signed-in editors only: others are sent to sign in, or told they may not write."""

    @login_required
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if can_edit_matches(request.user):
            return view(request, *args, **kwargs)
        message = "Only editors can use the match console."
        if wants_json(request):
            return _json_refusal(message, "forbidden", status=403)
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
    return _submit(request, match, lambda data: EventForm(data, match=match))


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
        return _json_refusal("Send a JSON object.", "invalid", status=400)
    form = make_form(data)
    if form.is_valid():
        form.save(by=request.user)
    if form.errors:
        return _refused(request, match, form)
    return _done(request, match, _update(match, form.cleaned_data["client_key"]))


def _data(request) -> QueryDict | dict | None:
    if request.content_type != "application/json":
        return request.POST
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python's parser goes
        return None
    return data if isinstance(data, dict) else None


def _update(match: Match, client_key: str) -> MatchUpdate | None:
    """The update the write made (or, for a repeated write, the first attempt made)."""
    updates = MatchUpdate.objects.filter(match=match).defer("message")
    if client_key:
        return updates.filter(client_key=client_key).first()
    return updates.order_by("-seq").first()


def _done(request, match: Match, update: MatchUpdate | None) -> HttpResponse:
    summary = update.summary if update else "Saved."
    delivery = realtime.delivery_status()
    if wants_json(request):
        seq, event_id = (update.seq, update.event_id) if update else (None, None)
        answer = {"ok": True, "seq": seq, "event_id": event_id, "message": summary, "delivery": delivery}
        return JsonResponse(answer)
    messages.success(request, summary)  # the console page it redirects to shows the delivery banner
    return redirect("fixtures_app:console-match", pk=match.pk)


def _refused(request, match: Match, form: ServiceForm) -> HttpResponse:
    message = _error_message(form)
    code = next((code for code in CONFLICT_CODES if form.has_error(NON_FIELD_ERRORS, code)), "invalid")
    if wants_json(request):
        errors = {name: list(errors) for name, errors in form.errors.items()}
        return _json_refusal(message, code, status=409 if code in CONFLICT_CODES else 400, errors=errors)
    messages.error(request, message)
    return redirect("fixtures_app:console-match", pk=match.pk)


def _error_message(form: ServiceForm) -> str:
    """Every error in one line an editor can read aloud: "Minute: Enter a whole number."."""
    lines = []
    for name, errors in form.errors.items():
        prefix = "" if name == NON_FIELD_ERRORS else f"{form.fields[name].label}: "
        lines.extend(f"{prefix}{error}" for error in errors)
    return " ".join(lines)


def _event_gone(request, pk: int) -> HttpResponse:
    """An event that is not there: deleted by this very request before (a retry), or by someone else."""
    data = _data(request) or {}
    client_key = data.get("client_key") or ""
    earlier = MatchUpdate.objects.filter(event_id=pk, kind="event_deleted").defer("message").first()
    if earlier is not None and client_key and earlier.client_key == client_key:
        return _done(request, earlier.match, earlier)
    message = "This event no longer exists: another editor may have deleted it."
    if wants_json(request):
        return _json_refusal(message, "gone", status=409)
    messages.error(request, message)
    if earlier is not None:
        return redirect("fixtures_app:console-match", pk=earlier.match_id)
    return redirect("fixtures_app:console")


def _not_found(request, message: str) -> HttpResponse:
    if wants_json(request):
        return _json_refusal(message, "not_found", status=404)
    context = {"title": "Not found", "message": message}
    return render(request, "fixtures_app/console/notice.html", context, status=404)


def _json_refusal(message: str, code: str, *, status: int, errors: dict | None = None) -> JsonResponse:
    return JsonResponse(
        {"ok": False, "errors": errors or {}, "message": message, "code": code}, status=status
    )
