import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fixtures_app.models import MatchEvent
from fixtures_app.services.events import match_correct_event, match_delete_event, match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    home, away = make_team("Atalanta"), make_team("Liverpool")
    match = make_match(home, away)
    add_to_lineup(match, home, "Hien", "Koopmeiners", "Ruggeri", "Zappacosta")
    add_to_lineup(match, home, "Lookman", starter=False)
    add_to_lineup(match, away, "Salah", "Van Dijk")
    add_to_lineup(match, away, "Núñez", starter=False)
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


def player(match, known_as):
    return match.lineup.get(player__known_as=known_as).player


def record(match, kind, minute, team, who=None, **fields):
    return match_record_event(
        match=match, kind=kind, minute=minute, team=team, player=player(match, who) if who else None, **fields
    ).event


def score(match):
    match.refresh_from_db()
    return match.home_score, match.away_score


def test_penalty_goal_changes_the_score(match):
    record(match, "goal", 7, match.away_team, "Salah", goal_type="penalty")
    assert score(match) == (0, 1)


def test_own_goal_counts_for_the_other_side(match):
    record(match, "goal", 30, match.home_team, "Ruggeri", goal_type="own_goal")
    assert score(match) == (0, 1)


def test_goal_disallowed_by_var_no_longer_counts(match):
    goal = record(match, "goal", 41, match.home_team, "Koopmeiners")
    assert score(match) == (1, 0)
    match_record_event(match=match, kind="var", minute=41, var_decision="goal_disallowed", reverses=goal)
    assert score(match) == (0, 0)


def test_second_booking_of_a_player_is_a_second_yellow(match):
    record(match, "yellow", 20, match.home_team, "Hien")
    second = record(match, "yellow", 40, match.home_team, "Hien")
    assert second.kind == "second_yellow"


def test_same_booking_twice_in_a_minute_is_refused_as_a_duplicate(match):
    record(match, "yellow", 44, match.home_team, "Zappacosta")
    with pytest.raises(ValidationError, match="already booked at 44'"):
        record(match, "yellow", 44, match.home_team, "Zappacosta")
    assert match.events.filter(kind__in=["yellow", "second_yellow"]).count() == 1


def test_sent_off_player_cannot_score(match):
    record(match, "red", 10, match.home_team, "Hien")
    with pytest.raises(ValidationError, match="sent off"):
        record(match, "goal", 20, match.home_team, "Hien")
    assert score(match) == (0, 0)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "goal", "minute": 60}, "second half has not started"),
        ({"kind": "goal", "minute": 30, "added_minute": 2}, "Added time follows only the end of a period"),
        ({"kind": "goal", "minute": -1}, "whole number"),
        ({"kind": "wonder_strike", "minute": 30}, "Unknown event type"),
        ({"kind": "goal", "minute": 30, "goal_type": "bicycle"}, "Unknown goal type"),
        ({"kind": "commentary", "minute": 30, "team": None, "who": None}, "needs some text"),
        ({"kind": "substitution", "minute": 30, "who": "Salah"}, "coming on"),
        ({"kind": "yellow", "minute": 30, "goal_type": "penalty"}, "Only a goal"),
        ({"kind": "period_start", "minute": 30}, "period controls"),
    ],
)
def test_bad_event_is_refused_with_a_clear_message_and_changes_nothing(match, fields, message):
    fields = {"team": match.away_team, "who": "Salah", **fields}
    before = (match.events.count(), score(match))
    with pytest.raises(ValidationError, match=message):
        record(
            match, fields.pop("kind"), fields.pop("minute"), fields.pop("team"), fields.pop("who"), **fields
        )
    assert (match.events.count(), score(match)) == before


def test_player_not_in_the_match_squad_is_refused(match):
    outsider = add_to_lineup(make_match(), make_team(), "Stranger")[0]
    with pytest.raises(ValidationError, match="not in Liverpool's squad"):
        match_record_event(match=match, kind="goal", minute=5, team=match.away_team, player=outsider)
    assert score(match) == (0, 0)


def test_team_not_in_the_match_is_refused(match):
    with pytest.raises(ValidationError, match="is not playing"):
        match_record_event(match=match, kind="commentary", minute=5, team=make_team("Ajax"), text="Hello")


def test_event_before_kick_off_is_refused():
    match = make_match()
    with pytest.raises(ValidationError, match="has not kicked off"):
        match_record_event(match=match, kind="commentary", minute=1, text="Teams are out")
    assert match.events.count() == 0


def test_substitute_comes_on_once_and_only_from_the_bench(match):
    record(match, "substitution", 30, match.away_team, "Salah", player_in=player(match, "Núñez"))
    with pytest.raises(ValidationError, match="already come on"):
        record(match, "substitution", 35, match.away_team, "Van Dijk", player_in=player(match, "Núñez"))
    with pytest.raises(ValidationError, match="not on Atalanta's bench"):
        record(match, "substitution", 35, match.home_team, "Hien", player_in=player(match, "Ruggeri"))


def test_correction_moves_a_goal_and_keeps_the_score(match):
    goal = record(match, "goal", 7, match.away_team, "Salah", goal_type="penalty")
    corrected = match_correct_event(event=goal, expected_version=goal.version, minute=8).event
    assert (corrected.minute, corrected.version) == (8, 2)
    assert score(match) == (0, 1)


def test_correction_from_a_stale_version_is_refused(match):
    goal = record(match, "goal", 7, match.away_team, "Salah")
    match_correct_event(event=goal, expected_version=1, minute=8)
    with pytest.raises(ValidationError, match="changed by someone else"):
        match_correct_event(event=goal, expected_version=1, minute=9)
    assert MatchEvent.objects.get(pk=goal.pk).minute == 8


def test_correction_to_an_impossible_minute_changes_nothing(match):
    goal = record(match, "goal", 7, match.away_team, "Salah")
    with pytest.raises(ValidationError):
        match_correct_event(event=goal, expected_version=1, minute=77)
    goal.refresh_from_db()
    assert (goal.minute, goal.version) == (7, 1)


def test_correction_of_an_unknown_field_is_refused(match):
    goal = record(match, "goal", 7, match.away_team, "Salah")
    with pytest.raises(ValidationError, match="cannot be corrected: match"):
        match_correct_event(event=goal, expected_version=1, match=None)


def test_deleting_a_goal_takes_it_off_the_score(match):
    goal = record(match, "goal", 7, match.away_team, "Salah")
    match_delete_event(event=goal)
    assert score(match) == (0, 0)
    assert not MatchEvent.objects.filter(pk=goal.pk).exists()


def test_deleting_a_goal_removes_the_var_decision_on_it(match):
    goal = record(match, "goal", 41, match.home_team, "Koopmeiners")
    match_record_event(match=match, kind="var", minute=41, var_decision="goal_disallowed", reverses=goal)
    match_delete_event(event=goal)
    assert not match.events.filter(kind="var").exists()


def test_every_change_raises_the_match_version(match):
    before = match.version
    record(match, "commentary", 2, None, text="Underway in Bergamo")
    match.refresh_from_db()
    assert match.version == before + 1


def test_event_records_who_entered_it(match, django_user_model):
    editor = django_user_model.objects.create_user("ed", password="x")
    event = match_record_event(
        match=match, kind="commentary", minute=3, text="Early pressure", by=editor
    ).event
    assert event.created_by == editor
    assert event.created_at.date() >= dt.date(2024, 1, 1)


def test_a_red_card_moved_before_the_same_players_goal_is_refused_and_nothing_changes(match):
    record(match, "goal", 30, match.away_team, "Salah")
    red = record(match, "red", 40, match.away_team, "Salah")
    match.refresh_from_db()
    seq = match.seq
    with pytest.raises(ValidationError, match="Salah was sent off at 20' and cannot score at 30'"):
        match_correct_event(event=red, expected_version=red.version, minute=20)
    red.refresh_from_db()
    match.refresh_from_db()
    assert (red.minute, red.version, match.seq) == (40, 1, seq)
    assert score(match) == (0, 1)


def test_deleting_the_first_yellow_of_a_second_yellow_is_refused(match):
    first = record(match, "yellow", 20, match.home_team, "Hien")
    second = record(match, "yellow", 40, match.home_team, "Hien")
    assert second.kind == "second_yellow"
    with pytest.raises(ValidationError, match="Hien's second yellow at 40' needs a yellow card before it"):
        match_delete_event(event=first)
    assert MatchEvent.objects.filter(pk=first.pk).exists()
    match_delete_event(event=second)  # in the other order both go
    match_delete_event(event=first)
    assert not MatchEvent.objects.filter(match=match, kind__in=["yellow", "second_yellow"]).exists()
