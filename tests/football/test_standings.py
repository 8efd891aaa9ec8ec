"""League tables and tie-breaks: no database, tables of cases."""

import pytest

from football import standings
from football.standings import Deduction, HeadToHead, Overall, Result, league_table


def order(table: standings.Table) -> list[str]:
    return [row.team for row in table.rows]


def positions(table: standings.Table) -> dict[str, int]:
    return {row.team: row.position for row in table.rows}


# D beat A; A beat B; B has the better goal difference: goal difference or head-to-head decides.
HEAD_TO_HEAD_OR_GOAL_DIFFERENCE = [
    Result("A", "B", 1, 0),
    Result("B", "C", 4, 0),
    Result("A", "D", 0, 1),
    Result("C", "D", 0, 0),
]
# A, B and C level on 4 points. Among themselves: A 4 points, B 3, C 1. Overall goal
# difference the other way round: C +2, B -1, A -3.
THREE_WAY_MINI_TABLE = [
    Result("A", "B", 2, 0),
    Result("B", "C", 1, 0),
    Result("A", "C", 0, 0),
    Result("E", "A", 5, 0),
    Result("B", "F", 2, 2),
    Result("C", "F", 3, 0),
]
# A, B and C level on 4 points and goal difference 0. Among the three, A scored most; B and
# C are level in that mini-table but B beat C. Overall, C scored more than B.
MINI_TABLE_LEAVES_TWO_LEVEL = [
    Result("A", "B", 2, 1),
    Result("C", "A", 2, 1),
    Result("B", "C", 1, 0),
    Result("B", "D", 0, 0),
    Result("C", "D", 2, 2),
    Result("A", "D", 1, 1),
]


@pytest.mark.parametrize(
    ("rules", "results", "expected"),
    [
        ("premier-league", HEAD_TO_HEAD_OR_GOAL_DIFFERENCE, ["D", "B", "A", "C"]),
        ("la-liga", HEAD_TO_HEAD_OR_GOAL_DIFFERENCE, ["D", "A", "B", "C"]),
        ("uefa-group", HEAD_TO_HEAD_OR_GOAL_DIFFERENCE, ["D", "A", "B", "C"]),
        ("uefa-league-phase", HEAD_TO_HEAD_OR_GOAL_DIFFERENCE, ["D", "B", "A", "C"]),
        ("premier-league", THREE_WAY_MINI_TABLE, ["C", "B", "A", "E", "F"]),
        ("la-liga", THREE_WAY_MINI_TABLE, ["A", "B", "C", "E", "F"]),
        ("uefa-group", THREE_WAY_MINI_TABLE, ["A", "B", "C", "E", "F"]),
        ("uefa-group", MINI_TABLE_LEAVES_TWO_LEVEL, ["A", "B", "C", "D"]),
        ("premier-league", MINI_TABLE_LEAVES_TWO_LEVEL, ["C", "A", "B", "D"]),
    ],
    ids=[
        "premier-league-goal-difference-before-head-to-head",
        "la-liga-head-to-head-before-goal-difference",
        "uefa-group-head-to-head-before-goal-difference",
        "uefa-league-phase-no-head-to-head",
        "premier-league-three-way-by-goal-difference",
        "la-liga-three-way-tie-settled-by-mini-table",
        "uefa-group-three-way-tie-settled-by-mini-table",
        "uefa-group-mini-table-reapplied-to-the-two-still-level",
        "premier-league-head-to-head-last",
    ],
)
def test_tie_break_order_follows_the_rules(rules, results, expected):
    assert order(league_table(results, rules=rules)) == expected


def test_without_reapplying_the_mini_table_overall_goals_decide(monkeypatch):
    once = (Overall("points"), HeadToHead(("points", "goal_difference", "goals_for")), Overall("goals_for"))
    monkeypatch.setitem(standings.RULES, "head-to-head-once", once)
    assert order(league_table(MINI_TABLE_LEAVES_TWO_LEVEL, rules="head-to-head-once")) == ["A", "C", "B", "D"]


def test_clubs_no_rule_separates_share_a_position_listed_by_name():
    table = league_table(MINI_TABLE_LEAVES_TWO_LEVEL, rules="la-liga")
    assert [(row.position, row.team) for row in table.rows] == [(1, "A"), (1, "C"), (3, "B"), (4, "D")]


def test_shared_positions_skip_the_places_taken():
    results = [Result("A", "B", 1, 0), Result("C", "D", 1, 0), Result("E", "F", 2, 0)]
    table = league_table(results, rules="premier-league", names={"A": "Zulu", "C": "Alpha"})
    assert [(row.position, row.team) for row in table.rows[:3]] == [(1, "E"), (2, "C"), (2, "A")]
    assert [row.position for row in table.rows[3:]] == [4, 4, 6]


@pytest.mark.parametrize(
    ("home", "away", "expected"),
    [(3, 1, ("W", "L", 3, 0)), (1, 1, ("D", "D", 1, 1)), (0, 2, ("L", "W", 0, 3))],
)
def test_win_draw_and_defeat_are_worth_three_one_and_none(home, away, expected):
    table = league_table([Result("Home", "Away", home, away)])
    rows = {row.team: row for row in table.rows}
    assert (rows["Home"].form, rows["Away"].form, rows["Home"].points, rows["Away"].points) == expected


def test_row_counts_played_won_drawn_lost_and_goals():
    results = [Result("A", "B", 3, 1), Result("B", "A", 2, 2), Result("A", "C", 0, 1)]
    row = next(row for row in league_table(results).rows if row.team == "A")
    assert (row.played, row.won, row.drawn, row.lost) == (3, 1, 1, 1)
    assert (row.goals_for, row.goals_against, row.goal_difference, row.points) == (5, 4, 1, 4)


def test_a_place_only_a_deduction_decides():
    results = [Result("A", "B", 1, 1)]
    table = league_table(results, deductions=[Deduction("A", 1, "Fielded an ineligible player")])
    assert order(table) == ["B", "A"]
    row = table.rows[1]
    assert (row.points, row.deducted, row.deduction_reasons) == (0, 1, ("Fielded an ineligible player",))


def test_deductions_add_up_and_can_take_a_club_below_zero():
    deductions = [Deduction("A", 6, "Administration"), Deduction("A", 2, "Appeal lost")]
    row = next(
        row for row in league_table([Result("A", "B", 1, 0)], deductions=deductions).rows if row.team == "A"
    )
    assert (row.points, row.deducted, row.deduction_reasons) == (-5, 8, ("Administration", "Appeal lost"))


def test_deduction_moves_a_club_down_past_a_club_it_outscored():
    results = [Result("A", "C", 2, 0), Result("A", "D", 2, 0), Result("B", "C", 1, 0), Result("B", "D", 0, 0)]
    table = league_table(results, deductions=[Deduction("A", 3, "Breach of financial rules")])
    assert order(table)[:2] == ["B", "A"]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([], ""),
        ([(1, 0)], "W"),
        ([(1, 0), (0, 0), (0, 1)], "WDL"),
        ([(0, 1), (1, 0), (1, 0), (0, 0), (2, 2), (3, 0), (0, 2)], "WDDWL"),
    ],
)
def test_form_is_the_last_five_results_most_recent_last(scores, expected):
    results = [Result("A", f"Opponent {n}", home, away) for n, (home, away) in enumerate(scores)]
    table = league_table(results, teams=["A"])
    assert next(row.form for row in table.rows if row.team == "A") == expected


def test_form_reads_away_results_from_the_away_side():
    assert standings.form([Result("B", "A", 3, 0), Result("C", "A", 0, 1)], "A") == "LW"


def test_a_team_with_no_match_shows_with_zeros():
    table = league_table([Result("A", "B", 1, 0)], teams=["A", "B", "Newcomers"])
    assert order(table) == ["A", "Newcomers", "B"]
    row = table.rows[1]
    assert (row.played, row.won, row.drawn, row.lost, row.goals_for, row.points, row.form) == (
        0,
        0,
        0,
        0,
        0,
        0,
        "",
    )


def test_unknown_rule_name_is_a_clear_error():
    with pytest.raises(standings.UnknownRules, match="'serie-a'.*la-liga, premier-league"):
        league_table([], rules="serie-a")


def test_a_result_in_play_makes_the_table_provisional():
    assert league_table([Result("A", "B", 1, 0)]).provisional is False
    assert (
        league_table([Result("A", "B", 1, 0), Result("C", "D", 0, 0, provisional=True)]).provisional is True
    )


@pytest.mark.parametrize(
    "result", [Result("A", "A", 1, 0), Result("A", "B", -1, 0)], ids=["plays-itself", "negative-goals"]
)
def test_impossible_results_are_refused(result):
    with pytest.raises(ValueError):
        league_table([result])


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        # Level on points, goal difference and goals: A scored its goals away.
        ([Result("X", "A", 1, 2), Result("B", "Y", 2, 1)], ["A", "B", "Y", "X"]),
        # Level down to away goals (none): A won a match, B drew three.
        (
            [Result("A", "X", 2, 0), Result("A", "Y", 1, 3)]
            + [Result("B", "Z", 1, 1), Result("B", "W", 1, 1), Result("B", "V", 1, 1)],
            ["Y", "A", "B"],
        ),
        # Identical records: A's opponent went on to win, B's did not.
        ([Result("A", "X", 1, 0), Result("B", "Y", 1, 0), Result("X", "Z", 1, 0)], ["A", "B", "X"]),
    ],
    ids=["away-goals", "wins", "opponents-points"],
)
def test_uefa_league_phase_tie_breaks(results, expected):
    assert order(league_table(results, rules="uefa-league-phase"))[: len(expected)] == expected
