"""A club's page: where it stands this season, what comes next, its form, the head-to-head with
its next opponent, its results and fixtures, and its squad.

Built from the club's matches read once (fixtures.team_matches); each table it stands in costs
two more queries and the squad one or two, however many matches and players there are.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from fixtures_app.models import Match, Season, Stage, Team
from fixtures_app.models.competition import Sport
from fixtures_app.selectors.fixtures import GameLine, team_matches
from fixtures_app.selectors.tables import TableRow, stage_table
from fixtures_app.selectors.team_squad import SquadGroup, team_squad
from football import form, meetings

RESULTS_SHOWN = 20
FIXTURES_SHOWN = 10
MEETINGS_SHOWN = 10
# A competition is this season's when the club's match in it nearest to the club's match nearest
# to now is this close to it: last season's cup run drops off while the league plays on.
CURRENT_WINDOW = dt.timedelta(days=200)


@dataclass(frozen=True)
class Standing:
    """Where the club stands in one of this season's competitions."""

    season: Season
    text: str  # "3rd in Premier League, 24 pts", "FA Cup: Quarter-finals", "NFL"
    url: str  # the table the position is in; else the season's fixtures
    fixtures_url: str
    position: int | None = None
    points: int | None = None


@dataclass(frozen=True)
class ClubGame:
    """A played or coming match seen from the club's side."""

    game: GameLine
    opponent: Team
    at_home: bool
    result: form.FormResult | None  # None until it has a score

    @property
    def where(self) -> str:
        return "home" if self.at_home else "away"


@dataclass(frozen=True)
class HeadToHead:
    """The club's record against `opponent`, from the club's side, and their meetings."""

    opponent: Team
    record: meetings.HeadToHead  # over every played meeting, not only those listed
    meetings: list[ClubGame]  # newest first


@dataclass(frozen=True)
class TeamPage:
    team: Team
    football: bool  # False for another sport: fixtures and results only
    standings: list[Standing]
    live: list[ClubGame]
    next: ClubGame | None  # the soonest match still to be played
    form: list[ClubGame]  # the last five results, newest first
    head_to_head: HeadToHead | None  # against the opponent playing now, else the next one
    results: list[GameLine]  # newest first
    fixtures: list[GameLine]  # soonest first
    squad: SquadGroup | None


def team_page(team_slug: str, *, tz: dt.tzinfo | None = None, now: dt.datetime | None = None) -> TeamPage:
    """Everything a club's page shows, times in the reader's zone `tz`; raises Team.DoesNotExist."""
    matches = team_matches(team_slug, tz=tz)
    team = matches.team
    football = team.sport == Sport.FOOTBALL
    seasons = current_seasons(matches.results + matches.live + matches.fixtures, now or timezone.now())
    live = [club_game(team, line) for line in matches.live]
    coming = [club_game(team, line) for line in matches.fixtures if line.state == "scheduled"]
    played = [club_game(team, line) for line in matches.results if line.score]
    facing = next(iter(live + coming), None)
    return TeamPage(
        team=team,
        football=football,
        standings=standings(team, seasons),
        live=live,
        next=coming[0] if coming else None,
        form=played[: form.FORM_LENGTH] if football else [],
        head_to_head=head_to_head(team, facing.opponent, played) if football and facing else None,
        results=matches.results[:RESULTS_SHOWN],
        fixtures=matches.fixtures[:FIXTURES_SHOWN],
        squad=team_squad(team, [season.pk for season in seasons]) if football else None,
    )


def club_game(team: Team, line: GameLine) -> ClubGame:
    """`line` from `team`'s side: who it plays, where, and how it went."""
    match = line.match
    at_home = match.home_team_id == team.pk
    result = None
    if match.home_score is not None and match.away_score is not None:
        result = form.result_for(team.pk, _meeting(match))
    return ClubGame(line, match.away_team if at_home else match.home_team, at_home, result)


def _meeting(match: Match) -> meetings.Meeting:
    return meetings.Meeting(
        match.home_team_id, match.away_team_id, match.home_score or 0, match.away_score or 0
    )


def head_to_head(team: Team, opponent: Team, played: list[ClubGame]) -> HeadToHead:
    """`team`'s record against `opponent` over the played matches `played` (newest first)."""
    between = [game for game in played if game.opponent.pk == opponent.pk]
    record = meetings.head_to_head(team.pk, (_meeting(game.game.match) for game in between))
    return HeadToHead(opponent, record, between[:MEETINGS_SHOWN])


def current_seasons(lines: list[GameLine], now: dt.datetime) -> dict[Season, list[GameLine]]:
    """This season's competitions: one season each, its lines; in the order the club plays them."""
    if not lines:
        return {}
    anchor = min(lines, key=lambda line: abs(line.match.kickoff - now)).match.kickoff
    nearest: dict[int, GameLine] = {}
    for line in sorted(lines, key=lambda line: abs(line.match.kickoff - anchor)):
        nearest.setdefault(line.match.stage.season.competition_id, line)
    chosen = {
        line.match.stage.season_id
        for line in nearest.values()
        if abs(line.match.kickoff - anchor) <= CURRENT_WINDOW
    }
    seasons: dict[Season, list[GameLine]] = {}
    for line in sorted(lines, key=lambda line: line.match.kickoff):
        if line.match.stage.season_id in chosen:
            seasons.setdefault(line.match.stage.season, []).append(line)
    return seasons


def standings(team: Team, seasons: dict[Season, list[GameLine]]) -> list[Standing]:
    """Where the club stands in each of `seasons`: league places first, then cup rounds."""
    found = [standing(team, season, lines) for season, lines in seasons.items()]
    return sorted(found, key=lambda standing: standing.position is None)


def standing(team: Team, season: Season, lines: list[GameLine]) -> Standing:
    """Where `team` stands in `season`, from its matches in it (`lines`, oldest first)."""
    competition = season.competition
    fixtures_url = reverse("fixtures_app:fixtures", args=[competition.slug, season.slug])
    if competition.sport != Sport.FOOTBALL:
        return Standing(season, competition.name, fixtures_url, fixtures_url)
    stages = [line.match.stage for line in lines if line.match.stage.has_table]
    reached = _reached(lines)
    if not reached.has_table:
        # A cup, or the knock-outs after a league phase: the round the club has reached.
        return Standing(season, f"{competition.name}: {reached.name}", fixtures_url, fixtures_url)
    stage = max(stages, key=lambda stage: (stage.order, stage.pk))
    table = stage_table(stage)
    row = next((row for row in table.rows if row.team_id == team.pk), None)
    if row is None or row.played == 0:
        return Standing(season, f"{competition.name}: no match played yet", table.url, fixtures_url)
    where = (
        competition.name
        if competition.kind == competition.Kind.LEAGUE
        else f"{competition.name} ({stage.name})"
    )
    text = f"{_place(row, table.rows)} in {where}, {row.points} pt{'s' if row.points != 1 else ''}"
    return Standing(season, text, table.url, fixtures_url, row.position, row.points)


def _reached(lines: list[GameLine]) -> Stage:
    """The stage of the club's latest match begun, or of its first when none has."""
    started = [line for line in lines if line.state != "scheduled"]
    return (started[-1] if started else lines[0]).match.stage


def _place(row: TableRow, rows: tuple[TableRow, ...]) -> str:
    """`3rd`, or `joint 3rd` when no rule separates the club from another."""
    shared = sum(other.position == row.position for other in rows) > 1
    return f"{'joint ' if shared else ''}{ordinal(row.position)}"


def ordinal(number: int) -> str:
    """`1st`, `2nd`, `3rd`, `4th`, … `11th`, `12th`, `13th`, … `21st`."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
