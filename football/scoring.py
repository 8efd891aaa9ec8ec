"""The score, worked out from a match's events.

A goal counts for the side of the player who scored it, except an own goal, which counts
for the other side. A goal the VAR disallows, or a penalty goal it overturns, no longer
counts. The match score is the goals of normal time and extra time; the half-time score
is the first half's goals. Kicks in a penalty shoot-out are not goals in the match score:
they make a separate shoot-out score, where a scored kick counts for the kicker's side and
a missed kick counts for nobody.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace

from football.events import EventFact, EventKind, GoalType, Period, Side

_MATCH_PERIODS = frozenset(
    {Period.FIRST_HALF, Period.SECOND_HALF, Period.EXTRA_FIRST_HALF, Period.EXTRA_SECOND_HALF}
)
_NORMAL_TIME = frozenset({Period.FIRST_HALF, Period.SECOND_HALF})
_SHOOTOUT_KICKS = frozenset({EventKind.GOAL, EventKind.MISSED_PENALTY})


@dataclass(frozen=True)
class Score:
    home: int = 0
    away: int = 0

    def __str__(self) -> str:
        return f"{self.home}-{self.away}"

    @property
    def total(self) -> int:
        return self.home + self.away

    def for_side(self, side: Side) -> int:
        return self.home if side is Side.HOME else self.away

    @property
    def leader(self) -> Side | None:
        """The side ahead, or None when the score is level."""
        if self.home == self.away:
            return None
        return Side.HOME if self.home > self.away else Side.AWAY

    def with_goal(self, side: Side) -> "Score":
        """This score with one more goal for `side`."""
        if side is Side.HOME:
            return replace(self, home=self.home + 1)
        return replace(self, away=self.away + 1)


def reversed_ids(events: Iterable[EventFact]) -> frozenset[int]:
    """Ids of the events a VAR decision has reversed."""
    return frozenset(
        event.reverses_id for event in events if event.kind is EventKind.VAR and event.reverses_id is not None
    )


def counted(events: Iterable[EventFact]) -> list[EventFact]:
    """The events that still stand, in match order."""
    events = list(events)
    reversed_by_var = reversed_ids(events)
    standing = [event for event in events if event.id not in reversed_by_var]
    return sorted(standing, key=lambda event: event.order)


def scoring_side(event: EventFact) -> Side:
    """The side a goal counts for: an own goal counts for the other side."""
    if event.side is None:
        raise ValueError(f"Goal {event.id} has no side, so it cannot count for anyone.")
    if event.goal_type is GoalType.OWN_GOAL:
        return event.side.other
    return event.side


def _goals_in(events: Iterable[EventFact], periods: frozenset[Period]) -> Score:
    result = Score()
    for event in counted(events):
        if event.kind is EventKind.GOAL and event.period in periods:
            result = result.with_goal(scoring_side(event))
    return result


def score(events: Iterable[EventFact]) -> Score:
    """The match score: goals that stand in normal and extra time, not the shoot-out."""
    return _goals_in(events, _MATCH_PERIODS)


def half_time_score(events: Iterable[EventFact]) -> Score:
    return _goals_in(events, frozenset({Period.FIRST_HALF}))


def normal_time_score(events: Iterable[EventFact]) -> Score:
    """The score after ninety minutes (and added time), before any extra time."""
    return _goals_in(events, _NORMAL_TIME)


def _is_shootout_kick(event: EventFact) -> bool:
    return event.period is Period.PENALTIES and event.kind in _SHOOTOUT_KICKS


def shootout_score(events: Iterable[EventFact]) -> Score | None:
    """Kicks scored in the penalty shoot-out per side; None when no kick has been taken."""
    kicks = [event for event in counted(events) if _is_shootout_kick(event)]
    if not kicks:
        return None
    result = Score()
    for kick in kicks:
        if kick.kind is EventKind.GOAL and kick.side is not None:
            # A shoot-out kick counts for the kicker's side, whatever its goal type says.
            result = result.with_goal(kick.side)
    return result
