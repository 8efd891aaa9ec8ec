"""Checks an event must pass before it is saved: the match, the minute, the people."""

from dataclasses import replace

from django.core.exceptions import ValidationError

from fixtures_app.models import LineupEntry, Match, Player, Team
from fixtures_app.selectors.facts import event_facts, match_events
from football import discipline
from football.clock import check_minute, minute_label, period_for_minute
from football.events import PERIOD_LABELS, EventFact, EventKind, GoalType, Period, VarDecision
from football.status import NOT_STARTED, Status

PLAYER_KINDS = frozenset(
    {
        EventKind.GOAL,
        EventKind.MISSED_PENALTY,
        EventKind.YELLOW,
        EventKind.SECOND_YELLOW,
        EventKind.RED,
        EventKind.SUBSTITUTION,
    }
)
ACTIONS = {
    EventKind.GOAL: "score",
    EventKind.MISSED_PENALTY: "take a penalty",
    EventKind.SUBSTITUTION: "be substituted",
}


def refuse(message: str, code: str = "invalid") -> None:
    raise ValidationError(message, code=code)


def parse_kind(kind: str) -> EventKind:
    try:
        return EventKind(kind)
    except ValueError:
        choices = ", ".join(EventKind)
        raise ValidationError(
            f"Unknown event type '{kind}'. Choose one of: {choices}.", code="kind"
        ) from None


def check_match_open(match: Match) -> None:
    if match.status in NOT_STARTED:
        refuse(f"{match} has not kicked off yet: events can be recorded from kick-off.", "not_started")
    if match.status == Status.ABANDONED:
        refuse(f"{match} was abandoned: no more events can be recorded.", "abandoned")


def resolve_period(match: Match, period: int | None, minute: int, added_minute: int) -> Period:
    try:
        resolved = Period(period) if period else period_for_minute(minute, added_minute)
        check_minute(resolved, minute, added_minute)
    except ValueError as error:
        raise ValidationError(str(error), code="minute") from None
    if match.period_start(resolved) is None:
        refuse(
            f"The {PERIOD_LABELS[resolved].lower()} has not started: {minute_label(minute, added_minute)} is "
            f"impossible now.",
            "minute",
        )
    return resolved


def check_team(match: Match, team: Team | None, kind: EventKind) -> None:
    if team is None:
        if kind in PLAYER_KINDS:
            refuse(f"A {kind.replace('_', ' ')} needs a team.", "team")
        return
    if team.pk not in (match.home_team_id, match.away_team_id):
        refuse(f"{team} is not playing in {match}.", "team")


def check_in_squad(match: Match, team: Team, player: Player | None, *, role: str = "") -> None:
    if player is None:
        refuse(f"Choose the player{role}.", "player")
    if not LineupEntry.objects.filter(match=match, team=team, player=player).exists():
        refuse(f"{player.known_as} is not in {team}'s squad for this match.", "player")


def check_player_can_play(facts: list[EventFact], candidate: EventFact, *, action: str = "") -> None:
    try:
        discipline.check_can_play(
            facts,
            player_id=candidate.player_id,
            player_name=candidate.player_name,
            period=candidate.period,
            minute=candidate.minute,
            added_minute=candidate.added_minute,
            action=action or ACTIONS.get(candidate.kind, "play"),
        )
    except ValueError as error:
        raise ValidationError(str(error), code="sent_off") from None


def check_assist(
    match: Match, team: Team, assist: Player, facts: list[EventFact], candidate: EventFact
) -> None:
    """Only a goal scored for the side has an assist (not an own goal, not a shoot-out kick), made
    by a team-mate of the scorer in the side's squad who had not been sent off."""
    if candidate.kind is not EventKind.GOAL:
        refuse("Only a goal has an assist.", "assist")
    if candidate.goal_type is GoalType.OWN_GOAL:
        refuse("An own goal has no assist.", "assist")
    if candidate.period is Period.PENALTIES:
        refuse("A kick in the penalty shoot-out has no assist.", "assist")
    if candidate.assist_id == candidate.player_id:
        refuse(f"{assist.known_as} scored this goal: the assist is another player's.", "assist")
    check_in_squad(match, team, assist)
    setter = replace(candidate, player_id=assist.pk, player_name=assist.known_as)
    check_player_can_play(facts, setter, action="set up a goal")


def card_kind(facts: list[EventFact], candidate: EventFact) -> EventKind:
    """Second yellow makes red: what the card really is, or a clear refusal."""
    try:
        return discipline.booking_kind(
            facts,
            player_id=candidate.player_id,
            kind=candidate.kind,
            period=candidate.period,
            minute=candidate.minute,
            added_minute=candidate.added_minute,
        )
    except ValueError as error:
        raise ValidationError(str(error), code="card") from None


def check_record(match: Match) -> None:
    """The match's whole record, after a correction or a deletion, is one a match can have:
    nobody plays on, or sets up a goal, after being sent off."""
    facts = event_facts(match, match_events(match))
    try:
        discipline.check_record(facts)
    except ValueError as error:
        raise ValidationError(str(error), code="card") from None
    for goal in facts:
        if goal.assist_id is not None:
            setter = replace(goal, player_id=goal.assist_id, player_name=goal.assist_name)
            check_player_can_play(facts, setter, action="set up a goal")


def check_substitution(match: Match, team: Team, facts: list[EventFact], candidate: EventFact) -> None:
    """The player going off is on the pitch; the player coming on is an unused substitute."""
    came_on = {fact.player_in_id for fact in facts if fact.kind is EventKind.SUBSTITUTION}
    went_off = {fact.player_id for fact in facts if fact.kind is EventKind.SUBSTITUTION}
    entry = LineupEntry.objects.filter(match=match, team=team, player_id=candidate.player_in_id).first()
    if entry is None or entry.starter:
        refuse(f"{candidate.player_in_name} is not on {team}'s bench for this match.", "player_in")
    if candidate.player_in_id in came_on:
        refuse(f"{candidate.player_in_name} has already come on.", "player_in")
    if candidate.player_id in went_off:
        refuse(f"{candidate.player_name} has already gone off.", "player")
    starters = set(
        LineupEntry.objects.filter(match=match, team=team, starter=True).values_list("player_id", flat=True)
    )
    if candidate.player_id not in starters | came_on:
        refuse(f"{candidate.player_name} is not on the pitch to be substituted.", "player")


def check_var_target(candidate: EventFact, target: EventFact | None, facts: list[EventFact]) -> None:
    if target is None:
        refuse("A VAR decision must name the event it reverses.", "reverses")
    if any(fact.reverses_id == target.id for fact in facts if fact.id != candidate.id):
        refuse("That event has already been reversed by VAR.", "reverses")
    fits = {
        VarDecision.GOAL_DISALLOWED: target.kind is EventKind.GOAL,
        VarDecision.PENALTY_OVERTURNED: target.kind is EventKind.MISSED_PENALTY
        or (target.kind is EventKind.GOAL and target.goal_type is GoalType.PENALTY),
        VarDecision.RED_RESCINDED: target.kind in (EventKind.RED, EventKind.SECOND_YELLOW),
    }
    if not fits.get(candidate.var_decision, False):
        refuse(
            f"A VAR '{candidate.var_decision}' cannot reverse a {target.kind.replace('_', ' ')}.", "reverses"
        )
    if target.order > candidate.order:
        refuse("A VAR decision cannot come before the event it reverses.", "reverses")
