"""Two-legged ties: aggregate, the away goals rule, penalties, and ties still being played."""

import pytest

from football.ties import LegResult, TieOutcome, needs_extra_time, tie_outcome


def leg(
    home: str, home_goals: int, away_goals: int, away: str, pens: tuple[int, int] | None = None
) -> LegResult:
    home_penalties, away_penalties = pens if pens else (None, None)
    return LegResult(home, away, home_goals, away_goals, home_penalties, away_penalties)


def test_seed_tie_atalanta_go_through_on_aggregate() -> None:
    first = leg("Liverpool", 0, 3, "Atalanta")
    second = leg("Atalanta", 0, 1, "Liverpool")
    outcome = tie_outcome(first, second)
    assert outcome == TieOutcome(
        goals={"Liverpool": 1, "Atalanta": 3},
        away_goals={"Liverpool": 1, "Atalanta": 3},
        winner="Atalanta",
        decided_by="aggregate",
        level=False,
    )
    assert outcome.line == "Atalanta win 3-1 on aggregate"


@pytest.mark.parametrize(
    ("first", "second", "away_goals_rule", "winner", "decided_by", "level", "line"),
    [
        # The home team of the first leg wins on aggregate.
        (
            leg("Ajax", 2, 0, "Roma"),
            leg("Roma", 1, 0, "Ajax"),
            False,
            "Ajax",
            "aggregate",
            False,
            "Ajax win 2-1 on aggregate",
        ),
        # Level 2-2: Ajax scored twice in Rome, Roma once in Amsterdam.
        (
            leg("Roma", 1, 2, "Ajax"),
            leg("Ajax", 0, 1, "Roma"),
            True,
            "Ajax",
            "away goals",
            False,
            "Ajax win on away goals (2-2 on aggregate)",
        ),
        # The same tie without the away goals rule, after a goalless extra time and no shoot-out yet.
        (
            leg("Roma", 1, 2, "Ajax"),
            leg("Ajax", 0, 1, "Roma"),
            False,
            None,
            "",
            True,
            "Level at 2-2 on aggregate",
        ),
        # The same tie without the rule, settled by a shoot-out.
        (
            leg("Roma", 1, 2, "Ajax"),
            leg("Ajax", 0, 1, "Roma", pens=(3, 4)),
            False,
            "Roma",
            "penalties",
            True,
            "Roma win 4-3 on penalties (2-2 on aggregate)",
        ),
        # Away goals level too (1-1 and 1-1): the rule cannot separate them, penalties do.
        (
            leg("Roma", 1, 1, "Ajax"),
            leg("Ajax", 1, 1, "Roma", pens=(5, 4)),
            True,
            "Ajax",
            "penalties",
            True,
            "Ajax win 5-4 on penalties (2-2 on aggregate)",
        ),
        # Away goals decide before penalties are looked at.
        (
            leg("Roma", 1, 2, "Ajax"),
            leg("Ajax", 0, 1, "Roma", pens=(3, 4)),
            True,
            "Ajax",
            "away goals",
            False,
            "Ajax win on away goals (2-2 on aggregate)",
        ),
        # Extra-time goals in the second leg count in the aggregate.
        (
            leg("Roma", 1, 0, "Ajax"),
            leg("Ajax", 3, 1, "Roma"),
            False,
            "Ajax",
            "aggregate",
            False,
            "Ajax win 3-2 on aggregate",
        ),
        # Goalless twice.
        (
            leg("Roma", 0, 0, "Ajax"),
            leg("Ajax", 0, 0, "Roma"),
            True,
            None,
            "",
            True,
            "Level at 0-0 on aggregate",
        ),
    ],
)
def test_tie_outcome_decides_who_goes_through(
    first: LegResult,
    second: LegResult,
    away_goals_rule: bool,
    winner: str | None,
    decided_by: str,
    level: bool,
    line: str,
) -> None:
    outcome = tie_outcome(first, second, away_goals_rule=away_goals_rule)
    assert (outcome.winner, outcome.decided_by, outcome.level, outcome.line) == (
        winner,
        decided_by,
        level,
        line,
    )


@pytest.mark.parametrize(
    ("second", "finished", "line", "level"),
    [
        (None, True, "Atalanta lead 3-0 on aggregate", False),
        (leg("Atalanta", 0, 1, "Liverpool"), False, "Atalanta lead 3-1 on aggregate", False),
        (leg("Atalanta", 0, 3, "Liverpool"), False, "Level at 3-3 on aggregate", True),
        (leg("Atalanta", 0, 4, "Liverpool"), False, "Liverpool lead 4-3 on aggregate", False),
    ],
)
def test_nobody_wins_before_the_second_leg_is_over(
    second: LegResult | None, finished: bool, line: str, level: bool
) -> None:
    outcome = tie_outcome(leg("Liverpool", 0, 3, "Atalanta"), second, second_leg_finished=finished)
    assert (outcome.winner, outcome.decided_by, outcome.line, outcome.level) == (None, "", line, level)


def test_first_leg_alone_counts_away_goals() -> None:
    outcome = tie_outcome(leg("Liverpool", 1, 3, "Atalanta"), None)
    assert outcome.goals == {"Liverpool": 1, "Atalanta": 3}
    assert outcome.away_goals == {"Liverpool": 0, "Atalanta": 3}


@pytest.mark.parametrize(
    ("first", "second_after_90", "away_goals_rule", "expected"),
    [
        (leg("Roma", 1, 0, "Ajax"), leg("Ajax", 1, 0, "Roma"), False, True),
        (leg("Roma", 1, 0, "Ajax"), leg("Ajax", 1, 0, "Roma"), True, True),
        (leg("Roma", 1, 0, "Ajax"), leg("Ajax", 2, 0, "Roma"), False, False),
        (leg("Roma", 1, 1, "Ajax"), leg("Ajax", 1, 1, "Roma"), False, True),
        # 2-2 on aggregate: without the rule extra time; with it Ajax are through on away goals.
        (leg("Roma", 1, 2, "Ajax"), leg("Ajax", 0, 1, "Roma"), False, True),
        (leg("Roma", 1, 2, "Ajax"), leg("Ajax", 0, 1, "Roma"), True, False),
        (leg("Roma", 1, 1, "Ajax"), leg("Ajax", 1, 1, "Roma"), True, True),
    ],
)
def test_needs_extra_time_when_level_after_ninety_minutes(
    first: LegResult, second_after_90: LegResult, away_goals_rule: bool, expected: bool
) -> None:
    assert needs_extra_time(first, second_after_90, away_goals_rule=away_goals_rule) is expected


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (
            leg("Roma", 1, 0, "Ajax"),
            leg("Ajax", 1, 0, "Lazio"),
            "Both legs must be between Roma and Ajax, not Ajax and Lazio.",
        ),
        (leg("Roma", 1, 0, "Roma"), None, "A team cannot play itself (Roma)."),
    ],
)
def test_legs_between_other_teams_are_refused(
    first: LegResult, second: LegResult | None, message: str
) -> None:
    with pytest.raises(ValueError) as raised:
        tie_outcome(first, second)
    assert str(raised.value) == message
