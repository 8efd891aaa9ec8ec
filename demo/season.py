"""Writes the demo's Premier League 2026/27: its twenty clubs and their squads, Matchdays 1 to
11 played, today's Matchday 12 and Matchday 13 to come.

The matches played away from today are written in bulk (a season of them through the editors'
services would take minutes to load), as an import would: each with its line-ups, goals,
cards and changes, its events dated at the moment they happened. Their results are drawn by
demo/match_plan.py and their dates by demo/fixture_list.py.
"""

import datetime as dt
import zoneinfo
from collections.abc import Iterable

from demo import premier_league
from demo.builders import ensure_team, ensure_venue, stamp_events, whistles
from demo.match_plan import MatchPlan, Planned, plan_match
from demo.premier_league import CLUBS
from fixtures_app.models import LineupEntry, Match, MatchEvent, Player, SquadMember, Stage, Team, Venue
from football.events import EventKind, Period
from football.status import Status

UK = zoneinfo.ZoneInfo("Europe/London")
POSITIONS = {"GK": "Goalkeeper", "DF": "Defender", "MF": "Midfielder", "FW": "Forward"}
REFEREES = (
    "Michael Oliver",
    "Anthony Taylor",
    "Simon Hooper",
    "Chris Kavanagh",
    "Jarred Gillett",
    "Paul Tierney",
    "Robert Jones",
    "Craig Pawson",
    "Stuart Attwell",
    "Andy Madley",
    "Samuel Barrott",
    "John Brooks",
    "Tim Robinson",
    "Peter Bankes",
    "Darren England",
    "Tony Harrington",
)

Squads = dict[str, dict[str, Player]]  # club -> known_as -> player
Fixture = tuple[str, str, dt.datetime, str]  # home, away, kick-off, round


def clubs_ensure() -> dict[str, Team]:
    """The twenty clubs, by name."""
    return {
        name: ensure_team(
            name,
            short_name=club.short_name,
            code=club.code,
            country="England",
            colours=(club.primary, club.secondary),
        )
        for name, club in CLUBS.items()
    }


def grounds_ensure() -> dict[str, Venue]:
    """Each club's home ground, by club."""
    return {
        name: ensure_venue(club.ground, city=club.city, country="England", timezone="Europe/London")
        for name, club in CLUBS.items()
    }


def squads_ensure(stage: Stage, teams: dict[str, Team]) -> Squads:
    """The squads' players and their places in the season's squad lists, adding what is missing."""
    listed = premier_league.squads()
    known = {(p.name, p.known_as): p for p in Player.objects.all()}
    Player.objects.bulk_create(
        Player(name=p.name, known_as=p.known_as, position=POSITIONS[p.position])
        for squad in listed.values()
        for p in squad
        if (p.name, p.known_as) not in known
    )
    known = {(p.name, p.known_as): p for p in Player.objects.all()}
    SquadMember.objects.bulk_create(
        (
            SquadMember(
                season=stage.season,
                team=teams[club],
                player=known[p.name, p.known_as],
                shirt_number=p.shirt_number,
            )
            for club, squad in listed.items()
            for p in squad
        ),
        ignore_conflicts=True,
    )
    return {club: {p.known_as: known[p.name, p.known_as] for p in squad} for club, squad in listed.items()}


def matches_played_write(
    stage: Stage,
    fixtures: Iterable[Fixture],
    *,
    teams: dict[str, Team],
    grounds: dict[str, Venue],
    squads: Squads,
) -> None:
    """Writes finished matches, (home, away, kick-off, round) each, with their sheets and events."""
    listed = premier_league.squads()
    plans = [
        (plan_match(home, away, CLUBS, listed), kickoff, round_name)
        for home, away, kickoff, round_name in fixtures
    ]
    matches = Match.objects.bulk_create(
        _finished(stage, plan, kickoff, round_name, teams, grounds) for plan, kickoff, round_name in plans
    )
    LineupEntry.objects.bulk_create(
        entry
        for match, (plan, _, _) in zip(matches, plans, strict=True)
        for entry in _sheets(match, plan, teams, squads)
    )
    rows = [
        row
        for match, (plan, _, _) in zip(matches, plans, strict=True)
        for row in _events(match, plan, teams, squads)
    ]
    events = MatchEvent.objects.bulk_create(event for event, _ in rows)
    stamp_events((event.pk, at) for event, (_, at) in zip(events, rows, strict=True))


def matches_scheduled_write(
    stage: Stage,
    fixtures: Iterable[Fixture],
    *,
    teams: dict[str, Team],
    grounds: dict[str, Venue],
) -> None:
    """Writes matches to come, (home, away, kick-off, round) each."""
    Match.objects.bulk_create(
        Match(
            stage=stage,
            round_name=round_name,
            home_team=teams[home],
            away_team=teams[away],
            venue=grounds[home],
            kickoff=kickoff,
            status=Status.SCHEDULED,
        )
        for home, away, kickoff, round_name in fixtures
    )


def _finished(
    stage: Stage,
    plan: MatchPlan,
    kickoff: dt.datetime,
    round_name: str,
    teams: dict[str, Team],
    grounds: dict[str, Venue],
) -> Match:
    _, second_start, _ = whistles(kickoff, plan.added_time)
    (home, away), (home_half, away_half) = plan.score(), plan.score(until=(45, 99))
    return Match(
        stage=stage,
        round_name=round_name,
        home_team=teams[plan.home],
        away_team=teams[plan.away],
        venue=grounds[plan.home],
        kickoff=kickoff,
        status=Status.FULL_TIME,
        referee=REFEREES[sum(map(ord, plan.home + plan.away)) % len(REFEREES)],
        home_formation=plan.sheets[plan.home].formation,
        away_formation=plan.sheets[plan.away].formation,
        first_half_started_at=kickoff,
        second_half_started_at=second_start,
        home_score=home,
        away_score=away,
        home_half_time_score=home_half,
        away_half_time_score=away_half,
    )


def _sheets(match: Match, plan: MatchPlan, teams: dict[str, Team], squads: Squads) -> Iterable[LineupEntry]:
    for club, sheet in plan.sheets.items():
        rows = [(p, True) for p in sheet.starting] + [(p, False) for p in sheet.bench]
        for order, (player, starter) in enumerate(rows, start=1):
            yield LineupEntry(
                match=match,
                team=teams[club],
                player=squads[club][player.known_as],
                shirt_number=player.shirt_number,
                position=POSITIONS[player.position],
                starter=starter,
                order=order,
                captain=order == 1,
            )


def _events(
    match: Match, plan: MatchPlan, teams: dict[str, Team], squads: Squads
) -> Iterable[tuple[MatchEvent, dt.datetime]]:
    """The match's events and the moment of each: the periods' whistles and what happened between."""
    half_time, second_start, full_time = whistles(match.kickoff, plan.added_time)
    first_added, second_added = plan.added_time
    whistle = [
        (EventKind.PERIOD_START, Period.FIRST_HALF, 1, 0, match.kickoff),
        (EventKind.PERIOD_END, Period.FIRST_HALF, 45, first_added, half_time),
        (EventKind.PERIOD_START, Period.SECOND_HALF, 46, 0, second_start),
        (EventKind.PERIOD_END, Period.SECOND_HALF, 90, second_added, full_time),
    ]
    for kind, period, minute, added, at in whistle:
        yield MatchEvent(match=match, kind=kind, period=period, minute=minute, added_minute=added), at
    for planned in plan.events:
        first_half = planned.minute <= 45
        start, first_minute = (match.kickoff, 1) if first_half else (second_start, 46)
        at = start + dt.timedelta(minutes=planned.minute - first_minute + planned.added)
        yield (
            _event(match, planned, Period.FIRST_HALF if first_half else Period.SECOND_HALF, teams, squads),
            at,
        )


def _event(
    match: Match, planned: Planned, period: Period, teams: dict[str, Team], squads: Squads
) -> MatchEvent:
    club = squads[planned.club]
    other = club[planned.other.known_as] if planned.other else None
    return MatchEvent(
        match=match,
        kind=planned.kind,
        period=period,
        minute=planned.minute,
        added_minute=planned.added,
        team=teams[planned.club],
        player=club[planned.player.known_as],
        player_in=other if planned.kind == EventKind.SUBSTITUTION else None,
        assist=other if planned.kind == EventKind.GOAL else None,
        goal_type=planned.goal_type,
    )
