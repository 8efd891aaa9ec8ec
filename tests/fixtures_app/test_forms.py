import datetime as dt

import pytest
from django.utils import timezone

from fixtures_app.forms import CorrectionForm, DeleteForm, EventForm, StatusForm
from fixtures_app.models import MatchEvent
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_editor, make_match, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka", "Rice")
    add_to_lineup(match, match.home_team, "Trossard", starter=False)
    add_to_lineup(match, match.away_team, "Palmer", "Caicedo")
    match_change_status(match=match, status="first_half", at=timezone.now() - dt.timedelta(minutes=20))
    match.refresh_from_db()
    return match


def player(match, known_as):
    return match.lineup.get(player__known_as=known_as).player


def goal(match, known_as="Saka", **data):
    return {"kind": "goal", "minute": 12, "player": player(match, known_as).pk, **data}


def saved(form, by=None):
    assert form.is_valid(), form.errors
    return form.save(by=by)


def test_event_form_records_a_goal_and_takes_the_team_from_the_line_up(match):
    event = saved(EventForm(goal(match), match=match)).event
    match.refresh_from_db()
    assert (event.team, event.minute, event.goal_type) == (match.home_team, 12, "open_play")
    assert (match.home_score, match.away_score) == (1, 0)


def test_event_form_records_who_made_the_entry(match):
    editor = make_editor()
    event = saved(EventForm(goal(match), match=match), by=editor).event
    assert event.created_by == editor
    assert match.updates.get(event_id=event.pk).by == editor


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"minute": "abc"}, "minute", "Enter a whole number."),
        ({"minute": True}, "minute", "Enter a whole number."),
        ({"minute": 12.5}, "minute", "Enter a whole number."),
        ({"minute": 121}, "minute", "The minute is at most 120"),
        ({"added_minute": 31}, "added_minute", "less than or equal to 30"),
        ({"team": "abc"}, "team", "Choose one of the two teams in this match."),
        ({"team": True}, "team", "Choose one of the two teams in this match."),
        ({"player": [1]}, "player", "Choose a player from this match's line-ups."),
        ({"kind": "period_start"}, "kind", "periods start and end with the period controls"),
        ({"kind": "header"}, "kind", "Choose an event type"),
        ({"text": 12}, "text", "Enter text."),
        ({"text": "x" * 2001}, "text", "at most 2000 characters"),
        ({"detail": "x" * 61}, "detail", "at most 60 characters"),
        ({"goal_type": "bicycle"}, "goal_type", "Select a valid choice"),
        ({"reverses": 999_999}, "reverses", "There is no such event in this match."),
    ],
)
def test_event_form_refuses_bad_input_with_a_field_error(match, data, field, message):
    form = EventForm(goal(match, **data), match=match)
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


def test_event_form_refuses_a_player_of_the_other_team(match):
    form = EventForm(goal(match, "Palmer", team=match.home_team.pk), match=match)
    assert not form.is_valid()
    assert form.errors["player"] == ["Palmer is not in Arsenal's line-up for this match."]


def test_event_form_refuses_a_player_not_in_this_match(match):
    other = make_match()
    stranger = add_to_lineup(other, other.home_team, "Stranger")[0]
    form = EventForm({"kind": "goal", "minute": 3, "player": stranger.pk}, match=match)
    assert not form.is_valid()
    assert "player" in form.errors


def test_event_form_refuses_an_event_of_another_match_to_reverse(match):
    other = make_match()
    match_change_status(match=other, status="first_half", at=KICKOFF)
    elsewhere = match_record_event(match=other, kind="commentary", minute=2, text="Elsewhere.").event
    form = EventForm(
        {"kind": "var", "minute": 5, "var_decision": "goal_disallowed", "reverses": elsewhere.pk}, match=match
    )
    assert form.errors["reverses"] == ["There is no such event in this match."]


def test_service_refusal_becomes_a_form_error(match):
    form = EventForm({"kind": "commentary", "minute": 5, "text": ""}, match=match)
    assert form.is_valid()
    assert form.save(by=None) is None
    assert not form.is_valid()
    assert form.errors["__all__"] == ["Commentary needs some text."]


def test_same_client_key_twice_records_one_event(match):
    first = saved(EventForm(goal(match, client_key="k-1"), match=match))
    second = saved(EventForm(goal(match, client_key="k-1"), match=match))
    assert first.event == second.event and (first.repeated, second.repeated) == (False, True)
    assert first.seq == second.seq == first.match.seq
    assert match.events.filter(kind="goal").count() == 1


def test_event_form_passes_the_period_for_a_shoot_out_kick(match):
    form = EventForm(goal(match, period=5, minute=120), match=match)
    assert form.is_valid()
    assert form.cleaned_data["period"] == 5


def test_correction_changes_only_what_was_sent(match):
    event = saved(EventForm(goal(match, text="Near post."), match=match)).event
    corrected = saved(CorrectionForm({"expected_version": 1, "text": "Far post."}, event=event)).event
    assert (corrected.minute, corrected.text, corrected.player.known_as, corrected.version) == (
        12,
        "Far post.",
        "Saka",
        2,
    )


def test_correction_to_a_minute_of_the_second_half_moves_the_event_there(match):
    event = saved(EventForm(goal(match), match=match)).event
    match_change_status(match=match, status="half_time")
    match_change_status(match=match, status="second_half")
    corrected = saved(
        CorrectionForm({"expected_version": 1, "minute": 50, "added_minute": 0}, event=event)
    ).event
    assert (corrected.period, corrected.minute) == (2, 50)


def test_correction_keeps_the_player_in_the_events_team(match):
    event = saved(EventForm(goal(match), match=match)).event
    form = CorrectionForm({"expected_version": 1, "player": player(match, "Palmer").pk}, event=event)
    assert form.errors["player"] == ["Palmer is not in Arsenal's line-up for this match."]


def test_stale_correction_is_refused_with_a_clear_message(match):
    event = saved(EventForm(goal(match), match=match)).event
    saved(CorrectionForm({"expected_version": 1, "minute": 13}, event=event))
    form = CorrectionForm({"expected_version": 1, "minute": 14}, event=event)
    assert form.is_valid()
    form.save(by=None)
    assert form.has_error("__all__", "stale")
    assert "changed by someone else" in form.errors["__all__"][0]
    assert MatchEvent.objects.get(pk=event.pk).minute == 13


def test_correction_needs_the_version_it_corrects(match):
    event = saved(EventForm(goal(match), match=match)).event
    form = CorrectionForm({"minute": 14}, event=event)
    assert form.errors["expected_version"] == ["Say which version of the event you are correcting."]


def test_correction_refuses_an_empty_minute(match):
    event = saved(EventForm(goal(match), match=match)).event
    form = CorrectionForm({"expected_version": 1, "minute": ""}, event=event)
    assert form.errors["minute"] == ["Enter the minute."]


def test_delete_form_deletes_the_event_and_the_goal_no_longer_counts(match):
    event = saved(EventForm(goal(match), match=match)).event
    saved(DeleteForm({"client_key": "d-1"}, event=event))
    match.refresh_from_db()
    assert not MatchEvent.objects.filter(pk=event.pk).exists()
    assert match.home_score == 0


def test_status_form_moves_the_match_on(match):
    result = saved(StatusForm({"status": "half_time"}, match=match))
    assert result.match.status == "half_time"


def test_status_form_gives_the_services_refusal(match):
    form = StatusForm({"status": "full_time"}, match=match)
    form.is_valid()
    form.save(by=None)
    assert "A match in the first half can go to: half-time, suspended, abandoned" in form.errors["__all__"][0]


def test_status_form_refuses_an_unknown_status(match):
    form = StatusForm({"status": "tea_break"}, match=match)
    assert form.errors["status"] == ["There is no status 'tea_break'."]
