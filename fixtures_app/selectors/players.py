"""A player's page: who he is, where he plays, and his record in the matches this database holds.

His matches are those played to the end in which a line-up names him or an event does (he
scored, was booked, came on or off, set up a goal). A fixed number of queries, however
many matches he played.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q

from fixtures_app.models import LineupEntry, Match, MatchEvent, Player, SquadMember, Team
from fixtures_app.selectors.facts import event_fact
from fixtures_app.selectors.fixtures import team_url
from football.events import EventKind
from football.player_record import (
    LineupRole,
    MatchRecord,
    PlayerMatch,
    Totals,
    age,
    match_record,
    result_letter,
    totals,
)
from football.status import FINISHED, Status

# Besides his own events, a match's record needs the VAR decisions (which may reverse them)
# and the periods' ends (which tell the time added).
_MATCH_KINDS = (EventKind.VAR, EventKind.PERIOD_END)


@dataclass(frozen=True)
class PlayerMatchLine:
    """One of his matches as a line of his page, seen from his side."""

    match: Match
    url: str
    kickoff: dt.datetime  # in the reader's zone
    competition: str
    team: Team  # the side he played for
    opponent: Team
    at_home: bool
    score: str  # his side's goals first: `2-1`
    result: str  # W, D or L
    record: MatchRecord


@dataclass(frozen=True)
class TotalsRow:
    competition: str
    season: str
    totals: Totals


@dataclass(frozen=True)
class PlayerPage:
    player: Player
    club: Team | None  # his latest squad's or latest line-up's, whichever is newer
    club_url: str
    position: str
    shirt_number: int | None
    age: int | None
    season: str  # the season of his latest match, e.g. `2023/24`; empty without one
    season_totals: Totals
    totals: Totals
    by_competition: list[TotalsRow]  # newest season first
    matches: list[PlayerMatchLine]  # newest first


def player_page(pk: int, *, today: dt.date, tz: dt.tzinfo) -> PlayerPage:
    """The page of player `pk`; raises Player.DoesNotExist."""
    player = Player.objects.get(pk=pk)
    matches = _matches(player)
    entries = _lineup_places(player, matches)
    lines = _lines(player, matches, entries, tz)
    latest = entries.get(lines[0].match.pk) if lines else None
    club, shirt_number = _club(player, lines[0] if lines else None, latest)
    season = lines[0].match.stage.season.name if lines else ""
    return PlayerPage(
        player=player,
        club=club,
        club_url=team_url(club) if club else "",
        position=player.position or (latest.position if latest else ""),
        shirt_number=shirt_number,
        age=age(player.date_of_birth, today) if player.date_of_birth else None,
        season=season,
        season_totals=totals(line.record for line in lines if line.match.stage.season.name == season),
        totals=totals(line.record for line in lines),
        by_competition=_by_competition(lines),
        matches=lines,
    )


def _lines(
    player: Player, matches: list[Match], entries: dict[int, LineupEntry], tz: dt.tzinfo
) -> list[PlayerMatchLine]:
    events = _events(player, matches)
    lines = (_line(player, match, entries.get(match.pk), events.get(match.pk, []), tz) for match in matches)
    # A match he sat out on the bench, booked by no one, is not one of his.
    return [line for line in lines if line is not None and line.record != MatchRecord()]


def _matches(player: Player) -> list[Match]:
    """His matches played to the end, newest first, with their teams and competition."""
    named = (
        Q(lineup__player=player)
        | Q(events__player=player)
        | Q(events__player_in=player)
        | Q(events__assist=player)
    )
    ids = Match.objects.filter(named, status__in=FINISHED).values("pk")
    return list(Match.objects.with_teams().filter(pk__in=ids).order_by("-kickoff", "-pk"))


def _lineup_places(player: Player, matches: list[Match]) -> dict[int, LineupEntry]:
    """His place in each match's line-up, by match."""
    return {entry.match_id: entry for entry in LineupEntry.objects.filter(player=player, match__in=matches)}


def _events(player: Player, matches: list[Match]) -> dict[int, list[MatchEvent]]:
    """The events of his matches that his record needs, by match, in match order."""
    mine = Q(player=player) | Q(player_in=player) | Q(assist=player) | Q(kind__in=_MATCH_KINDS)
    by_match: dict[int, list[MatchEvent]] = {}
    for event in MatchEvent.objects.filter(mine, match__in=matches).with_people().in_match_order():
        by_match.setdefault(event.match_id, []).append(event)
    return by_match


def _line(
    player: Player, match: Match, entry: LineupEntry | None, events: list[MatchEvent], tz: dt.tzinfo
) -> PlayerMatchLine | None:
    team_id = entry.team_id if entry else _team_in_events(player, events)
    if team_id not in (match.home_team_id, match.away_team_id):
        return None
    at_home = team_id == match.home_team_id
    team, opponent = (match.home_team, match.away_team) if at_home else (match.away_team, match.home_team)
    scored, conceded = (
        (match.home_score, match.away_score) if at_home else (match.away_score, match.home_score)
    )
    return PlayerMatchLine(
        match=match,
        url=match.get_absolute_url(),
        kickoff=match.kickoff.astimezone(tz),
        competition=_competition(match),
        team=team,
        opponent=opponent,
        at_home=at_home,
        score=f"{scored}-{conceded}" if scored is not None and conceded is not None else "",
        result=_result(scored, conceded),
        record=match_record(_player_match(player, match, entry, events)),
    )


def _result(scored: int | None, conceded: int | None) -> str:
    return result_letter(scored, conceded) if scored is not None and conceded is not None else ""


def _player_match(
    player: Player, match: Match, entry: LineupEntry | None, events: list[MatchEvent]
) -> PlayerMatch:
    role = LineupRole.UNKNOWN
    if entry is not None:
        role = LineupRole.STARTER if entry.starter else LineupRole.SUBSTITUTE
    return PlayerMatch(
        player_id=player.pk,
        role=role,
        events=tuple(event_fact(event, match) for event in events),
        assisted=frozenset(event.pk for event in events if event.assist_id == player.pk),
        extra_time=match.home_normal_time_score is not None
        or Status(match.status) in (Status.AFTER_EXTRA_TIME, Status.AFTER_PENALTIES),
    )


def _team_in_events(player: Player, events: list[MatchEvent]) -> int | None:
    """The side an event puts him on when no line-up does (an assist is on the scorer's side)."""
    named = (event for event in events if player.pk in (event.player_id, event.player_in_id, event.assist_id))
    return next((event.team_id for event in named), None)


def _competition(match: Match) -> str:
    competition = match.stage.season.competition
    return competition.short_name or competition.name


def _club(
    player: Player, latest: PlayerMatchLine | None, entry: LineupEntry | None
) -> tuple[Team | None, int | None]:
    """His club and shirt number now: the latest squad he is in, unless his latest match
    (`latest`, his line-up place in it `entry`) came after that squad's season began."""
    squad = (
        SquadMember.objects.filter(player=player)
        .select_related("team", "season")
        .order_by(F("season__starts_on").desc(nulls_last=True), "-season__slug", "-pk")
        .first()
    )
    if squad is not None:
        began = squad.season.starts_on
        # A squad of a season with no start date cannot be placed in time: it is taken as current.
        if latest is None or began is None or latest.kickoff.date() < began:
            return squad.team, squad.shirt_number
    if latest is None:
        return None, None
    return latest.team, entry.shirt_number if entry else None


def _by_competition(lines: list[PlayerMatchLine]) -> list[TotalsRow]:
    """His totals in each competition's season, newest first (the order of his matches)."""
    groups: dict[tuple[str, str], list[MatchRecord]] = {}
    for line in lines:
        groups.setdefault((line.competition, line.match.stage.season.name), []).append(line.record)
    return [
        TotalsRow(competition, season, totals(records)) for (competition, season), records in groups.items()
    ]
