"""Every write to a match's events: record, correct, delete. Each runs in one transaction
with the match row locked, checks the football rules first, and keeps the match's result
in step with its events."""

from dataclasses import replace

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from fixtures_app.models import Match, MatchEvent, Player, Team
from fixtures_app.photos import Rendition
from fixtures_app.selectors.facts import event_fact, event_facts, match_events
from fixtures_app.services import checks, posts
from fixtures_app.services.photos import new_photo_name, photo_discard, photo_store
from fixtures_app.services.results import match_refresh_result
from fixtures_app.services.updates import Written, earlier_write, match_log_update, repeated_write
from football.events import CARD_KINDS, EventFact, EventKind, GoalType, VarDecision

# A new event has no id yet; it sorts after every saved event in the same minute.
NEW_EVENT_ID = 2**62
# An event's fields an editor gives, in the order forms show them.
EVENT_FIELDS = (
    "kind",
    "minute",
    "added_minute",
    "period",
    "team",
    "player",
    "player_in",
    "assist",
    "goal_type",
    "var_decision",
    "reverses",
    "detail",
    "text",
    "credit",
    "alt_text",
    "quote_by",
    "quote_role",
)
EDITABLE_FIELDS = frozenset(EVENT_FIELDS)
SYSTEM_KINDS = frozenset({EventKind.PERIOD_START, EventKind.PERIOD_END})
MAX_TEXT_LENGTH = 2000


def match_record_event(
    *,
    match: Match,
    kind: str,
    minute: int,
    added_minute: int = 0,
    period: int | None = None,
    team: Team | None = None,
    player: Player | None = None,
    player_in: Player | None = None,
    assist: Player | None = None,
    goal_type: str = "",
    var_decision: str = "",
    reverses: MatchEvent | None = None,
    detail: str = "",
    text: str = "",
    credit: str = "",
    alt_text: str = "",
    quote_by: str = "",
    quote_role: str = "",
    photo: tuple[Rendition, ...] | None = None,
    by: AbstractBaseUser | None = None,
    client_key: str = "",
) -> Written:
    """Records an event, refusing anything the rules do not allow with a clear message.

    A goal may name its `assist`: a team-mate of the scorer (checks.check_assist). A photo
    comes with its renditions (`photo`, fixtures_app/photos.py), stored once the event is
    found good; a photo and a quote carry what services/posts.py asks of them.

    A write repeated with the same `client_key` (a double click, a retry) records nothing
    more and answers with what the first attempt wrote.
    """
    with transaction.atomic():
        match = lock_match(match)
        earlier = earlier_write(match=match, client_key=client_key)
        if earlier is not None:
            return repeated_write(match, earlier, event_kept=True)
        if checks.parse_kind(kind) in SYSTEM_KINDS:
            checks.refuse("Periods start and end with the period controls, not as events.", "kind")
        event = MatchEvent(match=match, created_by=by if by and by.is_authenticated else None)
        _assign(
            event,
            kind=kind,
            minute=minute,
            added_minute=added_minute,
            period=period,
            team=team,
            player=player,
            player_in=player_in,
            assist=assist,
            goal_type=goal_type,
            var_decision=var_decision,
            reverses=reverses,
            detail=detail,
            text=text,
            credit=credit,
            alt_text=alt_text,
            quote_by=quote_by,
            quote_role=quote_role,
        )
        if photo:
            event.photo, event.photo_width, event.photo_height = (
                new_photo_name(),
                photo[0].width,
                photo[0].height,
            )
        _check_and_save(match, event, others=match_events(match))
        if photo:
            photo_store(event.photo, photo)
        match_refresh_result(match=match)
        update = match_log_update(
            match=match,
            kind="event_added",
            summary=f"Recorded {_told(event)}",
            event_id=event.pk,
            event_kind=event.kind,
            by=by,
            client_key=client_key,
        )
    return Written(match=match, update=update, event=event)


def match_correct_event(
    *,
    event: MatchEvent,
    expected_version: int,
    by: AbstractBaseUser | None = None,
    client_key: str = "",
    **changes,
) -> Written:
    """Corrects an event; refused when someone changed it since `expected_version`. A goal's
    assist is added, changed or removed (`assist=None`) like any other field."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        checks.refuse(f"These fields cannot be corrected: {', '.join(sorted(unknown))}.", "field")
    with transaction.atomic():
        match = lock_match(event.match)
        earlier = earlier_write(match=match, client_key=client_key)
        if earlier is not None:
            return repeated_write(match, earlier, event_kept=True)
        current = _locked_event(event)
        before = _told(current)
        if current.version != expected_version:
            checks.refuse(
                "This event was changed by someone else since you opened it "
                f"(now version {current.version}). Reload it and correct it again.",
                "stale",
            )
        if current.kind in SYSTEM_KINDS:
            checks.refuse("Period starts and ends are set with the period controls.", "kind")
        posts.check_kind_kept(current.kind, changes.get("kind") or current.kind)
        _assign(current, **changes)
        current.version += 1
        others = [other for other in match_events(match) if other.pk != current.pk]
        _check_and_save(match, current, others=others)
        checks.check_record(match)
        match_refresh_result(match=match)
        update = match_log_update(
            match=match,
            kind="event_corrected",
            summary=f"Corrected {before} → {_told(current)}",
            event_id=current.pk,
            event_kind=current.kind,
            by=by,
            client_key=client_key,
        )
    return Written(match=match, update=update, event=current)


def match_delete_event(
    *, event: MatchEvent, by: AbstractBaseUser | None = None, client_key: str = ""
) -> Written:
    """Deletes an event (and any VAR decision that reversed it)."""
    with transaction.atomic():
        match = lock_match(event.match)
        earlier = earlier_write(match=match, client_key=client_key)
        if earlier is not None:
            return repeated_write(match, earlier)
        current = _locked_event(event)
        if current.kind in SYSTEM_KINDS:
            checks.refuse("Period starts and ends are set with the period controls.", "kind")
        summary, event_id, kind = f"Deleted {current}", current.pk, current.kind
        photo = current.photo
        current.delete()
        if photo:  # the photo stops being served once its deletion holds
            transaction.on_commit(lambda: photo_discard(photo))
        checks.check_record(match)
        match_refresh_result(match=match)
        update = match_log_update(
            match=match,
            kind="event_deleted",
            summary=summary,
            event_id=event_id,
            event_kind=kind,
            by=by,
            client_key=client_key,
        )
    return Written(match=match, update=update)


def lock_match(match: Match) -> Match:
    return Match.objects.select_for_update().select_related("home_team", "away_team").get(pk=match.pk)


def _locked_event(event: MatchEvent) -> MatchEvent:
    try:
        return MatchEvent.objects.select_for_update().get(pk=event.pk)
    except MatchEvent.DoesNotExist:
        raise ValidationError("This event has been deleted.", code="gone") from None


def _assign(event: MatchEvent, **fields) -> None:
    for name, value in fields.items():
        setattr(event, name, value)
    event.added_minute = event.added_minute or 0
    event.goal_type = event.goal_type or ""
    event.var_decision = event.var_decision or ""
    event.detail = (event.detail or "").strip()
    event.text = (event.text or "").strip()


def _check_and_save(match: Match, event: MatchEvent, *, others: list[MatchEvent]) -> None:
    kind = checks.parse_kind(event.kind)
    checks.check_match_open(match)
    _check_numbers(event)
    event.period = checks.resolve_period(match, event.period, event.minute, event.added_minute)
    _check_kind_fields(event, kind)
    checks.check_team(match, event.team, kind)
    if kind in checks.PLAYER_KINDS:
        checks.check_in_squad(match, event.team, event.player)
    facts = event_facts(match, others)
    candidate = _candidate(event, match)
    if kind in (EventKind.GOAL, EventKind.MISSED_PENALTY, EventKind.SUBSTITUTION):
        checks.check_player_can_play(facts, candidate)
    if kind is EventKind.SUBSTITUTION:
        checks.check_substitution(match, event.team, facts, candidate)
    if kind in CARD_KINDS:
        event.kind = checks.card_kind(facts, candidate)
    if kind is EventKind.VAR:
        target = next((fact for fact in facts if fact.id == event.reverses_id), None)
        checks.check_var_target(candidate, target, facts)
    if event.assist is not None:
        checks.check_assist(match, event.team, event.assist, facts, candidate)
    event.save()


def _told(event: MatchEvent) -> str:
    """The event as the audit trail names it: a goal with the player who set it up."""
    return f"{event} (assist: {event.assist.known_as})" if event.assist is not None else str(event)


def _check_numbers(event: MatchEvent) -> None:
    for name in ("minute", "added_minute"):
        value = getattr(event, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            checks.refuse(f"The {name.replace('_', ' ')} must be a whole number, 0 or more.", "minute")
    if len(event.text) > MAX_TEXT_LENGTH:
        checks.refuse(f"Commentary is limited to {MAX_TEXT_LENGTH} characters.", "text")
    if len(event.detail) > 60:
        checks.refuse("The detail is limited to 60 characters.", "detail")


def _check_kind_fields(event: MatchEvent, kind: EventKind) -> None:
    if kind is EventKind.GOAL:
        event.goal_type = event.goal_type or GoalType.OPEN_PLAY
        if event.goal_type not in set(GoalType):
            checks.refuse(f"Unknown goal type '{event.goal_type}'.", "goal_type")
    elif event.goal_type:
        checks.refuse("Only a goal has a goal type.", "goal_type")
    if kind is EventKind.VAR:
        if event.var_decision not in set(VarDecision):
            checks.refuse(f"Unknown VAR decision '{event.var_decision}'.", "var_decision")
        if event.reverses is None or event.reverses.match_id != event.match_id:
            checks.refuse("A VAR decision must name an event of this match that it reverses.", "reverses")
        event.team = event.reverses.team
    elif event.var_decision or event.reverses_id:
        checks.refuse("Only a VAR decision reverses another event.", "var_decision")
    if kind is EventKind.SUBSTITUTION and event.player_in is None:
        checks.refuse("Choose the player coming on.", "player_in")
    if kind is not EventKind.SUBSTITUTION and event.player_in_id:
        checks.refuse("Only a substitution has a player coming on.", "player_in")
    if kind is EventKind.COMMENTARY and not event.text:
        checks.refuse("Commentary needs some text.", "text")
    posts.check_post(event, kind)


def _candidate(event: MatchEvent, match: Match) -> EventFact:
    fact = event_fact(event, match)
    return replace(fact, id=NEW_EVENT_ID) if event.pk is None else fact
