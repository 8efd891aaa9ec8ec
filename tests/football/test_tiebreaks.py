"""What a table says about the places its tie-breaks decided: no database, tables of cases."""

import json
from pathlib import Path

import pytest

from football.standings import Deduction, Result, Table, league_table
from football.tiebreak_notes import deduction_note, ordinal, signed, tie_break_note

OPENFOOTBALL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "openfootball"
needs_real_data = pytest.mark.skipif(
    not OPENFOOTBALL.is_dir(),
    reason=f"the real data folder {OPENFOOTBALL} is absent (it sits beside the project in CI)",
)

# A and B level on 3 points: A's goal difference +3, B's +1.
GOAL_DIFFERENCE = [Result("A", "X", 3, 0), Result("B", "Y", 1, 0)]
# A and B level on 3 points and goal difference +1: A scored 3, B 1.
GOALS_SCORED = [Result("A", "X", 3, 2), Result("B", "Y", 1, 0)]
# A and B level on 3 points, goal difference 0 and 2 goals, both winning at home; A beat B.
# A's opponents won 9 points (B 3, X 6), B's 3 (A 3, Y none).
HEAD_TO_HEAD = [
    Result("A", "B", 1, 0),
    Result("A", "X", 1, 2),
    Result("B", "Y", 2, 1),
    Result("X", "Z", 1, 0),
]
# A beat B 2-0, B beat C 1-0, C beat A 1-0: all on 3 points, and on 3 head-to-head points.
THREE_WAY = [Result("A", "B", 2, 0), Result("B", "C", 1, 0), Result("C", "A", 1, 0)]
# A and B identical in every figure, away goals included: two 1-1 draws with each other.
IDENTICAL = [Result("A", "B", 1, 1), Result("B", "A", 1, 1)]


def notes(table: Table) -> dict[tuple[str, str], str]:
    """Each note by the two clubs it is about, upper first."""
    rows = {row.team: row for row in table.rows}
    return {
        (s.upper, s.lower): tie_break_note(
            s, names={}, points=rows[s.upper].points, position=rows[s.upper].position
        )
        for s in table.tie_breaks
    }


@pytest.mark.parametrize(
    ("rules", "results", "expected"),
    [
        ("premier-league", GOAL_DIFFERENCE, "Level on 3 points: A above B on goal difference (+3 v +1)."),
        (
            "premier-league",
            GOALS_SCORED,
            "Level on 3 points and goal difference: A above B on goals scored (3 v 1).",
        ),
        (
            "premier-league",
            HEAD_TO_HEAD,
            "Level on 3 points, goal difference and goals scored: A above B on head-to-head points (3 v 0).",
        ),
        ("la-liga", HEAD_TO_HEAD, "Level on 3 points: A above B on head-to-head points (3 v 0)."),
        ("uefa-group", HEAD_TO_HEAD, "Level on 3 points: A above B on head-to-head points (3 v 0)."),
        (
            "uefa-league-phase",
            HEAD_TO_HEAD,
            "Level on 3 points, goal difference, goals scored, away goals scored, wins and away wins: "
            "A above B on opponents' points (9 v 3).",
        ),
    ],
    ids=[
        "goal-difference",
        "goals-scored",
        "premier-league-head-to-head-last",
        "la-liga-head-to-head-first",
        "uefa-group-head-to-head-first",
        "uefa-league-phase-has-no-head-to-head",
    ],
)
def test_two_clubs_level_on_points_are_told_which_rule_put_one_above(rules, results, expected):
    assert notes(league_table(results, rules=rules))[("A", "B")] == expected


def test_a_head_to_head_among_three_clubs_names_them():
    table = league_table(THREE_WAY, rules="la-liga")
    assert [row.team for row in table.rows] == ["A", "C", "B"]
    assert list(notes(table).values()) == [
        "Level on 3 points and head-to-head points: A above C on head-to-head goal difference "
        "in the matches among A, B and C (+1 v 0).",
        "Level on 3 points and head-to-head points: C above B on head-to-head goal difference "
        "in the matches among A, B and C (0 v \N{MINUS SIGN}1).",
    ]


@pytest.mark.parametrize("rules", ["premier-league", "la-liga", "uefa-group", "uefa-league-phase"])
def test_clubs_level_on_everything_share_their_place_listed_alphabetically(rules):
    table = league_table(IDENTICAL, rules=rules, names={"A": "Zulu", "B": "Alpha"})
    assert [(row.position, row.team) for row in table.rows] == [(1, "B"), (1, "A")]
    (separation,) = table.tie_breaks
    assert separation.decided_by == ""
    note = tie_break_note(separation, names={"A": "Zulu", "B": "Alpha"}, points=2, position=1)
    assert note.startswith(
        "Level on 2 points and every tie-break: Alpha and Zulu share 1st place, listed alphabetically"
    )
    assert "drawing of lots" in note


def test_clubs_apart_on_points_need_no_note():
    table = league_table([Result("A", "B", 2, 0)])
    assert [(s.upper, s.lower, s.decided_by) for s in table.separations] == [("A", "B", "points")]
    assert table.tie_breaks == ()


def test_a_deduction_that_makes_clubs_level_is_noted_with_its_reason():
    results = [Result("A", "X", 3, 0), Result("B", "Y", 1, 0), Result("A", "Y", 1, 1)]
    table = league_table(results, deductions=[Deduction("A", 1, "Fielded an ineligible player")])
    a = next(row for row in table.rows if row.team == "A")
    assert (a.points, a.position) == (3, 1)
    assert notes(table)[("A", "B")] == "Level on 3 points: A above B on goal difference (+3 v +1)."
    assert (
        deduction_note("A", a.deducted, a.deduction_reasons)
        == "A \N{MINUS SIGN}1 point: Fielded an ineligible player."
    )


@pytest.mark.parametrize(("value", "expected"), [(12, "+12"), (0, "0"), (-3, "\N{MINUS SIGN}3")])
def test_goal_difference_is_signed_as_a_table_prints_it(value, expected):
    assert signed(value) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (112, "112th"),
    ],
)
def test_places_are_written_as_ordinals(number, expected):
    assert ordinal(number) == expected


def real_results(name: str) -> list[Result]:
    data = json.loads((OPENFOOTBALL / name).read_text(encoding="utf-8"))
    played = [m for m in data["matches"] if "ft" in m.get("score", {})]
    played.sort(key=lambda m: (m["date"], m.get("time", "")))
    return [Result(m["team1"], m["team2"], *m["score"]["ft"]) for m in played]


@needs_real_data
def test_premier_league_2023_24_notes_its_deductions_and_the_places_goal_difference_decided():
    reason = "Breach of profit and sustainability rules"
    deductions = [Deduction("Everton FC", 8, reason), Deduction("Nottingham Forest FC", 4, reason)]
    table = league_table(real_results("en.1-2023-24.json"), deductions=deductions, rules="premier-league")
    rows = {row.team: row for row in table.rows}
    assert (rows["Everton FC"].points, rows["Nottingham Forest FC"].points) == (40, 32)
    assert deduction_note("Everton FC", 8, (reason,)) == f"Everton FC \N{MINUS SIGN}8 points: {reason}."
    assert list(notes(table).values()) == [
        "Level on 60 points: Newcastle United FC above Manchester United FC on goal difference "
        "(+23 v \N{MINUS SIGN}1).",
        "Level on 48 points: Brighton & Hove Albion FC above AFC Bournemouth on goal difference "
        "(\N{MINUS SIGN}7 v \N{MINUS SIGN}13).",
    ]


@needs_real_data
def test_la_liga_2023_24_puts_head_to_head_before_goal_difference():
    table = league_table(real_results("es.1-2023-24.json"), rules="la-liga")
    found = notes(table)
    # Sevilla's goal difference was better than Celta's; Celta took 4 points from their two meetings.
    assert found[("RC Celta de Vigo", "Sevilla FC")] == (
        "Level on 41 points: RC Celta de Vigo above Sevilla FC on head-to-head points (4 v 1)."
    )
    assert found[("RCD Mallorca", "UD Las Palmas")] == (
        "Level on 40 points: RCD Mallorca above UD Las Palmas on head-to-head points (4 v 1)."
    )


def test_the_head_to_head_figures_clubs_were_level_on_are_named_together():
    # A and B drew 1-1 twice; A's goal difference over the season is better.
    results = [*IDENTICAL, Result("A", "X", 2, 0), Result("B", "Y", 1, 0)]
    table = league_table(results, rules="la-liga")
    assert notes(table)[("A", "B")] == (
        "Level on 5 points and head-to-head (points, goal difference): "
        "A above B on goal difference (+2 v +1)."
    )
