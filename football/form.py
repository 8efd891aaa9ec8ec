"""A club's form: its last five results, newest first, each read from the club's own side.

More goals than the opponent is a win (W), as many a draw (D), fewer a defeat (L), at home or
away alike. A tie settled by a penalty shoot-out is the result after extra time: level, so a
draw, whoever went through (the shoot-out decides the tie, not the match, as form guides count
it). Only matches with a score are form: one not played, or still being played, is not.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from football.meetings import Meeting, goals_for_and_against

FORM_LENGTH = 5
WIN, DRAW, DEFEAT = "W", "D", "L"
RESULT_LABELS = {WIN: "Won", DRAW: "Drawn", DEFEAT: "Lost"}


@dataclass(frozen=True)
class FormResult:
    """One result from the club's side: its letter and the score, the club's goals first."""

    letter: str
    goals_for: int
    goals_against: int

    @property
    def label(self) -> str:
        return RESULT_LABELS[self.letter]

    @property
    def score(self) -> str:
        return f"{self.goals_for}-{self.goals_against}"


def result_for(club: object, meeting: Meeting) -> FormResult:
    """How `meeting` went for `club` (one of its two sides)."""
    scored, conceded = goals_for_and_against(club, meeting)
    letter = WIN if scored > conceded else DEFEAT if scored < conceded else DRAW
    return FormResult(letter, scored, conceded)


def form(club: object, played: Iterable[Meeting], length: int = FORM_LENGTH) -> tuple[FormResult, ...]:
    """The club's last `length` results from `played`, its matches with a score, newest first."""
    return tuple(result_for(club, meeting) for meeting in islice(played, length))
