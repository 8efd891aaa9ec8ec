"""Head-to-head: how two clubs' meetings went, counted from one club's side.

A meeting is won by the side that scored more; level scores are a draw, a match settled on
penalties included (the shoot-out decides who goes through, not who won the match, as
head-to-head records count it). Only meetings with a score count.
"""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Meeting:
    """A played meeting: the two sides by any key (a club's id, say) and the score."""

    home: object
    away: object
    home_score: int
    away_score: int


@dataclass(frozen=True)
class HeadToHead:
    first_wins: int
    draws: int
    second_wins: int

    @property
    def played(self) -> int:
        return self.first_wins + self.draws + self.second_wins


def head_to_head(first: object, meetings: Iterable[Meeting]) -> HeadToHead:
    """The record of `first` against the other side over `meetings` (each between the two)."""
    first_wins = draws = second_wins = 0
    for meeting in meetings:
        margin = meeting.home_score - meeting.away_score
        if meeting.away == first:
            margin = -margin
        if margin > 0:
            first_wins += 1
        elif margin < 0:
            second_wins += 1
        else:
            draws += 1
    return HeadToHead(first_wins, draws, second_wins)
