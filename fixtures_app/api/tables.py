"""Tables and fixtures as JSON: the same selectors as the table and fixtures pages."""

from typing import Annotated, get_type_hints

from ninja import Field, Query, Schema

from feeds.errors import ApiRefusal
from fixtures_app.api.matches import game_out, reads
from fixtures_app.api.router import router
from fixtures_app.api.schemas import SLUG, MatchLineOut, SlugPath
from fixtures_app.models import Season, Stage
from fixtures_app.selectors.fixtures import fixtures_by_round
from fixtures_app.selectors.tables import JSON_FIELDS, StageRequired, TableRow, season_table, table_json

SEASON = "/competitions/{competition}/seasons/{season}"


# A row as `table_json` gives it: the page's row's JSON fields, typed as the rule's row
# (football/standings.py) types them. (No docstring: it would show in the OpenAPI schema.)
_ROW_TYPES = get_type_hints(TableRow)


class TableRowOut(Schema):
    __annotations__ = {name: _ROW_TYPES[name] for name in JSON_FIELDS}


class TableOut(Schema):
    competition: str
    season: str
    stage: str
    stage_slug: str
    rules: str
    rules_label: str
    provisional: bool = Field(description="True while a match counted is still being played.")
    rows: list[TableRowOut]


class FixtureDayOut(Schema):
    day: str
    matches: list[MatchLineOut]


class FixtureRoundOut(Schema):
    title: str
    stage: str
    name: str
    days: list[FixtureDayOut]


class FixturesOut(Schema):
    competition: str
    season: str
    rounds: list[FixtureRoundOut]


@router.get(f"{SEASON}/table", **reads({200: TableOut}, tag="tables", summary="League table"))
def table(
    request,
    competition: SlugPath,
    season: SlugPath,
    stage: Annotated[str | None, Query(pattern=SLUG, max_length=100, description="A group, say.")] = None,
):
    """The season's table, from results and live scores; name the stage when it has several."""
    try:
        found = season_table(competition, season, stage)
    except Season.DoesNotExist:
        raise ApiRefusal(404, f"No season {season!r} of competition {competition!r}.") from None
    except Stage.DoesNotExist:
        raise ApiRefusal(404, "That season has no such table.") from None
    except StageRequired as error:
        raise ApiRefusal(400, str(error), errors={"stage": error.stages}) from None
    fields = ("competition", "season", "stage", "stage_slug", "rules", "rules_label", "provisional")
    return {**{name: getattr(found, name) for name in fields}, "rows": table_json(found)}


@router.get(f"{SEASON}/fixtures", **reads({200: FixturesOut}, tag="tables", summary="Fixtures"))
def fixtures(request, competition: SlugPath, season: SlugPath):
    """The season's matches by round, each round by day (in the reader's zone: `tz` cookie, else UK)."""
    try:
        found = fixtures_by_round(competition, season)
    except Season.DoesNotExist:
        raise ApiRefusal(404, f"No season {season!r} of competition {competition!r}.") from None
    rounds = [
        {
            "title": round_.title,
            "stage": round_.stage,
            "name": round_.name,
            "days": [
                {"day": day.day.isoformat(), "matches": [game_out(game) for game in day.games]}
                for day in round_.days
            ],
        }
        for round_ in found.rounds
    ]
    return {"competition": found.season.competition.name, "season": found.season.name, "rounds": rounds}
