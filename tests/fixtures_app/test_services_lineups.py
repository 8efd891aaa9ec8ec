"""Setting a side's team sheet: replaced before kick-off, added to at any time, never nonsense."""

import pytest
from django.core.exceptions import ValidationError

from fixtures_app.models import LineupEntry, SquadMember
from fixtures_app.services.lineups import LineupPlace, match_set_formation, match_set_lineup
from fixtures_app.services.status import match_change_status
from tests.factories import make_match, make_player, make_season, make_team

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


def register(player, team, season) -> None:
    SquadMember.objects.create(season=season, team=team, player=player)


def test_a_player_in_another_clubs_squad_is_refused_by_name_and_nothing_changes(match):
    palmer = make_player("Palmer")
    register(palmer, match.away_team, match.stage.season)
    with pytest.raises(ValidationError, match="Palmer plays for Chelsea this season, not for Arsenal"):
        match_set_lineup(match=match, team=match.home_team, entries=[LineupPlace(player=palmer)])
    assert sheet(match, match.home_team) == [] and match.updates.count() == 0


def test_a_player_named_for_another_club_this_season_is_refused(match):
    salah = make_player("Salah")
    earlier = make_match(make_team("Liverpool"), make_team("Everton"), stage=match.stage)
    LineupEntry.objects.create(match=earlier, team=earlier.home_team, player=salah)
    with pytest.raises(ValidationError, match="Salah plays for Liverpool this season, not for Arsenal"):
        match_set_lineup(match=match, team=match.home_team, entries=[LineupPlace(player=salah)])


def test_a_player_on_loan_registered_with_both_clubs_may_play_for_either(match):
    loanee = make_player("Loanee")
    register(loanee, match.home_team, match.stage.season)
    register(loanee, match.away_team, match.stage.season)
    match_set_lineup(match=match, team=match.away_team, entries=[LineupPlace(player=loanee)])
    assert sheet(match, match.away_team) == [("Loanee", True)]


def test_a_squad_registration_outweighs_the_line_ups_after_a_transfer(match):
    signing = make_player("Signing")
    earlier = make_match(match.away_team, make_team("Everton"), stage=match.stage)
    LineupEntry.objects.create(match=earlier, team=match.away_team, player=signing)
    register(signing, match.home_team, match.stage.season)
    match_set_lineup(match=match, team=match.home_team, entries=[LineupPlace(player=signing)])
    assert sheet(match, match.home_team) == [("Signing", True)]


def test_last_seasons_club_and_an_unknown_player_do_not_bar_a_player(match):
    returning, trialist = make_player("Returning"), make_player("Trialist")
    register(returning, match.away_team, make_season(name="2022/23"))
    entries = [LineupPlace(player=returning, shirt_number=1), LineupPlace(player=trialist, shirt_number=2)]
    match_set_lineup(match=match, team=match.home_team, entries=entries)
    assert sheet(match, match.home_team) == [("Returning", True), ("Trialist", True)]


def test_a_formation_goes_with_the_sheet_written_the_sites_way(match):
    match_set_lineup(match=match, team=match.away_team, entries=places("Sánchez"), formation="4231")
    match.refresh_from_db()
    assert (match.home_formation, match.away_formation) == ("", "4-2-3-1")
    assert match.updates.latest("seq").summary == "Line-up set: Chelsea (4-2-3-1): Sánchez"


def test_a_sheet_sent_without_a_formation_keeps_the_one_on_record(match):
    match_set_lineup(match=match, team=match.home_team, entries=places("Raya"), formation="4-3-3")
    match_set_lineup(match=match, team=match.home_team, entries=places("Ramsdale"))
    match.refresh_from_db()
    assert match.home_formation == "4-3-3"


def test_a_bad_formation_is_refused_saying_why_and_nothing_changes(match):
    with pytest.raises(ValidationError, match="4-4-3 has 11 outfield players") as refused:
        match_set_lineup(match=match, team=match.home_team, entries=places("Raya"), formation="4-4-3")
    assert refused.value.code == "formation"
    match.refresh_from_db()
    assert match.home_formation == "" and sheet(match, match.home_team) == []


def test_a_formation_can_change_after_kick_off_and_fans_are_sent_the_new_pitch(match):
    match_set_lineup(match=match, team=match.home_team, entries=places("Raya"), formation="4-3-3")
    match_change_status(match=match, status="first_half")
    match_set_formation(match=match, team=match.home_team, formation="3-5-2")
    match.refresh_from_db()
    update = match.updates.latest("seq")
    assert match.home_formation == "3-5-2"
    assert update.summary == "Formation: Arsenal 3-5-2" and "3-5-2" in update.message["lineups_html"]


def test_a_formation_for_a_team_not_in_the_match_is_refused(match):
    with pytest.raises(ValidationError, match="Everton is not playing"):
        match_set_formation(match=match, team=make_team("Everton"), formation="4-4-2")
