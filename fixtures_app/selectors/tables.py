"""League tables read from the database: computed from results, never stored.

A stage's table counts its finished matches, and its matches in play with their current
score (the table is then provisional), with the season's points deductions. Its clubs
are all those with a match in the stage, played or not. The page, the JSON API and the
live updates all use these payloads.
"""

from collections.abc import Iterable
from dataclasses import dataclass, fields

from django.db.models import Exists, OuterRef
from django.urls import reverse

from fixtures_app.models import Match, PointsDeduction, Season, Stage, Team
from fixtures_app.models.competition import Competition, Sport
from fixtures_app.selectors.fixtures import find_season, team_url
from fixtures_app.selectors.table_notes import TableNote, note_numbers, table_notes
from football import standings
from football.status import FINISHED, NOT_STARTED, Status

TABLE_KINDS = (Stage.Kind.LEAGUE, Stage.Kind.GROUP)
NOT_COUNTED = frozenset({*NOT_STARTED, Status.ABANDONED})
# What the JSON gives of each row (TableRow), in this order; the API's row schema is made from it.
JSON_FIELDS = (
    "position",
    "team",
    "played",
    "won",
    "drawn",
    "lost",
    "goals_for",
    "goals_against",
    "goal_difference",
    "points",
    "deducted",
    "form",
)


class StageRequired(LookupError):
    """The season has several tables (groups, say): say which one."""

    def __init__(self, season: Season, stages: list[str]) -> None:
        self.stages = stages
        super().__init__(f"{season} has several tables; choose a stage: {', '.join(stages)}.")


@dataclass(frozen=True, kw_only=True)
class TableRow(standings.Row):
    """The rule's row (football/standings.py) as pages show it: its figures as the rule gives
    them, `team` the club's name rather than its key, and the club's id, slug and page."""

    team_id: int
    team_slug: str
    team_url: str
    notes: tuple[int, ...] = ()  # the numbers of the table's notes about this row
    short_name: str = ""  # as a compact table beside a match writes it: Man City


@dataclass(frozen=True)
class TablePayload:
    competition: str
    season: str
    stage: str
    stage_slug: str
    rules: str
    rules_label: str
    provisional: bool
    rows: tuple[TableRow, ...]
    url: str
    highlight: frozenset[int] = frozenset()
    season_id: int = 0
    notes: tuple[TableNote, ...] = ()  # deductions and the places tie-breaks decided, numbered
    # What a compact table is called: its competition when the season is one league table
    # (`Premier League`, not `League`), else its stage (`League Phase`, `Group G`).
    title: str = ""

    @property
    def deducted_rows(self) -> tuple[TableRow, ...]:
        return tuple(row for row in self.rows if row.deducted)


def stage_table(stage: Stage, *, highlight: Iterable[int] = ()) -> TablePayload:
    """The table of a league, group or league-phase stage (its season and competition selected)."""
    matches = list(
        Match.objects.filter(stage=stage).select_related("home_team", "away_team").order_by("kickoff", "pk")
    )
    teams = {team.pk: team for match in matches for team in (match.home_team, match.away_team)}
    deductions = PointsDeduction.objects.filter(season_id=stage.season_id, team_id__in=list(teams)).order_by(
        "pk"
    )
    rules = stage.season.tiebreak_rules
    names = {str(pk): team.name for pk, team in teams.items()}
    table = standings.league_table(
        [_result(match) for match in matches if match.status not in NOT_COUNTED],
        teams=[str(pk) for pk in teams],
        deductions=[standings.Deduction(str(d.team_id), d.points, d.reason) for d in deductions],
        rules=rules,
        names=names,
    )
    notes = table_notes(table, names)
    numbers = note_numbers(notes)
    return TablePayload(
        competition=stage.season.competition.name,
        season=stage.season.name,
        stage=stage.name,
        stage_slug=stage.slug,
        rules=rules,
        rules_label=standings.RULE_LABELS.get(rules, rules),
        provisional=table.provisional,
        rows=tuple(_row(row, teams[int(row.team)], numbers.get(row.team, ())) for row in table.rows),
        url=_table_url(stage),
        highlight=frozenset(highlight),
        season_id=stage.season_id,
        notes=notes,
        title=stage.season.competition.name if _whole_league(stage) else stage.name,
    )


def _whole_league(stage: Stage) -> bool:
    return stage.season.competition.kind == Competition.Kind.LEAGUE and stage.kind == Stage.Kind.LEAGUE


def _result(match: Match) -> standings.Result:
    return standings.Result(
        home=str(match.home_team_id),
        away=str(match.away_team_id),
        home_goals=match.home_score or 0,
        away_goals=match.away_score or 0,
        provisional=match.status not in FINISHED,
    )


def _row(row: standings.Row, team: Team, notes: tuple[int, ...]) -> TableRow:
    # Shallow: the figures are numbers, strings and tuples, which asdict would copy deeply.
    figures = {field.name: getattr(row, field.name) for field in fields(row) if field.name != "team"}
    return TableRow(
        team_id=team.pk,
        team=team.name,
        team_slug=team.slug,
        team_url=team_url(team),
        notes=notes,
        short_name=team.display_name,
        **figures,
    )


def _table_url(stage: Stage) -> str:
    season = stage.season
    url = reverse(
        "fixtures_app:table", kwargs={"competition": season.competition.slug, "season": season.slug}
    )
    return f"{url}?stage={stage.slug}"


def table_stages(season: Season) -> list[Stage]:
    """The season's stages that have a table and a match, in order; none for another sport,
    whose tables football's rules (points, goal difference) would get wrong."""
    if season.competition.sport != Sport.FOOTBALL:
        return []
    has_match = Exists(Match.objects.filter(stage=OuterRef("pk")))
    stages = Stage.objects.filter(season=season, kind__in=TABLE_KINDS).filter(has_match)
    return list(stages.select_related("season__competition").order_by("order", "name"))


@dataclass(frozen=True)
class SeasonTables:
    season: Season
    tables: list[TablePayload]

    @property
    def football(self) -> bool:
        """False for another sport's season, which has no table here (see table_stages)."""
        return self.season.competition.sport == Sport.FOOTBALL


def season_tables(competition_slug: str, season_slug: str, stage_slug: str | None = None) -> SeasonTables:
    """Every table of the season (one per group, say), or just stage `stage_slug`'s.

    Raises Season.DoesNotExist, or Stage.DoesNotExist when there is no such table.
    """
    season = find_season(competition_slug, season_slug)
    stages = table_stages(season)
    if stage_slug is not None:
        stages = [stage for stage in stages if stage.slug == stage_slug]
        if not stages:
            raise Stage.DoesNotExist(f"{season} has no table {stage_slug!r}.")
    return SeasonTables(season=season, tables=[stage_table(stage) for stage in stages])


def season_table(competition_slug: str, season_slug: str, stage_slug: str | None = None) -> TablePayload:
    """The season's one table, or its stage `stage_slug`'s.

    Raises Season.DoesNotExist, Stage.DoesNotExist (no such table), or StageRequired when
    the season has several tables and no stage is named.
    """
    season = find_season(competition_slug, season_slug)
    stages = [s for s in table_stages(season) if stage_slug is None or s.slug == stage_slug]
    if not stages:
        raise Stage.DoesNotExist(f"{season} has no table {stage_slug or ''}".strip() + ".")
    if len(stages) > 1:
        raise StageRequired(season, [stage.slug for stage in stages])
    return stage_table(stages[0])


def table_for_match(match: Match) -> TablePayload | None:
    """The table shown beside a match, its two clubs to highlight.

    Its own stage's table when the stage has one; else the most recent table of the same
    competition that has matches (the league phase beside a knock-out tie, say); else None.
    """
    stage = table_stage_for_match(match)
    return stage_table(stage, highlight=(match.home_team_id, match.away_team_id)) if stage else None


def table_stage_for_match(match: Match) -> Stage | None:
    """The stage whose table is shown beside the match (see table_for_match); None for another sport."""
    if match.stage.season.competition.sport != Sport.FOOTBALL:
        return None
    if match.stage.has_table:
        return match.stage
    has_match = Exists(Match.objects.filter(stage=OuterRef("pk")))
    return (
        Stage.objects.filter(season__competition_id=match.stage.season.competition_id, kind__in=TABLE_KINDS)
        .filter(has_match)
        .select_related("season__competition")
        .order_by("-season__slug", "order", "name")
        .first()
    )


def table_json(table: TablePayload) -> list[dict]:
    """The table's rows as the JSON API gives them."""
    return [{name: getattr(row, name) for name in JSON_FIELDS} for row in table.rows]
