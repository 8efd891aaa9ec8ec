"""A club's form from its own side: no database."""

import pytest

from football.form import FormResult, form, result_for
from football.meetings import Meeting


@pytest.mark.parametrize(
    ("meeting", "expected"),
    [
        (Meeting("LIV", "ARS", 2, 1), FormResult("W", 2, 1)),  # won at home
        (Meeting("ARS", "LIV", 0, 3), FormResult("W", 3, 0)),  # won away: the club's goals first
        (Meeting("ARS", "LIV", 2, 0), FormResult("L", 0, 2)),  # lost away
        (Meeting("LIV", "ARS", 0, 1), FormResult("L", 0, 1)),  # lost at home
        (Meeting("LIV", "ARS", 0, 0), FormResult("D", 0, 0)),
        # Level after extra time and through on penalties: a draw, the score after extra time.
        (Meeting("ARS", "LIV", 1, 1), FormResult("D", 1, 1)),
    ],
)
def test_result_is_read_from_the_clubs_side_at_home_or_away(meeting, expected):
    assert result_for("LIV", meeting) == expected


def test_result_labels_and_score_say_it_in_words():
    lost_away = result_for("LIV", Meeting("ARS", "LIV", 3, 1))
    assert (lost_away.label, lost_away.score) == ("Lost", "1-3")
    assert result_for("LIV", Meeting("LIV", "ARS", 1, 1)).label == "Drawn"
    assert result_for("LIV", Meeting("LIV", "ARS", 4, 1)).label == "Won"


def test_form_is_the_last_five_newest_first():
    newest_first = [
        Meeting("LIV", "ARS", 1, 0),
        Meeting("CHE", "LIV", 2, 2),
        Meeting("LIV", "EVE", 0, 1),
        Meeting("TOT", "LIV", 0, 2),
        Meeting("LIV", "MCI", 3, 3),
        Meeting("LIV", "BUR", 5, 0),  # a sixth, older result: not form any more
    ]
    assert "".join(result.letter for result in form("LIV", newest_first)) == "WDLWD"


@pytest.mark.parametrize(("played", "letters"), [([], ""), ([Meeting("LIV", "ARS", 0, 2)], "L")])
def test_form_of_a_club_with_fewer_than_five_results_holds_what_there_is(played, letters):
    assert "".join(result.letter for result in form("LIV", played)) == letters


def test_form_length_can_be_chosen():
    played = [Meeting("LIV", "ARS", 1, 0)] * 8
    assert len(form("LIV", played, length=3)) == 3
