"""League tables computed from results, sorted by a competition's own tie-break rules.

A win is worth three points, a draw one, a defeat none. A points deduction (for breaking
financial rules, say) comes off a club's total, and the table says why. Every club taking
part has a row, with zeros before its first match. Goal difference is goals scored minus
goals conceded. Form is a club's last five results, oldest first, most recent last
("WDLWW"). A result of a match still being played counts with its current score, and the
table is then marked provisional.

Clubs level on points are separated by the competition's tie-breaks, in its order
(football/tiebreaks.py); clubs that no rule separates share a position (1, 2, 2, 4) and are
listed by name. The table keeps, for each two clubs next to each other, what separated them.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from football import tiebreaks
from football.tiebreaks import Criterion, HeadToHead, Overall, Separation, criterion_figures

# The tie-break orders, as the rest of the project has always read them from here.
RULES = tiebreaks.RULES
RULE_LABELS = tiebreaks.RULE_LABELS
UnknownRules = tiebreaks.UnknownRules
rules_for = tiebreaks.rules_for

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
    # For each two rows next to each other, upper first: what put one above the other.
    separations: tuple[Separation, ...] = ()

    @property
    def tie_breaks(self) -> tuple[Separation, ...]:
        """The separations of clubs level on points: the places a tie-break decided."""
        return tuple(separation for separation in self.separations if separation.level_on_points)


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
    ranking = _Ranking(records, results, names or {})
    groups = ranking.rank(clubs, criteria, ())
    rows = tuple(_rows(groups, records, results, deductions))
    place = {row.team: n for n, row in enumerate(rows)}
    return Table(
        rules=rules,
        rows=rows,
        provisional=any(r.provisional for r in results),
        separations=tuple(sorted(ranking.separations, key=lambda separation: place[separation.upper])),
    )


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


@dataclass
class _Ranking:
    """Puts clubs in table order, noting for each two clubs next to each other what separated them."""

    records: Mapping[str, Record]
    results: Sequence[Result]
    names: Mapping[str, str]
    separations: list[Separation] = field(default_factory=list)

    def rank(
        self, clubs: list[str], criteria: tuple[Criterion, ...], level: tuple[str, ...]
    ) -> list[list[str]]:
        """Clubs in table order, in groups of clubs that no criterion separates; `level` holds
        the figures they are all level on so far."""
        if len(clubs) < 2 or not criteria:
            ordered = sorted(clubs, key=lambda club: (self.names.get(club, club).casefold(), club))
            self.separations.extend(Separation(upper, lower, level) for upper, lower in pairwise(ordered))
            return [ordered]
        first, rest = criteria[0], criteria[1:]
        key = self._key(first, clubs)
        following = criteria if isinstance(first, HeadToHead) and first.reapply else rest
        figures = criterion_figures(first)
        level_after = level + tuple(figure for figure in figures if figure not in level)
        groups = _split(clubs, key)
        if len(groups) == 1:
            return self.rank(clubs, rest, level_after)
        ranked = [self.rank(group, following, level_after) for group in groups]
        among = tuple(clubs) if isinstance(first, HeadToHead) else ()
        for above, below in pairwise(ranked):
            self._separate(above[-1][-1], below[0][0], key, figures, level, among)
        return [group for groups_of_one in ranked for group in groups_of_one]

    def _key(self, criterion: Criterion, clubs: list[str]) -> Callable[[str], tuple[int, ...]]:
        if isinstance(criterion, Overall):
            return lambda club: (getattr(self.records[club], criterion.figure),)
        mini = _tally(_among(self.results, clubs), clubs)
        return lambda club: tuple(getattr(mini[club], figure) for figure in criterion.figures)

    def _separate(
        self,
        upper: str,
        lower: str,
        key: Callable[[str], tuple[int, ...]],
        figures: tuple[str, ...],
        level: tuple[str, ...],
        among: tuple[str, ...],
    ) -> None:
        upper_key, lower_key = key(upper), key(lower)
        at = next(n for n, (a, b) in enumerate(zip(upper_key, lower_key, strict=True)) if a != b)
        level_on = level + tuple(figure for figure in figures[:at] if figure not in level)
        values = (upper_key[at], lower_key[at])
        self.separations.append(Separation(upper, lower, level_on, figures[at], values, among))


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
