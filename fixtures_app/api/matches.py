"""What a fan's page reads, as JSON: a day's matches, a match's snapshot, what changed since a
sequence number, its events and line-ups. No token needed; the same selectors as the pages."""

import datetime as dt
import zoneinfo
from typing import Annotated, Literal

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query

from feeds.errors import ApiRefusal, with_errors
from fixtures_app.api.router import router
from fixtures_app.api.schemas import (
    EventOut,
    IdPath,
    LineupOut,
    MatchLineOut,
    SnapshotOut,
    UpdatesOut,
)
from fixtures_app.models import LineupEntry, Match, MatchEvent, Team
from fixtures_app.selectors.facts import match_events
from fixtures_app.selectors.fixtures import GameLine, todays_games
from fixtures_app.selectors.lineups import match_lineups, side_formation
from fixtures_app.selectors.posts import photo_renditions
from fixtures_app.selectors.snapshots import match_head, snapshot_text
from fixtures_app.selectors.updates import updates_since

FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
ZONE = r"^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$"


def reads(answers: dict, *, tag: str = "matches", errors: tuple = (400, 404), **options) -> dict:
    """A fan's read: no token needed, and its refusals documented."""
    return {"response": with_errors(answers, *errors), "tags": [tag], **options}


@router.get("/matches", **reads({200: list[MatchLineOut]}, errors=(400,), summary="A day's matches"))
def list_matches(
    request,
    date: Annotated[dt.date | None, Query(description="The day, in zone `tz`; today by default.")] = None,
    tz: Annotated[str | None, Query(pattern=ZONE, max_length=64, description="e.g. Europe/Rome.")] = None,
    state: Annotated[Literal["scheduled", "live", "final", "off"] | None, Query()] = None,
):
    """Every match kicking off on the day in the reader's zone, by kick-off, as the home page lists them."""
    zone = _zone(tz or settings.MATCHCENTRE_DEFAULT_READER_TIMEZONE)
    day = date or timezone.now().astimezone(zone).date()
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ApiRefusal(400, "Choose a day between 1900 and 2999.", errors={"date": ["Out of range."]})
    return [game_out(line) for line in todays_games(day=day, tz=zone) if state in (None, line.state)]


@router.get("/matches/{match_id}", **reads({200: SnapshotOut}, summary="Snapshot"))
def match_snapshot(request, match_id: IdPath):
    """The whole live state, as the websocket sends it on connect."""
    # As it is: the live protocol may add fields, which the schema allows (additionalProperties).
    # The very text the sockets are sent, kept per (match, seq): a storm of reads builds it once.
    head = match_head(match_id)
    if head is None:
        raise ApiRefusal(404, "There is no such match.")
    text = snapshot_text(head, now=timezone.now())
    return HttpResponse(text, content_type="application/json; charset=utf-8")


@router.get("/matches/{match_id}/updates", **reads({200: UpdatesOut}, summary="Updates since"))
def match_updates(
    request,
    match_id: IdPath,
    since: Annotated[int, Query(description="The last sequence number seen.")] = 0,
):
    """The messages after `since`, or a snapshot when too far behind: what the match page polls."""
    match = find_match(match_id)
    return {
        "match": match.pk,
        "seq": match.seq,
        "messages": updates_since(match, since, now=timezone.now()),
        "poll_interval": settings.LIVE_POLL_INTERVAL,
    }


@router.get("/matches/{match_id}/events", **reads({200: list[EventOut]}))
def list_events(request, match_id: IdPath):
    """The match's events in match order, with the version a correction must name."""
    return [event_out(event) for event in match_events(find_match(match_id))]


@router.get("/matches/{match_id}/lineups", **reads({200: list[LineupOut]}))
def list_lineups(request, match_id: IdPath):
    """Both sides' team sheets, home first: starters, then the bench."""
    match = find_match(match_id)
    return [lineup_out(match, team, entries) for team, entries in match_lineups(match)]


def find_match(match_id: int) -> Match:
    match = Match.objects.with_teams().filter(pk=match_id).first()
    if match is None:
        raise ApiRefusal(404, "There is no such match.")
    return match


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise ApiRefusal(400, f"Unknown time zone {name!r}.", errors={"tz": ["Unknown zone."]}) from None


def game_out(line: GameLine) -> dict:
    match = line.match
    return {
        "id": match.pk,
        "url": line.url,
        "kickoff": line.kickoff,
        "kickoff_time": line.kickoff_time,
        "competition": line.competition,
        "line": line.line,
        "result": line.result,
        "score": line.score,
        "state": line.state,
        "status": match.status,
        "status_label": line.status_label,
        "home": team_ref(match.home_team),
        "away": team_ref(match.away_team),
        "seq": match.seq,
    }


def team_ref(team: Team) -> dict:
    return {"id": team.pk, "name": team.name}


def event_out(event: MatchEvent) -> dict:
    fields = ("kind", "period", "minute", "added_minute", "goal_type", "var_decision", "detail", "text")
    posted = ("credit", "alt_text", "quote_by", "quote_role")
    return {
        "photo": photo_out(event),
        **{name: getattr(event, name) for name in posted},
        "id": event.pk,
        "match": event.match_id,
        "team": event.team_id,
        "player": event.player_id,
        "player_in": event.player_in_id,
        "assist": event.assist_id,
        "reverses": event.reverses_id,
        "version": event.version,
        **{name: getattr(event, name) for name in fields},
    }


def photo_out(event: MatchEvent) -> dict | None:
    if not event.photo:
        return None
    renditions = photo_renditions(event)
    return {"renditions": [{"url": r.url, "width": r.width, "height": r.height} for r in renditions]}


def lineup_out(match: Match, team: Team, entries: list[LineupEntry]) -> dict:
    return {
        "match": match.pk,
        "team": team_ref(team),
        "formation": side_formation(match, team),
        "entries": [
            {
                "player": entry.player_id,
                "name": entry.player.name,
                "known_as": entry.player.known_as,
                "shirt_number": entry.shirt_number,
                "starter": entry.starter,
                "captain": entry.captain,
                "position": entry.position,
            }
            for entry in entries
        ],
    }
