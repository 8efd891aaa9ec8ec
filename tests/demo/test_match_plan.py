"""The made-up matches of the demo season follow the game's rules: pure, no database."""

import pytest

from demo.match_plan import on_pitch, plan_match
from demo.premier_league import CLUBS, REGULARS, squads

SQUADS = squads()
FIXTURES = [(home, away) for home in CLUBS for away in CLUBS if home != away][::7]


def test_every_club_has_a_squad_and_a_regular_eleven_from_it_with_a_goalkeeper_first():
    assert set(SQUADS) == set(CLUBS) == set(REGULARS)
    for club, eleven in REGULARS.items():
        names = eleven.split(", ")
        positions = {p.known_as: p.position for p in SQUADS[club]}
        assert len(set(names)) == 11 and set(names) <= set(positions), club
        assert [positions[name] == "GK" for name in names] == [True] + [False] * 10, club
        numbers = [p.shirt_number for p in SQUADS[club]]
        assert len(numbers) == len(set(numbers)), club


@pytest.mark.parametrize(("home", "away"), FIXTURES)
def test_a_made_up_match_keeps_to_the_rules(home, away):
    plan = plan_match(home, away, CLUBS, SQUADS)
    assert plan == plan_match(home, away, CLUBS, SQUADS)
    for sheet in plan.sheets.values():
        assert len(sheet.starting) == 11 and not set(sheet.starting) & set(sheet.bench)
        assert sum(p.position == "GK" for p in sheet.starting) == 1
    for event in plan.events:
        # A change made in a minute has happened for the rest of that minute's events.
        present = on_pitch(plan, event.club, event.at)
        if event.kind == "substitution":
            assert event.other in plan.sheets[event.club].bench and event.other in present
        elif event.kind in ("second_yellow", "red"):
            assert event.player in on_pitch(plan, event.club, (event.minute - 1, 99)), event
        else:
            assert event.player in present, event
        if event.kind == "goal" and event.other is not None:
            assert event.other in present and event.other != event.player
    sent_off = {e.player: e.at for e in plan.events if e.kind in ("second_yellow", "red")}
    for event in plan.events:
        for player in (event.player, event.other):
            assert player not in sent_off or event.at <= sent_off[player]
    home_goals, away_goals = plan.score()
    assert home_goals + away_goals == sum(e.kind == "goal" for e in plan.events)
