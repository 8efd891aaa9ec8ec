"""A real match as a replay sees it, whichever provider's feed it came from.

A replay is the two teams with their line-ups (starters, bench, shirt numbers, captain)
and the match told as steps in match order: the whistle starting and ending each period,
goals (penalties, own goals), missed penalties, cards, substitutions, shots with their xG.

Providers count the match clock on from kick-off in minutes and seconds: the second half
starts at 45:00, extra time at 90:00 and 105:00. Fans count minutes from one: the first
minute, 0:00 to 0:59, is 1'. Time played past a period's last regular minute (45', 90',
105', 120') is added time written on that minute: 45:30 in the first half is 45+1',
95:22 in the second half is 90+6'. Penalty shoot-out kicks are all written at 120'.

An own goal is on the side of the player who put the ball in his own net (it counts for
the other side). Possession in a period is each side's share of the passes played in it:
the way Opta works out its published possession figure.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from football.clock import PERIOD_MINUTES
from football.events import GoalType, Period, Side

# Where each period's clock starts, in seconds, as providers count it.
PERIOD_CLOCK_STARTS = {
    Period.FIRST_HALF: 0,
    Period.SECOND_HALF: 45 * 60,
    Period.EXTRA_FIRST_HALF: 90 * 60,
    Period.EXTRA_SECOND_HALF: 105 * 60,
    Period.PENALTIES: 120 * 60,
}


class FeedError(ValueError):
    """A file that is not a feed this replay can read."""


class StepKind(StrEnum):
    PERIOD_START = "period_start"
    PERIOD_END = "period_end"
    GOAL = "goal"
    MISSED_PENALTY = "missed_penalty"
    YELLOW = "yellow"
    SECOND_YELLOW = "second_yellow"
    RED = "red"
    SUBSTITUTION = "substitution"
    SHOT = "shot"
    NOTE = "note"


@dataclass(frozen=True)
class Shot:
    expected_goals: float | None = None
    on_target: bool = False


@dataclass(frozen=True)
class ReplayStep:
    """One thing that happened, at `clock` seconds of match time as the provider counts it."""

    kind: StepKind
    period: Period
    clock: int
    minute: int
    added_minute: int = 0
    side: Side | None = None
    player: str = ""
    player_in: str = ""
    goal_type: GoalType | None = None
    shot: Shot | None = None
    possession: tuple[int, int] | None = None
    detail: str = ""
    text: str = ""


@dataclass(frozen=True)
class ReplayPlayer:
    id: str
    name: str
    known_as: str
    shirt_number: int | None = None
    starter: bool = True
    captain: bool = False
    position: str = ""


@dataclass(frozen=True)
class ReplayTeam:
    id: str
    name: str
    players: tuple[ReplayPlayer, ...] = ()
    short_name: str = ""
    code: str = ""
    country: str = ""


@dataclass(frozen=True)
class ReplayMatch:
    provider: str
    home: ReplayTeam
    away: ReplayTeam
    steps: tuple[ReplayStep, ...]
    kickoff: dt.datetime | None = None
    competition: str = ""
    venue: str = ""

    @property
    def periods(self) -> tuple[Period, ...]:
        return tuple(sorted({step.period for step in self.steps if step.kind is StepKind.PERIOD_START}))


def match_minute(period: Period, clock: int) -> tuple[int, int]:
    """The minute as fans write it, (minute, added minute), for `clock` seconds of match time."""
    first, last = PERIOD_MINUTES[period]
    if period is Period.PENALTIES:
        return (last, 0)
    minute = max(first, clock // 60 + 1)
    return (last, minute - last) if minute > last else (minute, 0)


def possession_split(home_passes: int, away_passes: int) -> tuple[int, int] | None:
    """Each side's share of the passes, in whole per cent adding up to 100 (None without passes)."""
    total = home_passes + away_passes
    if total == 0:
        return None
    home = round(100 * home_passes / total)
    return (home, 100 - home)


def playing_position(name: str) -> str:
    """A provider's detailed position ("Left Center Back") as the role a line-up shows."""
    if not name:
        return ""
    if "Goalkeeper" in name:
        return "Goalkeeper"
    if "Back" in name or "Defender" in name:
        return "Defender"
    if "Midfield" in name:
        return "Midfielder"
    return "Forward"


def side_for(team_id: str, home: ReplayTeam, away: ReplayTeam) -> Side | None:
    if team_id == home.id:
        return Side.HOME
    if team_id == away.id:
        return Side.AWAY
    return None
