"""The vocabulary of a football match's events, shared by every rule module.

A match is told as a list of events. Each event happens in a period (first half, second
half, the two halves of extra time, the penalty shoot-out) at a minute, with added time
kept apart: `90+1'` is minute 90, added minute 1. An event's side is the team of the
player it names; an own goal is therefore on the side of the player who put it in his
own net, and counts for the other side. A VAR decision names the event it reverses: a
disallowed goal, an overturned penalty or a rescinded red card no longer counts.
A goal may name the player who set it up (its assist): a team-mate of the scorer, never
the scorer himself. An own goal has no assist, nor has a kick in a penalty shoot-out; a
penalty may have one (the player who won it, where the competition credits him).
Commentary, photos and pull quotes are the editors' posts beside the play: they take a minute
like any event, and no rule counts them.
"""

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Side(StrEnum):
    HOME = "home"
    AWAY = "away"

    @property
    def other(self) -> "Side":
        return Side.AWAY if self is Side.HOME else Side.HOME


class EventKind(StrEnum):
    GOAL = "goal"
    MISSED_PENALTY = "missed_penalty"
    YELLOW = "yellow"
    SECOND_YELLOW = "second_yellow"
    RED = "red"
    SUBSTITUTION = "substitution"
    VAR = "var"
    PERIOD_START = "period_start"
    PERIOD_END = "period_end"
    COMMENTARY = "commentary"
    PHOTO = "photo"
    QUOTE = "quote"


EVENT_KIND_LABELS = {
    EventKind.GOAL: "Goal",
    EventKind.MISSED_PENALTY: "Missed penalty",
    EventKind.YELLOW: "Yellow card",
    EventKind.SECOND_YELLOW: "Second yellow card",
    EventKind.RED: "Red card",
    EventKind.SUBSTITUTION: "Substitution",
    EventKind.VAR: "VAR decision",
    EventKind.PERIOD_START: "Period start",
    EventKind.PERIOD_END: "Period end",
    EventKind.COMMENTARY: "Commentary",
    EventKind.PHOTO: "Photo",
    EventKind.QUOTE: "Quote",
}
# Posts an editor puts in the timeline beside the play: nothing in them counts for the rules.
POST_KINDS = frozenset({EventKind.COMMENTARY, EventKind.PHOTO, EventKind.QUOTE})


class GoalType(StrEnum):
    OPEN_PLAY = "open_play"
    PENALTY = "penalty"
    OWN_GOAL = "own_goal"


GOAL_TYPE_LABELS = {
    GoalType.OPEN_PLAY: "Open play",
    GoalType.PENALTY: "Penalty",
    GoalType.OWN_GOAL: "Own goal",
}


class VarDecision(StrEnum):
    GOAL_DISALLOWED = "goal_disallowed"
    PENALTY_OVERTURNED = "penalty_overturned"
    RED_RESCINDED = "red_rescinded"


VAR_DECISION_LABELS = {
    VarDecision.GOAL_DISALLOWED: "Goal disallowed",
    VarDecision.PENALTY_OVERTURNED: "Penalty overturned",
    VarDecision.RED_RESCINDED: "Red card rescinded",
}


class Period(IntEnum):
    FIRST_HALF = 1
    SECOND_HALF = 2
    EXTRA_FIRST_HALF = 3
    EXTRA_SECOND_HALF = 4
    PENALTIES = 5


PERIOD_LABELS = {
    Period.FIRST_HALF: "First half",
    Period.SECOND_HALF: "Second half",
    Period.EXTRA_FIRST_HALF: "Extra time, first half",
    Period.EXTRA_SECOND_HALF: "Extra time, second half",
    Period.PENALTIES: "Penalty shoot-out",
}

CARD_KINDS = frozenset({EventKind.YELLOW, EventKind.SECOND_YELLOW, EventKind.RED})
SENDING_OFF_KINDS = frozenset({EventKind.SECOND_YELLOW, EventKind.RED})


@dataclass(frozen=True)
class EventFact:
    """One event as the rules see it: no database, only what the rules need."""

    id: int
    kind: EventKind
    period: Period
    minute: int
    added_minute: int = 0
    side: Side | None = None
    player_id: int | None = None
    player_name: str = ""
    player_in_id: int | None = None
    player_in_name: str = ""
    assist_id: int | None = None
    assist_name: str = ""
    goal_type: GoalType | None = None
    var_decision: VarDecision | None = None
    reverses_id: int | None = None
    detail: str = ""

    @property
    def order(self) -> tuple[int, int, int, int]:
        """Match-time order; ties keep the order they were entered in."""
        return (self.period, self.minute, self.added_minute, self.id)
