"""Turns stored events into the plain facts the rule modules read."""

from collections.abc import Iterable

from django.db.models import prefetch_related_objects

from fixtures_app.models import Match, MatchEvent
from football.events import EventFact, EventKind, GoalType, Period, Side, VarDecision


def event_fact(event: MatchEvent, match: Match) -> EventFact:
    """The event as the rules see it; the assist is named only when it was read with the event
    (event_facts reads it), so a caller that needs no names makes no query for it."""
    assist = event.assist if MatchEvent.assist.is_cached(event) else None
    return EventFact(
        id=event.pk,
        kind=EventKind(event.kind),
        period=Period(event.period),
        minute=event.minute,
        added_minute=event.added_minute,
        side=side_of(match, event.team_id),
        player_id=event.player_id,
        player_name=event.player.known_as if event.player is not None else "",
        player_in_id=event.player_in_id,
        player_in_name=event.player_in.known_as if event.player_in is not None else "",
        assist_id=event.assist_id,
        assist_name=assist.known_as if assist is not None else "",
        goal_type=GoalType(event.goal_type) if event.goal_type else None,
        var_decision=VarDecision(event.var_decision) if event.var_decision else None,
        reverses_id=event.reverses_id,
        detail=event.detail,
    )


def side_of(match: Match, team_id: int | None) -> Side | None:
    if team_id is None:
        return None
    return Side.HOME if team_id == match.home_team_id else Side.AWAY


def event_facts(match: Match, events: Iterable[MatchEvent]) -> list[EventFact]:
    """Facts of the events, with the players who set up goals (one query at most, for events
    read without them)."""
    events = list(events)
    prefetch_related_objects(events, "assist")
    return [event_fact(event, match) for event in events]


def match_events(match: Match) -> list[MatchEvent]:
    """The match's events in match order, with the people they name (one query)."""
    events = MatchEvent.objects.filter(match=match).with_people().select_related("assist")
    return list(events.in_match_order())
