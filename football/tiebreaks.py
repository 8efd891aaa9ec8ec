"""Each competition's tie-break order, and what a table says about the places it decided.

Clubs level on points are separated by the competition's tie-breaks, in its order:
- `premier-league`: goal difference, goals scored, then head-to-head (points, then goal
  difference in the matches among the clubs still level).
- `la-liga`: head-to-head first, in a mini-table of the matches among all clubs level on
  points (points, then goal difference), reapplied to any clubs it leaves level; then goal
  difference and goals scored over the whole season.
- `uefa-league-phase`: goal difference, goals scored, away goals scored, wins, away wins,
  then the points, goal difference and goals scored of the opponents each club played.
- `uefa-group`: head-to-head points, goal difference and goals scored among the clubs
  level on points, reapplied to the clubs still level (as UEFA does); then goal difference
  and goals scored over the whole group.
Clubs that no rule separates share a position (1, 2, 2, 4) and are listed by name.

For two clubs next to each other in a table, level on points, the table keeps which figure
put one above the other (and both clubs' values of it), and the figures they were level on
before it: a head-to-head figure is counted in the mini-table of the clubs then level.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Overall:
    """Compare clubs on one figure of their whole record (a `Record` attribute)."""

    figure: str


@dataclass(frozen=True)
class HeadToHead:
    """Compare clubs on a mini-table of the matches among them alone."""

    figures: tuple[str, ...]
    reapply: bool = False  # run the mini-table again among the clubs it leaves level


Criterion = Overall | HeadToHead
HEAD_TO_HEAD = "head_to_head_"  # the prefix of a figure counted in a mini-table


def overall(*figures: str) -> tuple[Overall, ...]:
    return tuple(Overall(figure) for figure in figures)


RULES: dict[str, tuple[Criterion, ...]] = {
    "premier-league": (
        *overall("points", "goal_difference", "goals_for"),
        HeadToHead(("points", "goal_difference")),
    ),
    "la-liga": (
        *overall("points"),
        HeadToHead(("points", "goal_difference"), reapply=True),
        *overall("goal_difference", "goals_for"),
    ),
    "uefa-league-phase": overall(
        *("points", "goal_difference", "goals_for", "away_goals_for", "won", "away_won"),
        *("opponents_points", "opponents_goal_difference", "opponents_goals_for"),
    ),
    "uefa-group": (
        *overall("points"),
        HeadToHead(("points", "goal_difference", "goals_for"), reapply=True),
        *overall("goal_difference", "goals_for"),
    ),
}

RULE_LABELS: dict[str, str] = {
    "premier-league": "Premier League rules: points, goal difference, goals scored, head-to-head",
    "la-liga": "La Liga rules: points, head-to-head, goal difference, goals scored",
    "uefa-league-phase": (
        "UEFA league-phase rules: points, goal difference, goals scored, away goals, wins, "
        "away wins, opponents' points"
    ),
    "uefa-group": "UEFA group rules: points, head-to-head, goal difference, goals scored",
}

FIGURE_LABELS: dict[str, str] = {
    "points": "points",
    "goal_difference": "goal difference",
    "goals_for": "goals scored",
    "away_goals_for": "away goals scored",
    "won": "wins",
    "away_won": "away wins",
    "opponents_points": "opponents' points",
    "opponents_goal_difference": "opponents' goal difference",
    "opponents_goals_for": "opponents' goals scored",
    "head_to_head_points": "head-to-head points",
    "head_to_head_goal_difference": "head-to-head goal difference",
    "head_to_head_goals_for": "head-to-head goals scored",
}


class UnknownRules(ValueError):
    pass


def rules_for(name: str) -> tuple[Criterion, ...]:
    """The tie-break order called `name`; an unknown name is a clear error."""
    try:
        return RULES[name]
    except KeyError:
        choices = ", ".join(sorted(RULES))
        raise UnknownRules(f"Unknown table rules {name!r}; choose one of: {choices}.") from None


def criterion_figures(criterion: Criterion) -> tuple[str, ...]:
    """The figures a criterion compares, a head-to-head's named as such."""
    if isinstance(criterion, Overall):
        return (criterion.figure,)
    return tuple(HEAD_TO_HEAD + figure for figure in criterion.figures)


@dataclass(frozen=True)
class Separation:
    """Why `upper` is listed just above `lower`: the figure that decided it, or none.

    `level_on` holds the figures they were level on first (points first), `values` both
    clubs' values of `decided_by` (upper's first), `among` the clubs of the mini-table a
    head-to-head figure was counted in. `decided_by` is empty when nothing separated them:
    they share a position, listed by name.
    """

    upper: str
    lower: str
    level_on: tuple[str, ...]
    decided_by: str = ""
    values: tuple[int, int] = (0, 0)
    among: tuple[str, ...] = ()

    @property
    def level_on_points(self) -> bool:
        return self.decided_by != "points"
