"""League tables computed from results, sorted by a competition's own tie-break rules.

A win is worth three points, a draw one, a defeat none. A points deduction (for breaking
financial rules, say) comes off a club's total, and the table says why. Every club taking
part has a row, with zeros before its first match. Goal difference is goals scored minus
goals conceded. Form is a club's last five results, oldest first, most recent last
("WDLWW"). A result of a match still being played counts with its current score, and the
table is then marked provisional.

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
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

POINTS_FOR_WIN = 3
POINTS_FOR_DRAW = 1
FORM_LENGTH = 5


@dataclass(frozen=True)
class Result:
    """A match's score; teams are keys (a name or an id string)."""

    home: str
    away: str
    home_goals: int
    away_goals: int
    provisional: bool = False


@dataclass(frozen=True)
class Deduction:
    team: str
    points: int
    reason: str


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


class UnknownRules(ValueError):
    pass


@dataclass(frozen=True)
class Record:
    """A club's figures over a set of results (the whole table, or a mini-table)."""

    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    away_goals_for: int = 0
    away_won: int = 0
    deducted: int = 0
    opponents_points: int = 0
    opponents_goal_difference: int = 0
    opponents_goals_for: int = 0

    @property
    def goal_difference(self) -> int:
        return self.goals_for - self.goals_against

    @property
    def points(self) -> int:
        return self.won * POINTS_FOR_WIN + self.drawn * POINTS_FOR_DRAW - self.deducted


@dataclass(frozen=True)
class Row:
    position: int
    team: str
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    goal_difference: int
    points: int
    form: str
    deducted: int
    deduction_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    rules: str
    rows: tuple[Row, ...]
    provisional: bool


def rules_for(name: str) -> tuple[Criterion, ...]:
    """The tie-break order called `name`; an unknown name is a clear error."""
    try:
        return RULES[name]
    except KeyError:
        choices = ", ".join(sorted(RULES))
        raise UnknownRules(f"Unknown table rules {name!r}; choose one of: {choices}.") from None


def league_table(
    results: Sequence[Result],
    *,
    teams: Iterable[str] = (),
    deductions: Iterable[Deduction] = (),
    rules: str = "premier-league",
    names: Mapping[str, str] | None = None,
) -> Table:
    """The table of `results` (in the order played) under the tie-break order `rules`.

    `names` gives each key the name clubs no rule separates are listed by.
    """
    criteria = rules_for(rules)
    _check(results)
    deductions = tuple(deductions)
    clubs = _clubs(teams, results, deductions)
    records = _with_opponents(_tally(results, clubs, deductions), results)
    groups = _rank(clubs, criteria, records, results, names or {})
    rows = tuple(_rows(groups, records, results, deductions))
    return Table(rules=rules, rows=rows, provisional=any(r.provisional for r in results))


def _check(results: Sequence[Result]) -> None:
    for result in results:
        if result.home == result.away:
            raise ValueError(f"A club cannot play itself: {result.home}.")
        if result.home_goals < 0 or result.away_goals < 0:
            raise ValueError(f"Goals cannot be negative: {result}.")


def _clubs(teams: Iterable[str], results: Sequence[Result], deductions: Sequence[Deduction]) -> list[str]:
    clubs = dict.fromkeys(teams)
    for result in results:
        clubs.update(dict.fromkeys((result.home, result.away)))
    clubs.update(dict.fromkeys(d.team for d in deductions))
    return list(clubs)


def _tally(
    results: Iterable[Result], clubs: Iterable[str], deductions: Iterable[Deduction] = ()
) -> dict[str, Record]:
    counts: dict[str, Counter[str]] = {club: Counter() for club in clubs}
    for result in results:
        _count(counts[result.home], result.home_goals, result.away_goals, away=False)
        _count(counts[result.away], result.away_goals, result.home_goals, away=True)
    for deduction in deductions:
        counts[deduction.team]["deducted"] += deduction.points
    return {club: Record(**figures) for club, figures in counts.items()}


def _count(figures: Counter[str], scored: int, conceded: int, *, away: bool) -> None:
    outcome = "won" if scored > conceded else "lost" if scored < conceded else "drawn"
    figures["played"] += 1
    figures[outcome] += 1
    figures["goals_for"] += scored
    figures["goals_against"] += conceded
    if away:
        figures["away_goals_for"] += scored
        figures["away_won"] += outcome == "won"


def _with_opponents(records: dict[str, Record], results: Iterable[Result]) -> dict[str, Record]:
    sums = {club: [0, 0, 0] for club in records}
    for result in results:
        for club, opponent in ((result.home, result.away), (result.away, result.home)):
            other = records[opponent]
            sums[club][0] += other.points
            sums[club][1] += other.goal_difference
            sums[club][2] += other.goals_for
    return {
        club: replace(
            record,
            opponents_points=sums[club][0],
            opponents_goal_difference=sums[club][1],
            opponents_goals_for=sums[club][2],
        )
        for club, record in records.items()
    }


def _rank(
    clubs: list[str],
    criteria: tuple[Criterion, ...],
    records: Mapping[str, Record],
    results: Sequence[Result],
    names: Mapping[str, str],
) -> list[list[str]]:
    """Clubs in table order, in groups of clubs that no criterion separates."""
    if len(clubs) < 2 or not criteria:
        return [sorted(clubs, key=lambda club: (names.get(club, club).casefold(), club))]
    first, rest = criteria[0], criteria[1:]
    if isinstance(first, Overall):
        groups = _split(clubs, lambda club: (getattr(records[club], first.figure),))
        following = rest
    else:
        mini = _tally(_among(results, clubs), clubs)
        groups = _split(clubs, lambda club: tuple(getattr(mini[club], f) for f in first.figures))
        following = criteria if first.reapply else rest
    if len(groups) == 1:
        return _rank(clubs, rest, records, results, names)
    return [ranked for group in groups for ranked in _rank(group, following, records, results, names)]


def _among(results: Sequence[Result], clubs: list[str]) -> list[Result]:
    members = set(clubs)
    return [r for r in results if r.home in members and r.away in members]


def _split(clubs: list[str], key: Callable[[str], tuple[int, ...]]) -> list[list[str]]:
    """Clubs in groups of equal key, highest key first."""
    groups: dict[tuple[int, ...], list[str]] = {}
    for club in clubs:
        groups.setdefault(key(club), []).append(club)
    return [groups[value] for value in sorted(groups, reverse=True)]


def _rows(
    groups: list[list[str]],
    records: Mapping[str, Record],
    results: Sequence[Result],
    deductions: Sequence[Deduction],
) -> Iterable[Row]:
    position = 1
    for group in groups:
        for club in group:
            yield _row(position, club, records[club], results, deductions)
        position += len(group)


ROW_FIGURES = tuple("played won drawn lost goals_for goals_against goal_difference points deducted".split())


def _row(
    position: int, club: str, record: Record, results: Sequence[Result], deductions: Sequence[Deduction]
) -> Row:
    return Row(
        position=position,
        team=club,
        form=form(results, club),
        deduction_reasons=tuple(d.reason for d in deductions if d.team == club),
        **{figure: getattr(record, figure) for figure in ROW_FIGURES},
    )


def form(results: Sequence[Result], club: str, length: int = FORM_LENGTH) -> str:
    """The club's last `length` results as W, D and L, most recent last."""
    letters = [_letter(r, club) for r in results if club in (r.home, r.away)]
    return "".join(letters[-length:])


def _letter(result: Result, club: str) -> str:
    goals = (result.home_goals, result.away_goals)
    scored, conceded = goals if result.home == club else goals[::-1]
    return "W" if scored > conceded else "L" if scored < conceded else "D"
