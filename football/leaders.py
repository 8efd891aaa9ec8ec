"""A season's leaders: top scorers, assists, yellow cards and red cards.

A player's goals are those that still stand, in normal and extra time: a goal the VAR
disallowed or a penalty it overturned does not count, a kick in a penalty shoot-out is no
goal, and an own goal is not one of the scorer's goals. His penalties are counted among
his goals and shown apart. An assist is a goal he set up that still stands; assists are
known only where the feed or the editor recorded them, so a season with none recorded has
no assists table rather than a table of zeros.

A yellow card counts as a yellow card. A player sent off counts one red card for the match,
whether by a second yellow or a straight red (a feed that records both counts once); the
first yellow still counts as a yellow. A red card the VAR rescinded does not count.

Players on the same number share a rank ("=2"), listed by name, and the next rank skips
the places they took (1, =2, =2, 4). A table lists at most `limit` players; those left out
who are level with the last one listed are counted ("and 12 more on 1").
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from football.discipline import sent_off
from football.events import EventFact, EventKind, GoalType, Period
from football.scoring import counted

LIMIT = 10


@dataclass(frozen=True)
class Leader:
    rank: int
    shared: bool  # level with another player on the same number
    player_id: int
    value: int
    penalties: int = 0  # of a scorer's goals

    @property
    def rank_label(self) -> str:
        return f"={self.rank}" if self.shared else str(self.rank)


@dataclass(frozen=True)
class Board:
    """One leaders' table: its players, best first, and how many more are level with the last."""

    leaders: tuple[Leader, ...] = ()
    more: int = 0

    @property
    def last_value(self) -> int:
        return self.leaders[-1].value if self.leaders else 0


@dataclass(frozen=True)
class Leaders:
    scorers: Board
    assists: Board | None  # None: no assist is known for the season
    yellow_cards: Board
    red_cards: Board

    @property
    def empty(self) -> bool:
        boards = (self.scorers, self.assists or Board(), self.yellow_cards, self.red_cards)
        return not any(board.leaders for board in boards)


def season_leaders(
    matches: Iterable[Sequence[EventFact]],
    *,
    assists: Mapping[int, int],
    names: Mapping[int, str],
    limit: int = LIMIT,
) -> Leaders:
    """The leaders over `matches` (each match's events); `assists` maps a goal's id to the id of
    the player who set it up, `names` a player's id to the name ties are listed by."""
    goals: Counter[int] = Counter()
    penalties: Counter[int] = Counter()
    set_up: Counter[int] = Counter()
    yellows: Counter[int] = Counter()
    reds: Counter[int] = Counter()
    for events in matches:
        standing = counted(events)
        for goal in _goals(standing):
            goals[goal.player_id or 0] += 1
            penalties[goal.player_id or 0] += goal.goal_type is GoalType.PENALTY
            if goal.id in assists:
                set_up[assists[goal.id]] += 1
        yellows.update(e.player_id for e in standing if e.kind is EventKind.YELLOW and e.player_id)
        reds.update(sent_off(standing))
    return Leaders(
        scorers=board(goals, names, limit, penalties=penalties),
        assists=board(set_up, names, limit) if assists else None,
        yellow_cards=board(yellows, names, limit),
        red_cards=board(reds, names, limit),
    )


def _goals(standing: list[EventFact]) -> list[EventFact]:
    """A match's goals that count for their scorers: no shoot-out kick, no own goal, a named scorer."""
    return [
        event
        for event in standing
        if event.kind is EventKind.GOAL
        and event.period is not Period.PENALTIES
        and event.goal_type is not GoalType.OWN_GOAL
        and event.player_id is not None
    ]


def board(
    counts: Mapping[int, int],
    names: Mapping[int, str],
    limit: int = LIMIT,
    *,
    penalties: Mapping[int, int] | None = None,
) -> Board:
    """The players with a count above nought, most first, ranks shared by players level."""
    ordered = sorted(
        (player for player, value in counts.items() if value > 0),
        key=lambda player: (-counts[player], names.get(player, "").casefold(), player),
    )
    values = Counter(counts[player] for player in ordered)
    leaders = []
    rank = 1
    for place, player in enumerate(ordered, start=1):
        if place > 1 and counts[player] != counts[ordered[place - 2]]:
            rank = place
        pens = (penalties or {}).get(player, 0)
        leaders.append(Leader(rank, values[counts[player]] > 1, player, counts[player], pens))
    shown = tuple(leaders[:limit])
    more = sum(1 for leader in leaders[limit:] if shown and leader.value == shown[-1].value)
    return Board(shown, more)
