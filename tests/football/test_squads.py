"""A squad by lines of the team: no database."""

import pytest

from football.squads import (
    DEFENDERS,
    FORWARDS,
    GOALKEEPERS,
    MIDFIELDERS,
    OTHERS,
    PLAYERS,
    SquadPlayer,
    line_of,
    squad_lines,
)


@pytest.mark.parametrize(
    ("position", "line"),
    [
        ("Goalkeeper", GOALKEEPERS),
        ("GK", GOALKEEPERS),
        ("Keeper", GOALKEEPERS),
        ("Defender", DEFENDERS),
        ("Left Center Back", DEFENDERS),
        ("Centre-Back", DEFENDERS),
        ("Right Wing Back", DEFENDERS),  # a wing-back defends first
        ("DF", DEFENDERS),
        ("Midfielder", MIDFIELDERS),
        ("Defensive Midfield", MIDFIELDERS),
        ("Attacking Midfield", MIDFIELDERS),
        ("CAM", MIDFIELDERS),
        ("Forward", FORWARDS),
        ("Striker", FORWARDS),
        ("Left Wing", FORWARDS),
        ("Centre Forward", FORWARDS),
        ("FW", FORWARDS),
        ("", OTHERS),
        ("Coach", OTHERS),
    ],
)
def test_line_of_reads_every_providers_spelling(position, line):
    assert line_of(position) == line


def test_squad_lines_come_in_team_sheet_order_by_shirt_number():
    players = [
        SquadPlayer(1, "Salah", 11, "Forward"),
        SquadPlayer(2, "Alisson", 1, "Goalkeeper"),
        SquadPlayer(3, "Van Dijk", 4, "Defender"),
        SquadPlayer(4, "Kelleher", 62, "Goalkeeper"),
        SquadPlayer(5, "Trialist", None, ""),
        SquadPlayer(6, "Mac Allister", 10, "Midfielder"),
        SquadPlayer(7, "Young keeper", None, "Goalkeeper"),
        SquadPlayer(8, "Adrián", 13, "Goalkeeper"),
    ]
    lines = squad_lines(players)
    assert [line.title for line in lines] == [GOALKEEPERS, DEFENDERS, MIDFIELDERS, FORWARDS, OTHERS]
    assert [p.name for p in lines[0].players] == ["Alisson", "Adrián", "Kelleher", "Young keeper"]
    assert [p.name for p in lines[-1].players] == ["Trialist"]


def test_squad_lines_leave_out_empty_lines():
    lines = squad_lines([SquadPlayer(1, "Salah", 11, "Forward")])
    assert [line.title for line in lines] == [FORWARDS]
    assert squad_lines([]) == ()


def test_a_squad_without_any_position_is_one_line_of_players():
    lines = squad_lines([SquadPlayer(1, "Salah", None, ""), SquadPlayer(2, "Alisson", None, "")])
    assert [line.title for line in lines] == [PLAYERS]
    assert [p.name for p in lines[0].players] == ["Alisson", "Salah"]
