"""The minute-by-minute timeline: every event, in match order, told in a line.

Each entry carries the minute as fans write it, what happened in plain words (for a goal,
who set it up, when known), the editor's commentary, and after a goal the score it made.
A goal later disallowed by VAR stays in the timeline, marked as not counting, next to the
VAR decision that reversed it.
"""

from dataclasses import dataclass

from football.clock import minute_label
from football.events import PERIOD_LABELS, EventFact, EventKind, GoalType, Side, VarDecision
from football.scoring import Score, reversed_ids, score, scoring_side


@dataclass(frozen=True)
class TimelineEntry:
    event_id: int
    minute: str
    kind: str
    side: Side | None
    headline: str
    description: str
    commentary: str
    score_after: Score | None
    reversed: bool


VAR_HEADLINES = {
    VarDecision.GOAL_DISALLOWED: "Goal disallowed",
    VarDecision.PENALTY_OVERTURNED: "Penalty overturned",
    VarDecision.RED_RESCINDED: "Red card rescinded",
}


def timeline(
    events: list[EventFact], teams: dict[Side, str], commentary: dict[int, str]
) -> list[TimelineEntry]:
    """Entries in match order; `commentary` maps event ids to the editor's words."""
    ordered = sorted(events, key=lambda event: event.order)
    cancelled = reversed_ids(ordered)
    entries = []
    for index, event in enumerate(ordered):
        is_goal = event.kind is EventKind.GOAL and event.period < 5
        entries.append(
            TimelineEntry(
                event_id=event.id,
                minute=minute_label(event.minute, event.added_minute),
                kind=_kind(event),
                side=scoring_side(event) if is_goal else event.side,
                headline=_headline(event),
                description=_description(event, teams),
                commentary=commentary.get(event.id, ""),
                score_after=score(ordered[: index + 1]) if is_goal and event.id not in cancelled else None,
                reversed=event.id in cancelled,
            )
        )
    return entries


def _kind(event: EventFact) -> str:
    if event.kind is EventKind.GOAL and event.goal_type is GoalType.OWN_GOAL:
        return "own_goal"
    return str(event.kind)


def _headline(event: EventFact) -> str:
    if event.kind is EventKind.GOAL:
        return "Own goal" if event.goal_type is GoalType.OWN_GOAL else "Goal!"
    if event.kind is EventKind.VAR and event.var_decision:
        return f"VAR: {VAR_HEADLINES[event.var_decision]}"
    if event.kind in (EventKind.PERIOD_START, EventKind.PERIOD_END):
        verb = "starts" if event.kind is EventKind.PERIOD_START else "ends"
        return f"{PERIOD_LABELS[event.period]} {verb}"
    return {
        EventKind.MISSED_PENALTY: "Penalty missed",
        EventKind.YELLOW: "Yellow card",
        EventKind.SECOND_YELLOW: "Second yellow card",
        EventKind.RED: "Red card",
        EventKind.SUBSTITUTION: "Substitution",
        EventKind.COMMENTARY: "",
        EventKind.PHOTO: "",
        EventKind.QUOTE: "",
    }[event.kind]


def _description(event: EventFact, teams: dict[Side, str]) -> str:
    team = teams[event.side] if event.side else ""
    who = f"{event.player_name} ({team})" if event.player_name and team else event.player_name or team
    if event.kind is EventKind.GOAL:
        if event.goal_type is GoalType.OWN_GOAL:
            return f"{who} puts it into his own net."
        how = " from the penalty spot" if event.goal_type is GoalType.PENALTY else ""
        detail = f" ({event.detail})" if event.detail else ""
        assisted = f", assisted by {event.assist_name}" if event.assist_name else ""
        return f"{who} scores{how}{detail}{assisted}."
    if event.kind is EventKind.SUBSTITUTION:
        return f"{event.player_in_name} replaces {event.player_name} ({team})."
    if event.kind is EventKind.SECOND_YELLOW:
        return f"{who} is shown a second yellow card and is sent off."
    if event.kind is EventKind.RED:
        return f"{who} is sent off."
    if event.kind in (EventKind.YELLOW, EventKind.MISSED_PENALTY):
        return f"{who}{' — ' + event.detail if event.detail else ''}."
    if event.kind is EventKind.VAR:
        return (
            f"{team}: {event.detail}."
            if event.detail and team
            else (event.detail and f"{event.detail}.") or ""
        )
    return ""
