"""The seed's line-ups as demo/seed_tie.py gives them: a formation that fits each eleven, a shirt
for every name, no number twice in a club, and the seed file's formations where it has them."""

import json

import pytest

from demo import seed_tie
from football.formation import parse_formation
from football.lineups import SheetLine, check_team_sheet

LEGS = {1: seed_tie.FIRST_LEG, 2: seed_tie.SECOND_LEG}


@pytest.mark.parametrize("leg", LEGS)
def test_each_sides_formation_fits_its_eleven(leg):
    for club, lineup in LEGS[leg]["lineups"].items():
        lines = parse_formation(seed_tie.FORMATIONS[leg][club])
        assert 1 + sum(lines) == len(lineup["starting"]) == 11, club


@pytest.mark.parametrize("leg", LEGS)
def test_every_name_on_the_sheets_has_a_shirt_number_the_rules_accept(leg):
    for club, lineup in LEGS[leg]["lineups"].items():
        numbers = seed_tie.SHIRT_NUMBERS[club]
        names = [*lineup["starting"], *lineup.get("bench", [])]
        assert set(names) <= set(numbers), club
        check_team_sheet(
            [
                SheetLine(index, name, numbers[name], name in lineup["starting"])
                for index, name in enumerate(names)
            ]
        )


def test_every_squad_player_has_a_number_and_none_is_worn_twice():
    for club, squad in seed_tie.PLAYERS.items():
        numbers = seed_tie.SHIRT_NUMBERS[club]
        assert set(numbers) == set(squad), club
        assert len(set(numbers.values())) == len(numbers), club


@pytest.mark.needs_data
def test_the_second_legs_formations_are_the_seed_files(shared_data):
    facts = json.loads(
        (shared_data / "seed-match" / "atalanta-liverpool-2024.json").read_text(encoding="utf-8")
    )
    for club, lineup in facts["second_leg"]["lineups"].items():
        if isinstance(lineup, dict) and "formation" in lineup:
            assert seed_tie.FORMATIONS[2][club] == lineup["formation"].split()[0], club
