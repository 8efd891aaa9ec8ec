"""Editors' commands over the websocket: the same forms and services as the console's HTTP
endpoints, so both refuse the same things with the same messages."""

from django.core.exceptions import ValidationError

from fixtures_app.editors import can_edit_matches
from fixtures_app.forms import CorrectionForm, DeleteForm, EventForm, StatusForm
from fixtures_app.models import Match, MatchEvent, MatchUpdate
from fixtures_app.services.updates import earlier_deletion
from live import realtime
from matchcentre.refusals import Refusal, form_refusal

EVENT_COMMANDS = {"correct_event": CorrectionForm, "delete_event": DeleteForm}
MATCH_COMMANDS = {"record_event": EventForm, "change_status": StatusForm}
COMMANDS = frozenset({*EVENT_COMMANDS, *MATCH_COMMANDS})
GONE = "This event no longer exists: another editor may have deleted it."


def run_editor_command(*, user, match_id: int, message: dict) -> dict:
    """Runs one command and returns the reply: `ack` with the match's new seq, or `error` in
    the site's one refusal shape (matchcentre/refusals.py)."""
    ref = message.get("ref")
    if not can_edit_matches(user):
        return _error(Refusal("forbidden", "Only editors can change a match."), ref)
    data = message.get("data", {})
    if not isinstance(data, dict):
        return _error(Refusal("invalid", '"data" must be an object of the form\'s fields.'), ref)
    try:
        form = _form(message["type"], match_id, message.get("event"), data)
    except ValidationError as error:
        return _error(Refusal(error.code or "invalid", " ".join(error.messages)), ref)
    if form is None:  # this very deletion, made before and sent again
        earlier = earlier_deletion(event_id=message["event"], client_key=str(data.get("client_key") or ""))
        return _ack(earlier.seq, ref) if earlier else _error(Refusal("gone", GONE), ref)
    written = form.save(by=user) if form.is_valid() else None
    if form.errors or written is None:
        return _error(form_refusal(form), ref)
    return _ack(written.seq, ref)


def _ack(seq: int, ref) -> dict:
    # Saved either way; "degraded" tells the editor fans' pages get it late (they catch up).
    return {"type": "ack", "ref": ref, "seq": seq, "delivery": realtime.delivery_status()}


def _form(kind: str, match_id: int, event_id, data: dict):
    if kind in MATCH_COMMANDS:
        return MATCH_COMMANDS[kind](data, match=Match.objects.get(pk=match_id))
    if not isinstance(event_id, int) or isinstance(event_id, bool):
        raise ValidationError('Say which event: "event" is its id.', code="invalid")
    event = MatchEvent.objects.select_related("match").filter(pk=event_id, match_id=match_id).first()
    deleted = MatchUpdate.objects.filter(match_id=match_id, event_id=event_id, kind="event_deleted")
    if event is None and not deleted.exists():
        raise ValidationError("There is no such event in this match.", code="not_found")
    if event is None and kind == "delete_event":
        return None  # deleted: by this very command before (a retry), or by someone else
    if event is None:
        raise ValidationError(GONE, code="gone")
    return EVENT_COMMANDS[kind](data, event=event)


def _error(refusal: Refusal, ref) -> dict:
    return {"type": "error", "ref": ref, **refusal.body()}
