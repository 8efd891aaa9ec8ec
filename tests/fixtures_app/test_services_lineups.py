"""Setting a side's team sheet: replaced before kick-off, added to at any time, never nonsense."""

import pytest
from django.core.exceptions import ValidationError

from fixtures_app.models import LineupEntry
from fixtures_app.services.lineups import LineupPlace, match_set_lineup
from fixtures_app.services.status import match_change_status
from tests.factories import make_match, make_player, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    return make_match(make_team("Arsenal"), make_team("Chelsea"))


def places(*names: str, first_shirt: int = 1) -> list[LineupPlace]:
    return [
        LineupPlace(player=make_player(name), shirt_number=number)
        for number, name in enumerate(names, first_shirt)
    ]


def sheet(match, team) -> list[tuple[str, bool]]:
    entries = LineupEntry.objects.filter(match=match, team=team).select_related("player")
    return [(entry.player.known_as, entry.starter) for entry in entries]


def test_replacing_before_kick_off_leaves_only_the_new_sheet(match):
    match_set_lineup(match=match, team=match.home_team, entries=places("Raya", "Saliba"))
    match_set_lineup(match=match, team=match.home_team, entries=places("Ramsdale", "White"))
    assert sheet(match, match.home_team) == [("Ramsdale", True), ("White", True)]


def test_adding_keeps_the_sheet_and_puts_the_new_names_last(match):
    match_set_lineup(match=match, team=match.home_team, entries=places("Raya", "Saliba"))
    match_change_status(match=match, status="first_half")
    late = [LineupPlace(player=make_player("Nwaneri"), shirt_number=53, starter=False)]
    entries = match_set_lineup(match=match, team=match.home_team, entries=late, replace=False)
    assert [entry.player.known_as for entry in entries] == ["Raya", "Saliba", "Nwaneri"]


def test_a_sheet_cannot_be_replaced_after_kick_off(match):
    match_change_status(match=match, status="first_half")
    with pytest.raises(ValidationError, match="has kicked off: its line-ups can be added to, not replaced"):
        match_set_lineup(match=match, team=match.home_team, entries=places("Raya"))


def test_a_player_cannot_play_for_both_sides(match):
    raya = places("Raya")
    match_set_lineup(match=match, team=match.home_team, entries=raya)
    with pytest.raises(ValidationError, match="Raya is in the other side's line-up"):
        match_set_lineup(match=match, team=match.away_team, entries=raya)


def test_adding_a_player_already_named_is_refused(match):
    raya = places("Raya")
    match_set_lineup(match=match, team=match.home_team, entries=raya)
    with pytest.raises(ValidationError, match="A player can be named once: Raya"):
        match_set_lineup(match=match, team=match.home_team, entries=raya, replace=False)


def test_a_twelfth_starter_is_refused_and_nothing_changes(match):
    eleven = places(*(f"Starter {n}" for n in range(1, 12)))
    match_set_lineup(match=match, team=match.home_team, entries=eleven)
    with pytest.raises(ValidationError, match="12 starters named"):
        match_set_lineup(
            match=match, team=match.home_team, entries=places("One more", first_shirt=12), replace=False
        )
    assert len(sheet(match, match.home_team)) == 11


def test_a_team_not_in_the_match_is_refused(match):
    with pytest.raises(ValidationError, match="Everton is not playing in"):
        match_set_lineup(match=match, team=make_team("Everton"), entries=places("Pickford"))


def test_a_line_up_change_is_logged_for_fans_and_the_audit_trail(match):
    before = match.seq
    match_set_lineup(match=match, team=match.home_team, entries=places("Raya", "Saliba"))
    update = match.updates.get(seq=before + 1)
    assert update.kind == "lineups_changed"
    assert "Raya, Saliba" in update.summary
    assert "Raya" in update.message["lineups_html"]
