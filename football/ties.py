"""Two-legged knock-out ties: who goes through.

Each team plays once at home. The team with more goals over the two legs (the aggregate,
extra-time goals included) goes through. When the aggregate is level, a competition that
uses the away goals rule sends through the team that scored more goals away from home.
If the teams are still level, the second leg goes to extra time and then to a penalty
shoot-out, whose winner goes through. Until the second leg is over, nobody has won.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LegResult:
    home_team: str
    away_team: str
    home_goals: int
    away_goals: int
    home_penalties: int | None = None
    away_penalties: int | None = None

    @property
    def teams(self) -> tuple[str, str]:
        return (self.home_team, self.away_team)


@dataclass(frozen=True)
class TieOutcome:
    """Where a tie stands. `level`: goals (and away goals, under that rule) cannot separate the teams."""

    goals: dict[str, int]
    away_goals: dict[str, int]
    winner: str | None
    decided_by: str
    level: bool
    penalties: dict[str, int] | None = field(default=None)

    @property
    def line(self) -> str:
        """The tie in a sentence: "Atalanta win 3-1 on aggregate"."""
        if self.winner is None:
            return self._standing_line()
        aggregate = self._aggregate(self.winner)
        if self.decided_by == "aggregate":
            return f"{self.winner} win {aggregate} on aggregate"
        if self.decided_by == "penalties" and self.penalties is not None:
            shootout = self._scoreline(self.penalties, self.winner)
            return f"{self.winner} win {shootout} on penalties ({aggregate} on aggregate)"
        return f"{self.winner} win on {self.decided_by} ({aggregate} on aggregate)"

    def _standing_line(self) -> str:
        home, away = self.goals
        if self.goals[home] == self.goals[away]:
            return f"Level at {self._aggregate(home)} on aggregate"
        leader = home if self.goals[home] > self.goals[away] else away
        return f"{leader} lead {self._aggregate(leader)} on aggregate"

    def _aggregate(self, first_team: str) -> str:
        return self._scoreline(self.goals, first_team)

    @staticmethod
    def _scoreline(counts: dict[str, int], first_team: str) -> str:
        other = next(team for team in counts if team != first_team)
        return f"{counts[first_team]}-{counts[other]}"


def _totals(legs: list[LegResult]) -> tuple[dict[str, int], dict[str, int]]:
    """Aggregate goals and away goals per team, first leg's home team first."""
    goals = dict.fromkeys(legs[0].teams, 0)
    away_goals = dict.fromkeys(legs[0].teams, 0)
    for leg in legs:
        if leg.home_team == leg.away_team:
            raise ValueError(f"A team cannot play itself ({leg.home_team}).")
        if set(leg.teams) != set(goals):
            expected, given = " and ".join(goals), " and ".join(leg.teams)
            raise ValueError(f"Both legs must be between {expected}, not {given}.")
        goals[leg.home_team] += leg.home_goals
        goals[leg.away_team] += leg.away_goals
        away_goals[leg.away_team] += leg.away_goals
    return goals, away_goals


def _separated(counts: dict[str, int]) -> str | None:
    """The team with the higher count, or None when level."""
    first, second = counts
    if counts[first] == counts[second]:
        return None
    return first if counts[first] > counts[second] else second


def _penalties(second: LegResult) -> dict[str, int] | None:
    if second.home_penalties is None or second.away_penalties is None:
        return None
    return {second.home_team: second.home_penalties, second.away_team: second.away_penalties}


def tie_outcome(
    first: LegResult,
    second: LegResult | None,
    *,
    away_goals_rule: bool = False,
    second_leg_finished: bool = True,
) -> TieOutcome:
    """The aggregate so far, and who goes through once the second leg is over."""
    goals, away_goals = _totals([first] if second is None else [first, second])
    by_goals = _separated(goals)
    by_away_goals = _separated(away_goals) if away_goals_rule else None
    level = by_goals is None and by_away_goals is None
    undecided = TieOutcome(goals=goals, away_goals=away_goals, winner=None, decided_by="", level=level)
    if second is None or not second_leg_finished:
        return undecided
    if by_goals is not None:
        return _won(undecided, by_goals, "aggregate")
    if by_away_goals is not None:
        return _won(undecided, by_away_goals, "away goals")
    penalties = _penalties(second)
    by_penalties = _separated(penalties) if penalties else None
    if by_penalties is not None:
        return TieOutcome(goals, away_goals, by_penalties, "penalties", level, penalties=penalties)
    return undecided


def _won(outcome: TieOutcome, winner: str, decided_by: str) -> TieOutcome:
    return TieOutcome(outcome.goals, outcome.away_goals, winner, decided_by, outcome.level)


def needs_extra_time(first: LegResult, second_after_90: LegResult, *, away_goals_rule: bool = False) -> bool:
    """Whether the second leg, as it stands after ninety minutes, goes to extra time."""
    so_far = tie_outcome(first, second_after_90, away_goals_rule=away_goals_rule, second_leg_finished=False)
    return so_far.level
