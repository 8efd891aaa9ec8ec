"""Builds demo matches through the same services an editor uses."""

import datetime as dt

from django.contrib.auth.models import User
from django.utils.text import slugify

from demo.specs import LineupSpec, PlayedSpec
from fixtures_app.models import LineupEntry, Match, MatchEvent, Player, Team, Venue
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status

HALF = dt.timedelta(minutes=45)
BREAK = dt.timedelta(minutes=15)


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


def add_lineup(match: Match, team: Team, lineup: LineupSpec, players: dict[str, Player]) -> None:
    rows = [(name, True) for name in lineup["starting"]] + [(name, False) for name in lineup.get("bench", [])]
    for order, (name, starter) in enumerate(rows, start=1):
        LineupEntry.objects.create(
            match=match,
            team=team,
            player=players[name],
            starter=starter,
            order=order,
            captain=name == lineup.get("captain"),
        )


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
    first_added, second_added = spec.get("added_time", (2, 3))
    first_start = match.kickoff
    # The whistle goes half a minute into the last added minute: 45+2' ends at 46:30.
    half_time = first_start + HALF + dt.timedelta(minutes=first_added, seconds=-30)
    second_start = half_time + BREAK
    full_time = second_start + HALF + dt.timedelta(minutes=second_added, seconds=-30)
    events = list(spec["events"])
    _kick(match, "first_half", first_start, until, by)
    _record(match, [e for e in events if _half(e) == 1], teams, players, first_start, until, by)
    _kick(match, "half_time", half_time, until, by)
    _kick(match, "second_half", second_start, until, by)
    _record(match, [e for e in events if _half(e) == 2], teams, players, second_start, until, by)
    _kick(match, "full_time", full_time, until, by)


def _half(event) -> int:
    return 1 if event[0] <= 45 else 2


def _kick(match: Match, status: str, at: dt.datetime, until: dt.datetime, by) -> None:
    if at <= until:
        match.refresh_from_db()
        match_change_status(match=match, status=status, at=at, by=by)


def _record(match, events, teams, players, period_start, until, by) -> None:
    first_minute = 1 if period_start == match.kickoff else 46
    for minute, added, kind, team, player, extra in events:
        happened = period_start + dt.timedelta(minutes=minute - first_minute + added)
        if happened > until:
            return
        fields = dict(extra)
        if "player_in" in fields:
            fields["player_in"] = players[fields["player_in"]]
        if "reverses" in fields:
            fields["reverses"] = MatchEvent.objects.filter(
                match=match, player=players[fields["reverses"]], kind="goal"
            ).latest("pk")
        match.refresh_from_db()
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
