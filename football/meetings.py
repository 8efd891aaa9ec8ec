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


def goals_for_and_against(side: object, meeting: Meeting) -> tuple[int, int]:
    """The meeting's score from `side`'s view: its own goals first, at home or away."""
    if meeting.away == side:
        return meeting.away_score, meeting.home_score
    return meeting.home_score, meeting.away_score


def head_to_head(first: object, meetings: Iterable[Meeting]) -> HeadToHead:
    """The record of `first` against the other side over `meetings` (each between the two)."""
    first_wins = draws = second_wins = 0
    for meeting in meetings:
        scored, conceded = goals_for_and_against(first, meeting)
        if scored > conceded:
            first_wins += 1
        elif scored < conceded:
            second_wins += 1
        else:
            draws += 1
    return HeadToHead(first_wins, draws, second_wins)
