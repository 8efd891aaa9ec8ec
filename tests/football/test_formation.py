"""Formations and where the starters stand: tables of formations and line-ups (no database)."""

import re

import pytest

from football.formation import (
    PITCH_LENGTH,
    PITCH_WIDTH,
    FormationError,
    Spot,
    normalise_formation,
    on_pitch,
    parse_formation,
    place_starters,
    role_of,
)

ELEVEN_UNKNOWN = [""] * 11


@pytest.mark.parametrize(
    ("written", "lines"),
    [
        ("4-2-3-1", (4, 2, 3, 1)),
        ("3-5-2", (3, 5, 2)),
        ("4-4-2", (4, 4, 2)),
        ("4-1-2-1-2", (4, 1, 2, 1, 2)),
        (" 4 - 3 - 3 ", (4, 3, 3)),
        ("4–4–2", (4, 4, 2)),  # en dashes, as printed line-ups write it
        ("4231", (4, 2, 3, 1)),  # StatsBomb's tactics.formation
        ("41221", (4, 1, 2, 2, 1)),
        ("5-5", (5, 5)),
    ],
)
def test_formations_read_from_the_back(written, lines):
    assert parse_formation(written) == lines


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("4-4-3", "4-4-3 has 11 outfield players: the lines add up to 10, the goalkeeper not counted."),
        ("1-4-4-2", "1-4-4-2 has 11 outfield players"),  # the goalkeeper counted as a line
        ("4-4-1", "4-4-1 has 9 outfield players"),
        ("442x", "'442x' is not a formation: write its outfield lines from the back, e.g. 4-2-3-1."),
        ("", "'' is not a formation"),
        ("four-four-two", "is not a formation"),
        ("4-", "is not a formation"),
        ("10", "Each line of a formation holds 1 to 6 players; '10' does not."),  # digits: 1 and 0
        ("2-2-2-2-1-1", "A formation has 2 to 5 lines; '2-2-2-2-1-1' has 6."),
        ("4-0-6", "Each line of a formation holds 1 to 6 players"),
        ("3-7", "Each line of a formation holds 1 to 6 players"),
    ],
)
def test_what_is_no_formation_is_refused_saying_why(written, message):
    with pytest.raises(FormationError, match=re.escape(message)):
        parse_formation(written)


@pytest.mark.parametrize(
    ("written", "site"), [("4231", "4-2-3-1"), (" 3-5-2", "3-5-2"), ("", ""), ("  ", "")]
)
def test_formations_are_written_one_way(written, site):
    assert normalise_formation(written) == site


@pytest.mark.parametrize(
    ("position", "role"),
    [
        ("Goalkeeper", "goalkeeper"),
        ("GK", "goalkeeper"),
        ("Right Back", "defender"),
        ("Left Center Back", "defender"),
        ("Right Wing Back", "defender"),
        ("Defender", "defender"),
        ("DF", "defender"),
        ("Center Defensive Midfield", "midfielder"),
        ("Midfielder", "midfielder"),
        ("Left Wing", "forward"),
        ("Center Forward", "forward"),
        ("Forward", "forward"),
        ("FW", "forward"),
        ("", ""),
        ("Coach", ""),
    ],
)
def test_positions_name_their_role(position, role):
    assert role_of(position) == role


def rows(spots: list[Spot]) -> list[int]:
    """How many players stand in each row, from the goal line up."""
    depths = sorted({spot.up for spot in spots})
    return [sum(spot.up == depth for spot in spots) for depth in depths]


@pytest.mark.parametrize(
    ("formation", "expected"),
    [
        ("4-2-3-1", [1, 4, 2, 3, 1]),
        ("3-5-2", [1, 3, 5, 2]),
        ("4-4-2", [1, 4, 4, 2]),
        ("4-1-2-1-2", [1, 4, 1, 2, 1, 2]),
        ("4231", [1, 4, 2, 3, 1]),
    ],
)
def test_a_known_formation_puts_the_starters_in_its_lines(formation, expected):
    assert rows(place_starters(formation, ELEVEN_UNKNOWN)) == expected


def test_the_goalkeeper_stands_nearest_his_goal_and_the_lines_go_up_in_order():
    spots = place_starters("4-2-3-1", ELEVEN_UNKNOWN)
    ups = [spot.up for spot in spots]
    assert ups == sorted(ups)
    assert ups[0] < ups[1]
    assert ups[-1] < PITCH_LENGTH / 2


def test_a_line_runs_from_the_players_right_to_their_left():
    back_four = place_starters("4-4-2", ELEVEN_UNKNOWN)[1:5]
    acrosses = [spot.across for spot in back_four]
    assert acrosses == sorted(acrosses)  # the right back first, at the right touchline (0)
    assert 0 < acrosses[0] < acrosses[-1] < PITCH_WIDTH


def test_a_lone_player_in_a_line_stands_in_the_middle():
    striker = place_starters("4-2-3-1", ELEVEN_UNKNOWN)[-1]
    assert striker.across == PITCH_WIDTH / 2


def test_every_starter_has_a_spot_of_his_own():
    for formation in ("4-2-3-1", "3-5-2", "4-4-2", "5-3-2", "4-1-2-1-2", ""):
        with_spots = place_starters(formation, ELEVEN_UNKNOWN)
        assert len(set(with_spots)) == 11, formation


GOALKEEPER, DEFENDER, MIDFIELDER, FORWARD = "Goalkeeper", "Defender", "Midfielder", "Forward"


@pytest.mark.parametrize(
    ("formation", "positions", "expected"),
    [
        # Unknown formation: the positions make the lines.
        ("", [GOALKEEPER, *[DEFENDER] * 4, *[MIDFIELDER] * 3, *[FORWARD] * 3], [1, 4, 3, 3]),
        # A formation that does not add up is no formation: the positions again.
        ("4-4-3", [GOALKEEPER, *[DEFENDER] * 5, *[MIDFIELDER] * 3, *[FORWARD] * 2], [1, 5, 3, 2]),
        # Ten starters (a sheet entered in parts): the formation cannot fit them.
        ("4-4-2", [GOALKEEPER, *[DEFENDER] * 4, *[MIDFIELDER] * 4, FORWARD], [1, 4, 4, 1]),
        # A role nobody plays leaves no empty row.
        ("", [GOALKEEPER, *[DEFENDER] * 5, *[MIDFIELDER] * 5], [1, 5, 5]),
        # Positions unknown: goalkeeper first, rows of four from the back.
        ("", ELEVEN_UNKNOWN, [1, 4, 4, 2]),
        ("", [""] * 7, [1, 4, 2]),
        ("", [""] * 9, [1, 4, 4]),
        # Two goalkeepers named among the starters: the positions cannot be trusted.
        ("", [GOALKEEPER, GOALKEEPER, *[DEFENDER] * 9], [1, 4, 4, 2]),
        # One position missing: rows of the order given.
        ("", [GOALKEEPER, *[DEFENDER] * 4, *[MIDFIELDER] * 3, *[FORWARD] * 2, ""], [1, 4, 4, 2]),
        ("", [], []),
        ("", [GOALKEEPER], [1]),
    ],
)
def test_without_a_formation_that_fits_the_starters_go_by_position_else_in_rows(
    formation, positions, expected
):
    assert rows(place_starters(formation, positions)) == expected


def test_positions_given_out_of_order_still_find_their_lines():
    positions = [FORWARD, GOALKEEPER, DEFENDER, DEFENDER, MIDFIELDER]
    spots = place_starters("", positions)
    striker, goalkeeper = spots[0], spots[1]
    assert goalkeeper.up < spots[2].up < spots[4].up < striker.up


def test_the_home_side_defends_the_bottom_goal_and_the_away_side_the_top():
    right_back = place_starters("4-4-2", ELEVEN_UNKNOWN)[1]
    home_x, home_y = on_pitch(right_back, home=True)
    away_x, away_y = on_pitch(right_back, home=False)
    assert home_y > PITCH_LENGTH / 2 > away_y
    # Facing up the page the home right back is on the viewer's right; the away one, facing down, on the left.
    assert home_x > PITCH_WIDTH / 2 > away_x
