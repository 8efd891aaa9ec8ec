"""One player's record, match by match and in total, from the matches we hold.

A player makes an appearance when he starts a match or comes on as a substitute; a
substitute who never comes on makes none. When a match has no line-up for him, a player
named in its events (scoring, booked, set up a goal, taken off) started it, unless he came
on as a substitute.

He plays from kick-off, or from the minute he comes on, until he is taken off, is sent
off, or the match ends. A match lasts its halves with the time added to each, as far as
its events tell (a half ending at 90+4' lasted 49 minutes, the second half being 46'–90');
when they do not, ninety minutes, or a hundred and twenty when it went to extra time. A
penalty shoot-out adds no minutes. Minutes are counted as the clock reads: a player on at
60' of a match ending at 90+4' plays 34 minutes.

His goals are those that stand, in normal and extra time: a shoot-out kick is no goal, and
a goal the VAR disallowed or a penalty it overturned does not count. A penalty counts as a
goal and is noted apart. An own goal is not one of his goals: it is counted apart. An
assist is a goal he set up that still stands.

A yellow card counts as a yellow card. A second yellow is a sending-off, counted once as a
red card (the first yellow still counts as a yellow); a straight red is a red card. A red
card the VAR rescinded does not count, and the player stayed on.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import StrEnum

from football.clock import PERIOD_MINUTES, minute_label
from football.discipline import sent_off
from football.events import SENDING_OFF_KINDS, EventFact, EventKind, GoalType, Period
from football.scoring import counted

_NORMAL_TIME = (Period.FIRST_HALF, Period.SECOND_HALF)
_EXTRA_TIME = (Period.EXTRA_FIRST_HALF, Period.EXTRA_SECOND_HALF)


class LineupRole(StrEnum):
    """Where the line-up put the player: in the starting XI, on the bench, or nowhere we know."""

    STARTER = "starter"
    SUBSTITUTE = "substitute"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PlayerMatch:
    """One match seen from one player: his line-up place and the match's events.

    `events` needs at least his own events, the VAR decisions and the periods' ends;
    `assisted` holds the ids of the goals he set up.
    """

    player_id: int
    role: LineupRole
    events: tuple[EventFact, ...] = ()
    assisted: frozenset[int] = frozenset()
    extra_time: bool = False


@dataclass(frozen=True)
class MatchRecord:
    """What the player did in one match."""

    appeared: bool = False
    started: bool = False
    came_on: str = ""  # the minute he came on, as fans write it: "60'"
    went_off: str = ""  # the minute he was taken off or sent off
    minutes: int = 0
    goals: int = 0
    penalties: int = 0
    own_goals: int = 0
    assists: int = 0
    yellow_cards: int = 0
    red_cards: int = 0


@dataclass(frozen=True)
class Totals:
    """A player's numbers over several matches."""

    appearances: int = 0
    starts: int = 0
    minutes: int = 0
    goals: int = 0
    penalties: int = 0
    own_goals: int = 0
    assists: int = 0
    yellow_cards: int = 0
    red_cards: int = 0

    @property
    def substitute_appearances(self) -> int:
        return self.appearances - self.starts

    def __add__(self, other: "Totals") -> "Totals":
        return Totals(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def match_record(match: PlayerMatch) -> MatchRecord:
    """The player's record in one match."""
    standing = [event for event in counted(match.events) if event.period is not Period.PENALTIES]
    mine = [event for event in standing if event.player_id == match.player_id]
    goals = [event for event in mine if event.kind is EventKind.GOAL]
    own_goals = [goal for goal in goals if goal.goal_type is GoalType.OWN_GOAL]
    on, off = _on_and_off(match, standing)
    lengths = _period_lengths(match)
    minutes = _elapsed(off, lengths) - _elapsed(on, lengths) if on is not None else 0
    return MatchRecord(
        appeared=on is not None,
        started=on is _KICK_OFF,
        came_on=_label(on),
        went_off=_label(off),
        minutes=max(0, minutes),
        goals=len(goals) - len(own_goals),
        penalties=sum(1 for goal in goals if goal.goal_type is GoalType.PENALTY),
        own_goals=len(own_goals),
        assists=sum(1 for event in standing if event.kind is EventKind.GOAL and event.id in match.assisted),
        yellow_cards=sum(1 for event in mine if event.kind is EventKind.YELLOW),
        red_cards=1 if match.player_id in sent_off(standing) else 0,
    )


def totals(records: Iterable[MatchRecord]) -> Totals:
    """The records added up: every appearance, and the goals and cards of matches he sat out too."""
    result = Totals()
    for record in records:
        result += Totals(
            appearances=int(record.appeared),
            starts=int(record.started),
            minutes=record.minutes,
            goals=record.goals,
            penalties=record.penalties,
            own_goals=record.own_goals,
            assists=record.assists,
            yellow_cards=record.yellow_cards,
            red_cards=record.red_cards,
        )
    return result


def result_letter(scored: int, conceded: int) -> str:
    """The result from one side: W, D or L (a match settled on penalties is a draw)."""
    return "W" if scored > conceded else "L" if scored < conceded else "D"


def age(born: dt.date, on: dt.date) -> int:
    """Full years from `born` to `on`."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# Stands for the kick-off, before any event: the moment a starter comes on.
_KICK_OFF = EventFact(id=0, kind=EventKind.PERIOD_START, period=Period.FIRST_HALF, minute=0)


def _on_and_off(match: PlayerMatch, standing: list[EventFact]) -> tuple[EventFact | None, EventFact | None]:
    """The events that put the player on and took him off; (None, None) when he never came on."""
    player = match.player_id
    on: EventFact | None = _KICK_OFF if match.role is LineupRole.STARTER else None
    if on is None:
        on = next(
            (e for e in standing if e.kind is EventKind.SUBSTITUTION and e.player_in_id == player), None
        )
    if on is None and match.role is LineupRole.UNKNOWN and _named(match, standing):
        on = _KICK_OFF
    if on is None:
        return None, None
    off = next((event for event in standing if event.order > on.order and _takes_off(event, player)), None)
    return on, off


def _named(match: PlayerMatch, standing: list[EventFact]) -> bool:
    return any(event.player_id == match.player_id or event.id in match.assisted for event in standing)


def _puts_on(event: EventFact, player: int) -> bool:
    return event.kind is EventKind.SUBSTITUTION and event.player_in_id == player


def _takes_off(event: EventFact, player: int) -> bool:
    if event.player_id != player:
        return False
    return event.kind is EventKind.SUBSTITUTION or event.kind in SENDING_OFF_KINDS


def _period_lengths(match: PlayerMatch) -> dict[Period, int]:
    """How long each period played lasted, its added time included where the events tell it."""
    went_to_extra_time = match.extra_time or any(event.period in _EXTRA_TIME for event in match.events)
    periods = _NORMAL_TIME + (_EXTRA_TIME if went_to_extra_time else ())
    lengths = {}
    for period in periods:
        first, last = PERIOD_MINUTES[period]
        added = max((event.added_minute for event in match.events if event.period is period), default=0)
        lengths[period] = last - first + 1 + added
    return lengths


def _elapsed(event: EventFact | None, lengths: dict[Period, int]) -> int:
    """Minutes played in the match when `event` happened; its end for None."""
    if event is None or event.period not in lengths:
        return sum(lengths.values())
    before = sum(length for period, length in lengths.items() if period < event.period)
    first = PERIOD_MINUTES[event.period][0]
    return before + event.minute - (first - 1) + event.added_minute


def _label(event: EventFact | None) -> str:
    if event is None or event is _KICK_OFF:
        return ""
    return minute_label(event.minute, event.added_minute)
