"""The shapes the matches API reads and writes. Limits are the console forms' own (imported from
them), so the schema documents what the forms accept; the forms still decide."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from ninja import Field, Path, Schema
from pydantic import ConfigDict, StringConstraints

from feeds.idempotency import ClientKey
from fixtures_app.forms import ENTRY_KINDS, LAST_MINUTE
from fixtures_app.models import Match, MatchEvent
from fixtures_app.services.events import MAX_TEXT_LENGTH
from football.clock import MAX_ADDED_MINUTES
from football.events import GOAL_TYPE_LABELS, PERIOD_LABELS, VAR_DECISION_LABELS, Period
from football.lineups import MAX_STARTERS
from football.status import STATUS_LABELS

MAX_ID = 2**63 - 1
SLUG = r"^[-a-zA-Z0-9_]+$"
# Text may hold anything but the NUL character, which no database column stores.
NO_NUL = r"^[^\x00]*$"

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
SlugPath = Annotated[str, Path(pattern=SLUG, max_length=100)]
Text = Annotated[str, StringConstraints(pattern=NO_NUL)]

EventKindIn = Literal[tuple(kind for kind, _ in ENTRY_KINDS)]
GoalTypeIn = Literal[("", *GOAL_TYPE_LABELS)]
VarDecisionIn = Literal[("", *VAR_DECISION_LABELS)]
PeriodIn = Literal[tuple(int(period) for period in PERIOD_LABELS)]
HalfIn = Literal[tuple(int(period) for period in PERIOD_LABELS if period != Period.PENALTIES)]
StatusIn = Literal[tuple(status.value for status in STATUS_LABELS)]
DETAIL_LENGTH = MatchEvent._meta.get_field("detail").max_length


def _length(name: str) -> int | None:
    return MatchEvent._meta.get_field(name).max_length


FORMATION_LENGTH = Match._meta.get_field("home_formation").max_length


class Body(Schema):
    """Request bodies refuse fields they do not know, so a misspelt field is an error, not ignored."""

    model_config = ConfigDict(extra="forbid")


class TeamRef(Schema):
    id: int
    name: str


class MatchLineOut(Schema):
    id: int
    url: str
    kickoff: dt.datetime = Field(description="In the zone asked for.")
    kickoff_time: str
    competition: str
    line: str = Field(description="`Atalanta v Liverpool`, or `Vikings @ Bears`.")
    result: str
    score: str = Field(description="`0-1` in the order of `line`; empty before kick-off.")
    state: Literal["scheduled", "live", "final", "off"]
    status: str
    status_label: str
    home: TeamRef
    away: TeamRef
    seq: int


class Open(Schema):
    """A payload the live protocol owns (docs/PROTOCOL.md): it may carry more fields than these."""

    model_config = ConfigDict(extra="allow")


class LiveStateOut(Open):
    status: str
    status_label: str
    score: list[int] | None
    status_line: str
    period_started_at: str | None
    scoreboard_html: str


class SnapshotOut(Open):
    type: Literal["snapshot"]
    match: int
    seq: int
    state: LiveStateOut
    entries: dict[str, str]
    order: list[int]
    lineups_html: str
    stats_html: str


class UpdatesOut(Schema):
    match: int
    seq: int
    messages: list[dict[str, Any]] = Field(description="As on the websocket: see docs/PROTOCOL.md.")
    poll_interval: int


class RenditionOut(Schema):
    url: str
    width: int
    height: int


class PhotoOut(Schema):
    renditions: list[RenditionOut] = Field(description="JPEG, largest first (at most 1280 px wide).")


class EventOut(Schema):
    id: int
    match: int
    kind: str
    period: int
    minute: int
    added_minute: int
    team: int | None
    player: int | None
    player_in: int | None
    assist: int | None = Field(description="For a goal: the player who set it up; null when unknown or none.")
    goal_type: str
    var_decision: str
    reverses: int | None
    detail: str
    text: str = Field(description="Commentary; a photo's caption; a quote's words.")
    photo: PhotoOut | None = Field(
        None, description="For a photo: its renditions (the upload is never kept)."
    )
    credit: str = Field("", description="For a photo: who took it.")
    alt_text: str = Field("", description="For a photo: what it shows; empty: the caption serves.")
    quote_by: str = Field("", description="For a quote: who said it.")
    quote_role: str = Field("", description="For a quote: their role or context.")
    version: int = Field(description="Send it as expected_version to correct the event.")


class WriteOut(Schema):
    match: int
    seq: int = Field(description="The update's number in the match's log (as on the websocket).")
    summary: str
    status: str
    score: list[int] | None
    event: EventOut | None = None
    delivery: Literal["ok", "degraded"] = Field(
        "ok",
        description="`degraded`: saved, but fans' pages could not be told live (Redis down); they catch up.",
    )


class EventFieldsIn(Body):
    minute: int | None = Field(None, ge=0, le=LAST_MINUTE)
    added_minute: int | None = Field(None, ge=0, le=MAX_ADDED_MINUTES)
    period: PeriodIn | None = None
    team: Id | None = None
    player: Id | None = None
    player_in: Id | None = None
    assist: Id | None = Field(None, description="For a goal (not an own goal): a team-mate of the scorer.")
    goal_type: GoalTypeIn | None = None
    var_decision: VarDecisionIn | None = None
    reverses: Id | None = None
    detail: Text | None = Field(None, max_length=DETAIL_LENGTH)
    text: Text | None = Field(None, max_length=MAX_TEXT_LENGTH)
    credit: Text | None = Field(None, max_length=_length("credit"), description="For a photo (PATCH).")
    alt_text: Text | None = Field(None, max_length=_length("alt_text"), description="For a photo (PATCH).")
    quote_by: Text | None = Field(
        None, max_length=_length("quote_by"), description="For a quote: who said it."
    )
    quote_role: Text | None = Field(None, max_length=_length("quote_role"), description="For a quote.")
    client_key: ClientKey | None = None


class PhotoIn(Schema):
    """A photo's fields, sent as multipart form fields beside its file. Each is checked by the
    console's own form and service, so their refusals are the console's."""

    minute: int | None = Field(None, ge=0, le=LAST_MINUTE)
    added_minute: int | None = Field(None, ge=0, le=MAX_ADDED_MINUTES)
    period: PeriodIn | None = None
    text: Text | None = Field(None, max_length=MAX_TEXT_LENGTH, description="The caption (required).")
    credit: Text | None = Field(None, description="Who took it (required).")
    alt_text: Text | None = Field(None, description="What it shows; left out, the caption serves.")
    client_key: ClientKey | None = None


class EventIn(EventFieldsIn):
    kind: EventKindIn
    minute: int = Field(ge=0, le=LAST_MINUTE)


class CorrectionIn(EventFieldsIn):
    kind: EventKindIn | None = None
    expected_version: int = Field(ge=1, le=MAX_ID, description="The version of the event you corrected.")


class StatusChangeIn(Body):
    status: StatusIn
    client_key: ClientKey | None = None


class StatsIn(Body):
    team: Id
    period: HalfIn
    shots: int | None = Field(None, ge=0, le=99)
    shots_on_target: int | None = Field(None, ge=0, le=99)
    expected_goals: Decimal | None = Field(None, ge=0, le=15, max_digits=4, decimal_places=2)
    possession: int | None = Field(None, ge=0, le=100)
    client_key: ClientKey | None = None


class LineupPlaceIn(Body):
    player: Id
    shirt_number: int | None = Field(None, ge=1, le=99)
    starter: bool = True
    captain: bool = False
    position: Text = Field("", max_length=20)


class LineupIn(Body):
    entries: list[LineupPlaceIn] = Field(max_length=4 * MAX_STARTERS)
    formation: Text | None = Field(
        None,
        max_length=FORMATION_LENGTH,
        description='Outfield lines from the back, e.g. "4-2-3-1" (or "4231"); "" when unknown; '
        "left out, the one on record stays.",
    )
    client_key: ClientKey | None = None


class LineupEntryOut(Schema):
    player: int
    name: str
    known_as: str
    shirt_number: int | None
    starter: bool
    captain: bool
    position: str


class LineupOut(Schema):
    match: int
    team: TeamRef
    formation: str = Field("", description='e.g. "4-2-3-1"; "" when unknown.')
    entries: list[LineupEntryOut]
