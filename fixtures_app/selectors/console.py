"""The editor console's read payload: the match page's payload, plus what an editor acts on:
the next statuses, the minute to prefill, who can be picked, which events VAR can reverse,
and the audit trail."""

import datetime as dt
import uuid
from dataclasses import dataclass

from fixtures_app.models import LineupEntry, Match, MatchEvent, MatchUpdate
from fixtures_app.selectors.facts import event_facts
from fixtures_app.selectors.match import MatchPage, SideView, match_page
from fixtures_app.selectors.status import is_level, resume_from
from fixtures_app.services.events import SYSTEM_KINDS
from football import discipline, scoring
from football.clock import PERIOD_MINUTES, live_minute, minute_label
from football.events import (
    PERIOD_LABELS,
    VAR_DECISION_LABELS,
    EventFact,
    EventKind,
    GoalType,
    Period,
    VarDecision,
)
from football.status import PLAYING_PERIODS, Status, StatusError, next_statuses
from football.timeline import TimelineEntry

AUDIT_LIMIT = 100
# What the button that moves a match to each status says.
STATUS_ACTIONS = {
    Status.SCHEDULED: "Back to scheduled",
    Status.FIRST_HALF: "Kick-off",
    Status.HALF_TIME: "Half-time",
    Status.SECOND_HALF: "Second half",
    Status.FULL_TIME: "Full time",
    Status.EXTRA_TIME_BREAK: "End of 90: extra time",
    Status.EXTRA_FIRST_HALF: "Extra time kick-off",
    Status.EXTRA_HALF_TIME: "Extra-time half-time",
    Status.EXTRA_SECOND_HALF: "Extra time, second half",
    Status.AFTER_EXTRA_TIME: "Full time after extra time",
    Status.PENALTIES_BREAK: "End of extra time: penalties",
    Status.PENALTIES: "Start the shoot-out",
    Status.AFTER_PENALTIES: "End of the shoot-out",
    Status.POSTPONED: "Postpone",
    Status.SUSPENDED: "Suspend",
    Status.ABANDONED: "Abandon",
}
# Moves that stop a match rather than carry it on: the console asks before making them.
STOPPING = frozenset({Status.POSTPONED, Status.SUSPENDED, Status.ABANDONED})


@dataclass(frozen=True)
class EntryType:
    """One big button of the console, and the fields its form asks for."""

    key: str
    label: str
    kind: EventKind
    goal_type: str = ""
    team: bool = True
    player: str = "lineup"  # the picker the player comes from: lineup, on_pitch, or none
    player_label: str = "Player"
    player_in: bool = False
    reverses: bool = False
    detail: str = ""  # an example of the detail, when the event has one
    text_required: bool = False
    post: str = ""  # "photo" or "quote": the form asks for their own fields instead of commentary


ENTRY_TYPES = (
    EntryType(
        "goal", "Goal", EventKind.GOAL, GoalType.OPEN_PLAY, player_label="Scorer", detail="e.g. header"
    ),
    EntryType("penalty_goal", "Penalty goal", EventKind.GOAL, GoalType.PENALTY, player_label="Scorer"),
    EntryType("own_goal", "Own goal", EventKind.GOAL, GoalType.OWN_GOAL, player_label="Player who put it in"),
    EntryType(
        "missed_penalty",
        "Missed penalty",
        EventKind.MISSED_PENALTY,
        player_label="Taker",
        detail="e.g. saved",
    ),
    EntryType("yellow", "Yellow card", EventKind.YELLOW, detail="e.g. dissent"),
    EntryType("red", "Red card", EventKind.RED, detail="e.g. serious foul play"),
    EntryType(
        "substitution",
        "Substitution",
        EventKind.SUBSTITUTION,
        player="on_pitch",
        player_label="Player going off",
        player_in=True,
    ),
    EntryType("var", "VAR", EventKind.VAR, team=False, player="", reverses=True, detail="e.g. offside"),
    EntryType("commentary", "Commentary", EventKind.COMMENTARY, team=False, player="", text_required=True),
    EntryType("photo", "Photo", EventKind.PHOTO, team=False, player="", text_required=True, post="photo"),
    EntryType("quote", "Quote", EventKind.QUOTE, team=False, player="", text_required=True, post="quote"),
)


@dataclass(frozen=True)
class StatusAction:
    status: Status
    label: str
    stops_play: bool


@dataclass(frozen=True)
class Squad:
    """One team's players as the pickers offer them."""

    team: object
    lineup: list[LineupEntry]
    on_pitch: list[LineupEntry]
    bench: list[LineupEntry]


@dataclass(frozen=True)
class Moment:
    period: int
    minute: int
    added_minute: int

    @property
    def label(self) -> str:
        return minute_label(self.minute, self.added_minute)

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.period, self.minute, self.added_minute)


@dataclass(frozen=True)
class EventRow:
    event: MatchEvent
    entry: TimelineEntry
    editable: bool
    reversal: VarDecision | None
    reversal_label: str
    reversal_moment: Moment | None


@dataclass(frozen=True)
class ConsolePage:
    page: MatchPage
    match: Match
    actions: list[StatusAction]
    moment: Moment | None
    ticking_since: dt.datetime | None
    squads: list[Squad]
    rows: list[EventRow]
    audit: list[MatchUpdate]

    @property
    def new_client_key(self) -> str:
        """A fresh key each time a template asks, one for each form it renders."""
        return str(uuid.uuid4())

    @property
    def shootout(self) -> bool:
        return self.match.status == Status.PENALTIES

    @property
    def period_bounds(self) -> tuple[int, int]:
        period = PLAYING_PERIODS.get(Status(self.match.status))
        return PERIOD_MINUTES[period] if period else (0, 0)

    @property
    def entry_types(self) -> tuple[EntryType, ...]:
        return ENTRY_TYPES

    @property
    def var_decisions(self) -> list[tuple[str, str]]:
        return [(decision.value, label) for decision, label in VAR_DECISION_LABELS.items()]

    @property
    def stats_periods(self) -> list[tuple[int, str]]:
        """The halves played so far, for the stats form."""
        return [
            (period.value, PERIOD_LABELS[period])
            for period in Period
            if period is not Period.PENALTIES and self.match.period_start(period) is not None
        ]

    @property
    def reversible(self) -> list[EventRow]:
        return [row for row in self.rows if row.reversal]


def console_page(match: Match, *, now: dt.datetime) -> ConsolePage:
    """Everything the console shows; its query count does not grow with the events."""
    page = match_page(match, now=now)
    events = {event.pk: event for event in MatchEvent.objects.filter(match=match).with_people()}
    facts = event_facts(match, events.values())
    moment = current_moment(match, now)
    period = PLAYING_PERIODS.get(Status(match.status))
    return ConsolePage(
        page=page,
        match=match,
        actions=[_action(status) for status in allowed_statuses(match)],
        moment=moment,
        ticking_since=match.period_started_at if period and period is not Period.PENALTIES else None,
        squads=[_squad(side, facts) for side in (page.home, page.away)],
        rows=_rows(page.timeline, events, facts, moment),
        audit=audit_trail(match),
    )


def audit_trail(match: Match) -> list[MatchUpdate]:
    """Who did what and when, latest first (without the messages sent to fans, which are large)."""
    updates = MatchUpdate.objects.filter(match=match).select_related("by").defer("message")
    return list(updates.order_by("-seq")[:AUDIT_LIMIT])


def allowed_statuses(match: Match) -> tuple[Status, ...]:
    """The statuses the match may move to now, worked out as the status service checks them."""
    current = Status(match.status)
    try:
        return next_statuses(current, level=is_level(match, current), resume_from=resume_from(match))
    except StatusError:
        return ()


def _action(status: Status) -> StatusAction:
    return StatusAction(status, STATUS_ACTIONS[status], status in STOPPING)


def current_moment(match: Match, now: dt.datetime) -> Moment | None:
    """The minute an event entered now happens in: the live minute, else the end of the last period."""
    status = Status(match.status)
    period = PLAYING_PERIODS.get(status)
    if period is not None:
        started = match.period_start(period)
        minute, added = live_minute(period, started, now) if started else (PERIOD_MINUTES[period][0], 0)
        return Moment(period, minute, added)
    played = [period for period in PLAYING_PERIODS.values() if match.period_start(period)]
    if not played:
        return None
    return Moment(played[-1], PERIOD_MINUTES[played[-1]][1], 0)


def _squad(side: SideView, facts: list[EventFact]) -> Squad:
    substitutions = [fact for fact in facts if fact.kind is EventKind.SUBSTITUTION]
    came_on = {fact.player_in_id for fact in substitutions}
    gone = {fact.player_id for fact in substitutions} | discipline.sent_off(facts)
    lineup = [row.entry for row in (*side.starters, *side.bench)]
    return Squad(
        team=side.team,
        lineup=lineup,
        on_pitch=[e for e in lineup if (e.starter or e.player_id in came_on) and e.player_id not in gone],
        bench=[row.entry for row in side.bench if row.entry.player_id not in came_on],
    )


def _rows(
    timeline: list[TimelineEntry],
    events: dict[int, MatchEvent],
    facts: list[EventFact],
    moment: Moment | None,
) -> list[EventRow]:
    cancelled = scoring.reversed_ids(facts)
    by_id = {fact.id: fact for fact in facts}
    rows = []
    for entry in timeline:
        fact = by_id[entry.event_id]
        reversal = None if fact.id in cancelled else var_reversal(fact)
        rows.append(
            EventRow(
                event=events[entry.event_id],
                entry=entry,
                editable=fact.kind not in SYSTEM_KINDS,
                reversal=reversal,
                reversal_label=VAR_DECISION_LABELS[reversal] if reversal else "",
                reversal_moment=_reversal_moment(fact, moment) if reversal else None,
            )
        )
    return rows


def var_reversal(fact: EventFact) -> VarDecision | None:
    """The VAR decision that would reverse this event, if VAR can reverse it."""
    if fact.period == Period.PENALTIES:
        return None
    if fact.kind is EventKind.GOAL and fact.goal_type is GoalType.PENALTY:
        return VarDecision.PENALTY_OVERTURNED
    if fact.kind is EventKind.GOAL:
        return VarDecision.GOAL_DISALLOWED
    if fact.kind is EventKind.MISSED_PENALTY:
        return VarDecision.PENALTY_OVERTURNED
    if fact.kind in (EventKind.RED, EventKind.SECOND_YELLOW):
        return VarDecision.RED_RESCINDED
    return None


def _reversal_moment(fact: EventFact, now: Moment | None) -> Moment:
    """A VAR decision happens now, and never before the event it reverses."""
    event = Moment(int(fact.period), fact.minute, fact.added_minute)
    return event if now is None or now.order < event.order else now
