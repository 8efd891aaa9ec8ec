"""Editors' commands over the websocket: the same forms and services as the console's HTTP
endpoints, so both refuse the same things with the same messages."""

from django.core.exceptions import ValidationError

from fixtures_app.editors import can_edit_matches
from fixtures_app.forms import CorrectionForm, DeleteForm, EventForm, StatusForm
from fixtures_app.models import Match, MatchEvent
from live import realtime

EVENT_COMMANDS = {"correct_event": CorrectionForm, "delete_event": DeleteForm}
MATCH_COMMANDS = {"record_event": EventForm, "change_status": StatusForm}
COMMANDS = frozenset({*EVENT_COMMANDS, *MATCH_COMMANDS})


def run_editor_command(*, user, match_id: int, message: dict) -> dict:
    """Runs one command and returns the reply: `ack` with the match's new seq, or `error`."""
    ref = message.get("ref")
    if not can_edit_matches(user):
        return _error("Only editors can change a match.", ref, code="forbidden")
    data = message.get("data", {})
    if not isinstance(data, dict):
        return _error('"data" must be an object of the form\'s fields.', ref, code="invalid")
    try:
        form = _form(message["type"], match_id, message.get("event"), data)
    except ValidationError as error:
        return _error(error.messages[0], ref, code="invalid")
    if form.is_valid():
        form.save(by=user)
    if form.errors:
        return {
            "type": "error",
            "ref": ref,
            "code": _code(form),
            "message": _first(form),
            "errors": form.errors,
        }
    seq = Match.objects.values_list("seq", flat=True).get(pk=match_id)
    # Saved either way; "degraded" tells the editor fans' pages get it late (they catch up).
    return {"type": "ack", "ref": ref, "seq": seq, "delivery": realtime.delivery_status()}


def _form(kind: str, match_id: int, event_id, data: dict):
    if kind in MATCH_COMMANDS:
        return MATCH_COMMANDS[kind](data, match=Match.objects.get(pk=match_id))
    if not isinstance(event_id, int) or isinstance(event_id, bool):
        raise ValidationError('Say which event: "event" is its id.')
    event = MatchEvent.objects.select_related("match").filter(pk=event_id, match_id=match_id).first()
    if event is None:
        raise ValidationError("There is no such event in this match.")
    return EVENT_COMMANDS[kind](data, event=event)


def _first(form) -> str:
    return next(iter(message for messages in form.errors.values() for message in messages), "Refused.")


def _code(form) -> str:
    codes = {error.code for errors in form.errors.as_data().values() for error in errors}
    return "stale" if "stale" in codes else "invalid"


def _error(message: str, ref, *, code: str) -> dict:
    return {"type": "error", "ref": ref, "code": code, "message": message}
