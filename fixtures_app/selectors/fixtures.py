"""Reads of fixtures and results: today's games, a season by round, a club's matches, past meetings.

Every read here is a fixed number of queries, however many matches it lists.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from fixtures_app.models import Match, Season, Team
from football import matchups, meetings
from football.round_dates import round_dates
from football.status import FINISHED, NOT_STARTED, Status


@dataclass(frozen=True)
class GameLine:
    """A match as a line of a list: `6pm Vikings @ Bears`, with its score once it has one."""

    match: Match
    line: str  # the two sides as the sport writes them: `Atalanta v Liverpool`
    kickoff: dt.datetime  # in the reader's zone
    kickoff_time: str  # `6pm`
    strip: str  # `6pm Vikings @ Bears`
    score: str  # `0-1`, sides in the order of `line`; empty before kick-off
    result: str  # `Atalanta 0-1 Liverpool` once there is a score, else `line`
    first: str  # the side written first (`Atalanta`; the visitors US style), for rows in columns
    second: str
    versus: str  # what stands between them before there is a score: `v`, or `@` US style
    state: str  # "scheduled", "live", "final", or "off" (postponed, abandoned)
    status_label: str
    competition: str
    url: str


@dataclass(frozen=True)
class FixtureDay:
    day: dt.date
    games: list[GameLine]


@dataclass(frozen=True)
class FixtureRound:
    title: str  # e.g. `Matchday 4`, `Group A · Matchday 1`, `Quarter-finals · 1st leg`
    stage: str
    name: str
    days: list[FixtureDay]

    @property
    def dates(self) -> str:
        """`7 Nov 2024`, `7–9 Nov 2024`: its first day to its last, in the reader's zone."""
        return round_dates(self.days[0].day, self.days[-1].day)

    @property
    def games(self) -> list[GameLine]:
        return [game for day in self.days for game in day.games]

    @property
    def heading(self) -> str:
        """`Matchday 4 · 7 Nov 2024`."""
        return f"{self.title} · {self.dates}" if self.title else self.dates


@dataclass(frozen=True)
class SeasonFixtures:
    season: Season
    rounds: list[FixtureRound]


@dataclass(frozen=True)
class TeamMatches:
    team: Team
    live: list[GameLine]
    fixtures: list[GameLine]  # still to play, soonest first
    results: list[GameLine]  # played, most recent first


def find_season(competition_slug: str, season_slug: str) -> Season:
    """The season at these addresses; raises Season.DoesNotExist."""
    return Season.objects.select_related("competition").get(
        competition__slug=competition_slug, slug=season_slug
    )


def team_url(team: Team) -> str:
    return reverse("fixtures_app:team", kwargs={"slug": team.slug})


def game_line(match: Match, *, tz: dt.tzinfo) -> GameLine:
    """`match` (its teams and competition selected with it) as a line in the zone `tz`."""
    sport = match.stage.season.competition.sport
    home, away = match.home_team.display_name, match.away_team.display_name
    kickoff = match.kickoff.astimezone(tz)
    line = matchups.matchup(sport, home, away)
    first, second, versus = _sides_in_order(sport, home, away)
    score, result = "", line
    if match.home_score is not None and match.away_score is not None:
        score = matchups.scoreline(sport, match.home_score, match.away_score)
        result = matchups.result_line(sport, home, away, match.home_score, match.away_score)
    return GameLine(
        match=match,
        line=line,
        kickoff=kickoff,
        kickoff_time=matchups.kickoff_time(kickoff.time()),
        strip=matchups.strip_line(sport, home, away, kickoff.time()),
        score=score,
        result=result,
        first=first,
        second=second,
        versus=versus,
        state=_state(Status(match.status)),
        status_label=match.status_label,
        competition=match.stage.season.competition.short_name or match.stage.season.competition.name,
        url=match.get_absolute_url(),
    )


def _sides_in_order(sport: str, home: str, away: str) -> tuple[str, str, str]:
    """The two sides in the order `line` writes them, and the word between them."""
    if sport in matchups.AWAY_FIRST_SPORTS:
        return away, home, "@"
    return home, away, "v"


def _state(status: Status) -> str:
    if status in FINISHED:
        return "final"
    if status == Status.SCHEDULED:
        return "scheduled"
    if status in NOT_STARTED or status == Status.ABANDONED:
        return "off"
    return "live"


def _lines(matches: Iterable[Match], tz: dt.tzinfo | None) -> list[GameLine]:
    zone = tz or timezone.get_current_timezone()
    return [game_line(match, tz=zone) for match in matches]


def day_bounds(day: dt.date, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of `day` in the zone `tz`, and of the day after."""
    start = dt.datetime.combine(day, dt.time.min, tz)
    return start, dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tz)


def todays_games(*, day: dt.date, tz: dt.tzinfo) -> list[GameLine]:
    """Every sport's matches kicking off on `day` in the reader's zone `tz`, by kick-off."""
    matches = Match.objects.with_teams().between(*day_bounds(day, tz))
    return _lines(matches.order_by("kickoff", "pk"), tz)


def fixtures_by_round(
    competition_slug: str, season_slug: str, *, tz: dt.tzinfo | None = None
) -> SeasonFixtures:
    """The season's matches by stage and round, each round by day; raises Season.DoesNotExist."""
    return season_fixtures(find_season(competition_slug, season_slug), tz=tz)


def season_fixtures(season: Season, *, tz: dt.tzinfo | None = None) -> SeasonFixtures:
    """The season's matches by stage and round, each round by day (one query)."""
    matches = Match.objects.with_teams().filter(stage__season=season)
    lines = _lines(matches.order_by("stage__order", "stage__name", "kickoff", "pk"), tz)
    several_stages = len({line.match.stage_id for line in lines}) > 1
    return SeasonFixtures(season=season, rounds=list(_rounds(lines, several_stages)))


def _rounds(lines: list[GameLine], several_stages: bool) -> Iterable[FixtureRound]:
    """Rounds in the order of the lines: by stage, then by each round's first kick-off."""
    grouped: dict[tuple[int, str], list[GameLine]] = {}
    for line in lines:
        grouped.setdefault((line.match.stage_id, line.match.round_name), []).append(line)
    for (_, name), games in grouped.items():
        stage = games[0].match.stage
        title = " · ".join(part for part in (stage.name if several_stages or not name else "", name) if part)
        days = [
            FixtureDay(day, list(day_games))
            for day, day_games in groupby(games, key=lambda g: g.kickoff.date())
        ]
        yield FixtureRound(title, stage.name, name, days)


def latest_and_next(rounds: list[FixtureRound]) -> tuple[FixtureRound | None, FixtureRound | None]:
    """The round with the latest match played or in play, and the round after it with the
    soonest match still to play (another round than the latest); either may be None."""
    played = [
        (game.kickoff, n) for n, r in enumerate(rounds) for game in r.games if game.state in ("final", "live")
    ]
    latest = max(played)[1] if played else None
    coming = [
        (game.kickoff, n)
        for n, r in enumerate(rounds)
        if n != latest
        for game in r.games
        if game.state == "scheduled"
    ]
    following = min(coming)[1] if coming else None
    return (
        rounds[latest] if latest is not None else None,
        rounds[following] if following is not None else None,
    )


def team_matches(team_slug: str, *, tz: dt.tzinfo | None = None) -> TeamMatches:
    """A club's matches, in every competition; raises Team.DoesNotExist."""
    team = Team.objects.get(slug=team_slug)
    matches = (
        Match.objects.with_teams().filter(Q(home_team=team) | Q(away_team=team)).order_by("kickoff", "pk")
    )
    lines = _lines(matches, tz)
    return TeamMatches(
        team=team,
        live=[line for line in lines if line.state == "live"],
        fixtures=[line for line in lines if line.state in ("scheduled", "off")],
        results=[line for line in reversed(lines) if line.state == "final"],
    )


@dataclass(frozen=True)
class GameHistory:
    """Every other meeting of a match's two clubs, and their record against each other."""

    home: Team  # the match's own home side, whose record `head_to_head` counts
    away: Team
    past: list[GameLine]  # played, with their scores, newest first
    next: GameLine | None  # the soonest one still to be played (or in play)
    head_to_head: meetings.HeadToHead  # over every played meeting, not only those in `past`


def game_history(match: Match, limit: int = 5, *, tz: dt.tzinfo | None = None) -> GameHistory:
    """The match's two clubs' other meetings: at either ground, in any competition, before or
    after this one (a first leg's history holds its second leg)."""
    pair = [match.home_team_id, match.away_team_id]
    others = _lines(
        Match.objects.with_teams()
        .filter(home_team_id__in=pair, away_team_id__in=pair)
        .exclude(pk=match.pk)
        .order_by("-kickoff", "-pk"),
        tz,
    )
    scored = [(line, _meeting(line.match)) for line in others if line.state == "final"]
    played = [(line, meeting) for line, meeting in scored if meeting is not None]
    coming = [line for line in reversed(others) if line.state in ("scheduled", "live")]
    record = meetings.head_to_head(match.home_team_id, (meeting for _, meeting in played))
    past = [line for line, _ in played[:limit]]
    return GameHistory(match.home_team, match.away_team, past, next(iter(coming), None), record)


def _meeting(match: Match) -> meetings.Meeting | None:
    """The match as a played meeting; None without a score (a result never entered)."""
    if match.home_score is None or match.away_score is None:
        return None
    return meetings.Meeting(match.home_team_id, match.away_team_id, match.home_score, match.away_score)
