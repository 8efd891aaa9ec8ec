"""What an editor does, as JSON: record, correct and delete events, move the match through its
periods, enter stats, set line-ups. The console's own forms and services do the work, so the API
refuses exactly what the console refuses; a key (`Idempotency-Key`) makes a retry count once, and
names one request: another request under it is refused (409 `key_reused`)."""

import uuid

from django.http import HttpRequest
from ninja import File, Form, Status, UploadedFile

from feeds.auth import editors_only
from feeds.errors import ApiRefusal, form_refusal
from feeds.idempotency import HEADER, KeyHeader, given_key, reused, write_once
from fixtures_app.api.matches import event_out, find_match
from fixtures_app.api.router import router
from fixtures_app.api.schemas import (
    CorrectionIn,
    EventIn,
    IdPath,
    PhotoIn,
    StatsIn,
    StatusChangeIn,
    WriteOut,
)
from fixtures_app.editing import GONE
from fixtures_app.forms import CorrectionForm, DeleteForm, EventForm, ServiceForm, StatsForm, StatusForm
from fixtures_app.forms_posts import PhotoForm
from fixtures_app.models import Match, MatchEvent, MatchUpdate
from fixtures_app.services.updates import Written, earlier_deletion, earlier_write
from live import realtime


def writes(answers: dict) -> dict:
    return editors_only(answers, tag="editing")


@router.post("/matches/{match_id}/events", **writes({201: WriteOut}))
def record_event(request, match_id: IdPath, payload: EventIn, idempotency_key: KeyHeader = None):
    """Records an event (goal, card, substitution, VAR decision, commentary…), as the console does."""
    match = find_match(match_id)
    data, key = _form_data(payload, idempotency_key)
    return Status(201, _once(request, key, EventForm(data, match=match), match, "event_added"))


@router.post("/matches/{match_id}/photos", **writes({201: WriteOut}))
def post_photo(
    request,
    match_id: IdPath,
    fields: Form[PhotoIn],
    photo: File[UploadedFile] = None,  # type: ignore[assignment]
    idempotency_key: KeyHeader = None,
):
    """Posts a photo into the timeline (multipart/form-data: the file as `photo`, JPEG, PNG or
    WebP; a caption as `text`, a `credit`, optional `alt_text`, the minute). It is resized and
    stripped of its metadata (EXIF, location); the upload itself is never kept or served."""
    match = find_match(match_id)
    data, key = _form_data(fields, idempotency_key)
    form = PhotoForm({**data, "kind": "photo"}, files={"photo": photo} if photo else {}, match=match)
    return Status(201, _once(request, key, form, match, "event_added"))


@router.patch("/events/{event_id}", **writes({200: WriteOut}))
def correct_event(request, event_id: IdPath, payload: CorrectionIn, idempotency_key: KeyHeader = None):
    """Changes the fields sent; refused with 409 (`stale`) if the event changed since `expected_version`."""
    event = _event(event_id)
    data, key = _form_data(payload, idempotency_key)
    return _once(request, key, CorrectionForm(data, event=event), event.match, "event_corrected", event)


@router.delete("/events/{event_id}", **writes({200: WriteOut}))
def delete_event(request, event_id: IdPath, idempotency_key: KeyHeader = None):
    """Deletes an event (and any VAR decision that reversed it)."""
    key = given_key(idempotency_key)
    event = MatchEvent.objects.select_related("match").filter(pk=event_id).first()
    if event is None:
        return write_once(request, user=request.auth, key=key, write=lambda: _deleted_before(event_id, key))
    form = DeleteForm({"client_key": key or uuid.uuid4().hex}, event=event)
    return _once(request, key, form, event.match, "event_deleted", event)


@router.post("/matches/{match_id}/status", **writes({200: WriteOut}))
def change_status(request, match_id: IdPath, payload: StatusChangeIn, idempotency_key: KeyHeader = None):
    """Kick-off, half-time, full time, extra time, penalties: the laws say what may follow what."""
    match = find_match(match_id)
    data, key = _form_data(payload, idempotency_key)
    return _once(request, key, StatusForm(data, match=match), match, "status_changed")


@router.post("/matches/{match_id}/stats", **writes({200: WriteOut}))
def record_stats(request, match_id: IdPath, payload: StatsIn, idempotency_key: KeyHeader = None):
    """One side's shots, shots on target, xG and possession for one half (null: unknown)."""
    match = find_match(match_id)
    data, key = _form_data(payload, idempotency_key)
    return _once(request, key, StatsForm(data, match=match), match, "stats_changed")


def _form_data(payload, header: str | None) -> tuple[dict, str | None]:
    """The fields sent (a correction changes only those), with the write's key (a fresh one if
    the client sent none, so the write's own update can be found), and the client's key."""
    data = payload.dict(exclude_unset=True)
    key = given_key(header, data.get("client_key"))
    return {**data, "client_key": key or uuid.uuid4().hex}, key


def _once(
    request: HttpRequest,
    key: str | None,
    form: ServiceForm,
    match: Match,
    kind: str,
    event: MatchEvent | None = None,
) -> dict:
    """The answer of the form's write (`kind` in the match's log), its key claimed for this
    request (another request under it is refused); the service answers a retry from the log."""

    def write() -> Written:
        if key is not None:
            _check_logged(match, key, by=request.auth, kind=kind, event=event)
        return _save(form, by=request.auth)

    return _written(write_once(request, user=request.auth, key=key, write=write))


def _check_logged(match: Match, key: str, *, by, kind: str, event: MatchEvent | None) -> None:
    """Refuses a key the match's log holds for another change. Such a key was sent by another
    editor, or on the console or socket, or before keys named requests: it is taken as this
    write's retry only if it is this editor's, for the same kind of change (to the same event)."""
    earlier = earlier_write(match=match, client_key=key)
    if earlier is None:
        return
    same_event = event is None or earlier.event_id == event.pk
    if earlier.by_id != by.pk or earlier.kind != kind or not same_event:
        reused(f"This {HEADER} was used for another change to this match (update #{earlier.seq}).")


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


def _deleted_before(event_id: int, key: str | None) -> dict:
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
