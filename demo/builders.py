"""Builds demo matches through the same services an editor uses.

What the services write is stamped with the moment it happened in the match (kick-off plus
the minute), not the moment the demo was loaded: the console's audit trail and a player's
goal times then read as they would have on the day.
"""

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db.models import Case, DateTimeField, Max, Value, When
from django.utils.text import slugify

from demo.photos import PHOTOS
from demo.specs import LineupSpec, PlayedSpec
from fixtures_app.models import LineupEntry, Match, MatchEvent, MatchStat, MatchUpdate, Player, Team, Venue
from fixtures_app.services.events import match_record_event
from fixtures_app.services.stats import match_record_stats
from fixtures_app.services.status import match_change_status

HALF = dt.timedelta(minutes=45)
BREAK = dt.timedelta(minutes=15)
STAMP_BATCH = 500


def ensure_team(
    name: str,
    *,
    short_name: str = "",
    code: str = "",
    country: str = "",
    colours: tuple[str, str] = ("#1f2937", "#ffffff"),
    sport: str = "football",
) -> Team:
    team, _ = Team.objects.get_or_create(
        slug=slugify(name),
        defaults={
            "name": name,
            "short_name": short_name,
            "code": code,
            "country": country,
            "sport": sport,
            "primary_colour": colours[0],
            "secondary_colour": colours[1],
        },
    )
    return team


def ensure_venue(name: str, **fields) -> Venue:
    return Venue.objects.get_or_create(name=name, city=fields.pop("city", ""), defaults=fields)[0]


def ensure_players(squad: dict[str, str]) -> dict[str, Player]:
    return {
        known_as: Player.objects.get_or_create(name=name, known_as=known_as)[0]
        for known_as, name in squad.items()
    }


def add_lineup(
    match: Match,
    team: Team,
    lineup: LineupSpec,
    players: dict[str, Player],
    shirt_numbers: dict[str, int] | None = None,
) -> None:
    rows = [(name, True) for name in lineup["starting"]] + [(name, False) for name in lineup.get("bench", [])]
    LineupEntry.objects.bulk_create(
        LineupEntry(
            match=match,
            team=team,
            player=players[name],
            shirt_number=(shirt_numbers or {}).get(name),
            position=players[name].position,
            starter=starter,
            order=order,
            captain=name == lineup.get("captain"),
        )
        for order, (name, starter) in enumerate(rows, start=1)
    )


def stamp_events(moments: Iterable[tuple[int, dt.datetime]]) -> None:
    """Dates each event (id, moment) as made when it happened; `created_at` is otherwise the load time."""
    pairs = list(moments)
    for start in range(0, len(pairs), STAMP_BATCH):
        batch = pairs[start : start + STAMP_BATCH]
        when = Case(*(When(pk=pk, then=Value(at)) for pk, at in batch), output_field=DateTimeField())
        MatchEvent.objects.filter(pk__in=[pk for pk, _ in batch]).update(created_at=when, updated_at=when)


def stamp_written(match: Match, *, after_event: int, after_update: int, at: dt.datetime) -> None:
    """Dates what a service just wrote for the match (events and update-log rows past the ids given)."""
    MatchEvent.objects.filter(match=match, pk__gt=after_event).update(created_at=at, updated_at=at)
    MatchUpdate.objects.filter(match=match, pk__gt=after_update).update(at=at)


def record_stats(match: Match, *, at: dt.datetime, **figures) -> None:
    """Records a side's figures for a period as an editor would have at the moment `at`."""
    before = last_ids(match)
    match_record_stats(match=match, **figures)
    stamp_written(match, **before, at=at)
    MatchStat.objects.filter(match=match, team=figures["team"], period=figures["period"]).update(
        updated_at=at
    )


def last_ids(match: Match) -> dict[str, int]:
    """The newest event and update-log ids of the match, for `stamp_written` to date what comes after."""
    return {
        "after_event": MatchEvent.objects.filter(match=match).aggregate(last=Max("pk"))["last"] or 0,
        "after_update": MatchUpdate.objects.filter(match=match).aggregate(last=Max("pk"))["last"] or 0,
    }


def play(
    match: Match,
    spec: PlayedSpec,
    *,
    teams: dict[str, Team],
    players: dict[str, Player],
    until: dt.datetime,
    by: User | None = None,
) -> None:
    """Plays the match's events in order through the services, up to the moment `until`."""
    first_start = match.kickoff
    half_time, second_start, full_time = whistles(first_start, spec.get("added_time", (2, 3)))
    events = list(spec["events"])
    _kick(match, "first_half", first_start, until, by)
    _record(match, [e for e in events if _half(e) == 1], teams, players, first_start, until, by)
    _kick(match, "half_time", half_time, until, by)
    _kick(match, "second_half", second_start, until, by)
    _record(match, [e for e in events if _half(e) == 2], teams, players, second_start, until, by)
    _kick(match, "full_time", full_time, until, by)


def whistles(
    kickoff: dt.datetime, added_time: tuple[int, int]
) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """Half-time, the second half's kick-off and full time of a match with this added time."""
    # The whistle goes half a minute into the last added minute: 45+2' ends at 46:30.
    half_time = kickoff + HALF + dt.timedelta(minutes=added_time[0], seconds=-30)
    second_start = half_time + BREAK
    return half_time, second_start, second_start + HALF + dt.timedelta(minutes=added_time[1], seconds=-30)


def _half(event) -> int:
    return 1 if event[0] <= 45 else 2


def _kick(match: Match, status: str, at: dt.datetime, until: dt.datetime, by) -> None:
    if at <= until:
        match.refresh_from_db()
        before = last_ids(match)
        match_change_status(match=match, status=status, at=at, by=by)
        stamp_written(match, **before, at=at)


def _record(match, events, teams, players, period_start, until, by) -> None:
    first_minute = 1 if period_start == match.kickoff else 46
    for minute, added, kind, team, player, extra in events:
        happened = period_start + dt.timedelta(minutes=minute - first_minute + added)
        if happened > until:
            return
        fields = dict(extra)
        if "player_in" in fields:
            fields["player_in"] = players[fields["player_in"]]
        if "photo" in fields:  # drawn when loaded: no image file ships with the demo
            fields["photo"] = PHOTOS[fields["photo"]]()
        if "reverses" in fields:
            fields["reverses"] = MatchEvent.objects.filter(
                match=match, player=players[fields["reverses"]], kind="goal"
            ).latest("pk")
        match.refresh_from_db()
        before = last_ids(match)
        match_record_event(
            match=match,
            kind=kind,
            minute=minute,
            added_minute=added,
            team=teams[team] if team else None,
            player=players[player] if player else None,
            by=by,
            **fields,
        )
        stamp_written(match, **before, at=happened)
