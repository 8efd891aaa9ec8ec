"""What an editor does, as JSON: record, correct and delete events, move the match through its
periods, enter stats, set line-ups. The console's own forms and services do the work, so the API
refuses exactly what the console refuses; a key (`Idempotency-Key`) makes a retry count once."""

from ninja import Status

from feeds.auth import editors_only
from feeds.errors import ApiRefusal, form_refusal
from feeds.idempotency import KeyHeader, client_key
from fixtures_app.api.matches import event_out, find_match
from fixtures_app.api.router import router
from fixtures_app.api.schemas import (
    CorrectionIn,
    EventIn,
    IdPath,
    StatsIn,
    StatusChangeIn,
    WriteOut,
)
from fixtures_app.editing import GONE
from fixtures_app.forms import CorrectionForm, DeleteForm, EventForm, ServiceForm, StatsForm, StatusForm
from fixtures_app.models import MatchEvent, MatchUpdate
from fixtures_app.services.updates import Written, earlier_deletion
from live import realtime


def writes(answers: dict) -> dict:
    return editors_only(answers, tag="editing")


@router.post("/matches/{match_id}/events", **writes({201: WriteOut}))
def record_event(request, match_id: IdPath, payload: EventIn, idempotency_key: KeyHeader = None):
    """Records an event (goal, card, substitution, VAR decision, commentary…), as the console does."""
    match = find_match(match_id)
    data, key = _form_data(payload, idempotency_key)
    return Status(201, _written(_save(EventForm(data, match=match), by=request.auth)))


@router.patch("/events/{event_id}", **writes({200: WriteOut}))
def correct_event(request, event_id: IdPath, payload: CorrectionIn, idempotency_key: KeyHeader = None):
    """Changes the fields sent; refused with 409 (`stale`) if the event changed since `expected_version`."""
    event = _event(event_id)
    data, key = _form_data(payload, idempotency_key)
    return _written(_save(CorrectionForm(data, event=event), by=request.auth))


@router.delete("/events/{event_id}", **writes({200: WriteOut}))
def delete_event(request, event_id: IdPath, idempotency_key: KeyHeader = None):
    """Deletes an event (and any VAR decision that reversed it)."""
    key = client_key(idempotency_key)
    event = MatchEvent.objects.select_related("match").filter(pk=event_id).first()
    if event is None:
        return _deleted_before(event_id, key)
    return _written(_save(DeleteForm({"client_key": key}, event=event), by=request.auth))


@router.post("/matches/{match_id}/status", **writes({200: WriteOut}))
def change_status(request, match_id: IdPath, payload: StatusChangeIn, idempotency_key: KeyHeader = None):
    """Kick-off, half-time, full time, extra time, penalties: the laws say what may follow what."""
    match = find_match(match_id)
    data, _ = _form_data(payload, idempotency_key)
    return _written(_save(StatusForm(data, match=match), by=request.auth))


@router.post("/matches/{match_id}/stats", **writes({200: WriteOut}))
def record_stats(request, match_id: IdPath, payload: StatsIn, idempotency_key: KeyHeader = None):
    """One side's shots, shots on target, xG and possession for one half (null: unknown)."""
    match = find_match(match_id)
    data, _ = _form_data(payload, idempotency_key)
    return _written(_save(StatsForm(data, match=match), by=request.auth))


def _form_data(payload, header: str | None) -> tuple[dict, str]:
    """The fields sent (a correction changes only those), with the write's key."""
    data = payload.dict(exclude_unset=True)
    key = client_key(header, data.get("client_key"))
    return {**data, "client_key": key}, key


def _save(form: ServiceForm, *, by) -> Written:
    """What the form's service wrote; its errors (the service's refusal among them) as an ApiRefusal."""
    written = form.save(by=by) if form.is_valid() else None
    if form.errors or written is None:
        raise form_refusal(form)
    return written


def _event(event_id: int) -> MatchEvent:
    events = MatchEvent.objects.select_related("match__home_team", "match__away_team", "team")
    event = events.filter(pk=event_id).first()
    if event is None and MatchUpdate.objects.filter(event_id=event_id, kind="event_deleted").exists():
        raise ApiRefusal(409, GONE, code="gone")
    if event is None:
        raise ApiRefusal(404, "There is no such event.")
    return event


def _deleted_before(event_id: int, key: str) -> dict:
    """A retried deletion answers as the first did; another's deletion is a conflict, not a 404."""
    earlier = earlier_deletion(event_id=event_id, client_key=key)
    if earlier is not None:
        return _written(Written(match=earlier.match, update=earlier, repeated=True))
    if MatchUpdate.objects.filter(event_id=event_id, kind="event_deleted").exists():
        raise ApiRefusal(409, GONE, code="gone")
    raise ApiRefusal(404, "There is no such event.")


def _written(written: Written) -> dict:
    """What the write did, as the service told it: its update in the match's log (the first
    attempt's, for a retry), and the match as the write left it."""
    match = written.match
    return {
        "match": match.pk,
        "seq": written.seq,
        "summary": written.summary,
        "status": match.status,
        "score": None if match.home_score is None else [match.home_score, match.away_score],
        "event": event_out(written.event) if written.event else None,
        "delivery": realtime.delivery_status(),
    }
