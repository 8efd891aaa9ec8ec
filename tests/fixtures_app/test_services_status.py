import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fixtures_app.models import Stage
from fixtures_app.services.events import match_record_event
from fixtures_app.services.results import match_record_result
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_stage, make_team, make_tie

pytestmark = pytest.mark.django_db
MINUTE = dt.timedelta(minutes=1)


def advance(match, *steps):
    """Plays the match through (status, minutes after kick-off) steps."""
    for status, minutes in steps:
        match_change_status(match=match, status=status, at=KICKOFF + minutes * MINUTE)
    match.refresh_from_db()
    return match


NINETY = [("first_half", 0), ("half_time", 47), ("second_half", 62)]


def test_kick_off_starts_the_clock_and_the_timeline():
    match = advance(make_match(), ("first_half", 0))
    assert match.status == "first_half"
    assert match.first_half_started_at == KICKOFF
    assert (match.home_score, match.away_score) == (0, 0)
    start = match.events.get()
    assert (start.kind, start.period, start.minute) == ("period_start", 1, 1)


def test_half_time_records_the_end_of_the_half_with_its_added_time():
    match = advance(make_match(), ("first_half", 0), ("half_time", 47))
    end = match.events.get(kind="period_end")
    assert (end.minute, end.added_minute) == (45, 3)
    assert (match.home_half_time_score, match.away_half_time_score) == (0, 0)


def test_a_match_cannot_skip_half_time():
    match = advance(make_match(), ("first_half", 0))
    with pytest.raises(ValidationError, match="can go to"):
        match_change_status(match=match, status="full_time", at=KICKOFF + 50 * MINUTE)
    match.refresh_from_db()
    assert match.status == "first_half"
    assert match.events.count() == 1


def test_unknown_status_is_refused():
    with pytest.raises(ValidationError, match="Unknown status"):
        match_change_status(match=make_match(), status="tea_break")


def test_a_league_match_ends_at_full_time_even_when_level():
    match = advance(make_match(), *NINETY, ("full_time", 110))
    assert match.status == "full_time"


def test_a_level_knockout_goes_to_extra_time_not_full_time():
    stage = make_stage(name="Final", kind=Stage.Kind.KNOCKOUT)
    match = advance(make_match(stage=stage), *NINETY)
    with pytest.raises(ValidationError):
        match_change_status(match=match, status="full_time", at=KICKOFF + 110 * MINUTE)
    match = advance(match, ("extra_time_break", 110), ("extra_first_half", 115))
    assert match.extra_first_half_started_at == KICKOFF + 115 * MINUTE


def test_a_shootout_decides_a_level_knockout():
    stage = make_stage(name="Final", kind=Stage.Kind.KNOCKOUT)
    match = make_match(stage=stage)
    home_kicker = add_to_lineup(match, match.home_team, "Kicker")[0]
    match = advance(
        match,
        *NINETY,
        ("extra_time_break", 110),
        ("extra_first_half", 115),
        ("extra_half_time", 131),
        ("extra_second_half", 133),
        ("penalties_break", 149),
        ("penalties", 152),
    )
    with pytest.raises(ValidationError):
        match_change_status(match=match, status="after_penalties", at=KICKOFF + 160 * MINUTE)
    match_record_event(
        match=match, kind="goal", minute=120, period=5, team=match.home_team, player=home_kicker
    )
    match = advance(match, ("after_penalties", 160))
    assert (match.home_penalties, match.away_penalties, match.home_score) == (1, 0, 0)
    assert (match.home_normal_time_score, match.away_normal_time_score) == (0, 0)


def test_second_leg_goes_to_full_time_when_the_aggregate_is_not_level():
    tie = make_tie()
    atalanta, liverpool = make_team("Atalanta"), make_team("Liverpool")
    first = make_match(
        liverpool, atalanta, stage=tie.stage, tie=tie, leg=1, kickoff=KICKOFF - dt.timedelta(days=7)
    )
    match_record_result(match=first, home_score=0, away_score=3)
    second = make_match(atalanta, liverpool, stage=tie.stage, tie=tie, leg=2)
    assert advance(second, *NINETY, ("full_time", 110)).status == "full_time"


def test_second_leg_level_on_aggregate_goes_to_extra_time():
    tie = make_tie()
    home, away = make_team("Roma"), make_team("Ajax")
    first = make_match(away, home, stage=tie.stage, tie=tie, leg=1, kickoff=KICKOFF - dt.timedelta(days=7))
    match_record_result(match=first, home_score=1, away_score=0)
    second = make_match(home, away, stage=tie.stage, tie=tie, leg=2)
    scorer = add_to_lineup(second, home, "Dybala")[0]
    advance(second, ("first_half", 0))
    match_record_event(match=second, kind="goal", minute=10, team=home, player=scorer)
    second = advance(second, ("half_time", 47), ("second_half", 62))
    with pytest.raises(ValidationError, match="level"):
        match_change_status(match=second, status="full_time", at=KICKOFF + 110 * MINUTE)
    assert advance(second, ("extra_time_break", 110)).status == "extra_time_break"


def test_a_suspended_match_resumes_in_the_period_it_stopped_in():
    match = advance(make_match(), *NINETY, ("suspended", 70))
    with pytest.raises(ValidationError):
        match_change_status(match=match, status="first_half", at=KICKOFF + 80 * MINUTE)
    assert advance(match, ("second_half", 80)).status == "second_half"


def test_an_abandoned_match_takes_no_more_changes():
    match = advance(make_match(), ("first_half", 0), ("abandoned", 20))
    with pytest.raises(ValidationError):
        match_change_status(match=match, status="half_time", at=KICKOFF + 47 * MINUTE)
    with pytest.raises(ValidationError, match="abandoned"):
        match_record_event(match=match, kind="commentary", minute=21, text="Fans leave")


def test_a_postponed_match_can_be_rescheduled():
    match = advance(make_match(), ("postponed", -60), ("scheduled", -30))
    assert match.status == "scheduled"


def test_half_time_entered_very_late_ends_the_half_at_the_most_added_time():
    match = advance(make_match(), ("first_half", 0), ("half_time", 120))
    end = match.events.get(kind="period_end")
    assert (end.minute, end.added_minute) == (45, 30)
