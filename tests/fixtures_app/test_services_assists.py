"""A goal's assist: recorded and corrected by the event services, refused where football has none."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from fixtures_app.models import MatchEvent, MatchUpdate, Stage
from fixtures_app.services.events import match_correct_event, match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_stage, make_team
from tests.pages import without_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    home, away = make_team("Arsenal"), make_team("Chelsea")
    match = make_match(home, away)
    add_to_lineup(match, home, "Saka", "Ødegaard", "Rice", "Gabriel")
    add_to_lineup(match, home, "Trossard", starter=False)
    add_to_lineup(match, away, "Palmer", "Caicedo")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


def player(match, known_as):
    return match.lineup.get(player__known_as=known_as).player


def goal(match, minute=12, scorer="Saka", assist="Ødegaard", team=None, **fields):
    return match_record_event(
        match=match,
        kind="goal",
        minute=minute,
        team=team or match.home_team,
        player=player(match, scorer),
        assist=player(match, assist) if assist else None,
        **fields,
    ).event


def correct(event, **changes):
    event.refresh_from_db()
    return match_correct_event(event=event, expected_version=event.version, **changes).event


def test_goal_records_who_set_it_up(match):
    event = goal(match)
    event.refresh_from_db()
    assert event.assist == player(match, "Ødegaard")
    assert MatchUpdate.objects.get(event_id=event.pk).summary == "Recorded 12' Goal Saka (assist: Ødegaard)"


def test_penalty_may_credit_the_player_who_won_it(match):
    event = goal(match, goal_type="penalty", assist="Rice")
    event.refresh_from_db()
    assert event.assist == player(match, "Rice")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"goal_type": "own_goal"}, "An own goal has no assist."),
        ({"assist": "Saka"}, "Saka scored this goal: the assist is another player's."),
        ({"assist": "Palmer"}, "Palmer is not in Arsenal's squad for this match."),
    ],
)
def test_assist_football_does_not_allow_is_refused_and_nothing_is_recorded(match, fields, message):
    with pytest.raises(ValidationError) as refused:
        goal(match, **fields)
    assert refused.value.messages == [message]
    assert not MatchEvent.objects.filter(match=match, kind__in=["goal", "yellow"]).exists()


def test_only_a_goal_has_an_assist(match):
    with pytest.raises(ValidationError) as refused:
        match_record_event(
            match=match,
            kind="yellow",
            minute=20,
            team=match.home_team,
            player=player(match, "Saka"),
            assist=player(match, "Rice"),
        )
    assert refused.value.messages == ["Only a goal has an assist."]
    assert not MatchEvent.objects.filter(match=match, kind__in=["goal", "yellow"]).exists()


def test_player_sent_off_cannot_set_up_a_later_goal(match):
    match_record_event(match=match, kind="red", minute=5, team=match.home_team, player=player(match, "Rice"))
    with pytest.raises(ValidationError, match="Rice was sent off at 5' and cannot set up a goal at 12'."):
        goal(match, assist="Rice")
    assert not MatchEvent.objects.filter(kind="goal").exists()


def test_correction_adds_an_assist_to_a_goal_recorded_without_one(match):
    event = goal(match, assist=None)
    corrected = correct(event, assist=player(match, "Rice"))
    corrected.refresh_from_db()
    assert corrected.assist == player(match, "Rice")
    assert MatchUpdate.objects.get(kind="event_corrected").summary == (
        "Corrected 12' Goal Saka → 12' Goal Saka (assist: Rice)"
    )


def test_correction_changes_and_removes_the_assist(match):
    event = goal(match)
    correct(event, assist=player(match, "Gabriel"))
    event.refresh_from_db()
    assert event.assist == player(match, "Gabriel")
    correct(event, assist=None)
    event.refresh_from_db()
    assert event.assist is None


def test_correction_making_the_assist_the_scorer_is_refused(match):
    event = goal(match)
    with pytest.raises(ValidationError, match="Ødegaard scored this goal: the assist is another player's."):
        correct(event, player=player(match, "Ødegaard"))
    event.refresh_from_db()
    assert (event.player.known_as, event.assist.known_as, event.version) == ("Saka", "Ødegaard", 1)


def test_correction_turning_a_goal_with_an_assist_into_an_own_goal_must_drop_the_assist(match):
    event = goal(match)
    with pytest.raises(ValidationError, match="An own goal has no assist."):
        correct(event, goal_type="own_goal")
    corrected = correct(event, goal_type="own_goal", assist=None)
    assert (corrected.goal_type, corrected.assist) == ("own_goal", None)
    match.refresh_from_db()
    assert (match.home_score, match.away_score) == (0, 1)


def test_correction_that_only_changes_the_assist_tells_fans_the_new_line(match):
    event = goal(match)
    correct(event, assist=player(match, "Rice"))
    message = MatchUpdate.objects.get(kind="event_corrected").message
    assert message["event_id"] == event.pk
    assert "(Arsenal) scores, assisted by Rice.</p>" in without_links(message["entries"][str(event.pk)])


def test_red_card_moved_before_a_goal_the_player_set_up_is_refused(match):
    goal(match, minute=12, assist="Rice")
    red = match_record_event(
        match=match, kind="red", minute=30, team=match.home_team, player=player(match, "Rice")
    ).event
    with pytest.raises(ValidationError, match="Rice was sent off at 5' and cannot set up a goal at 12'."):
        correct(red, minute=5)
    red.refresh_from_db()
    assert (red.minute, red.version) == (30, 1)


def test_a_kick_in_the_shootout_has_no_assist():
    match = make_match(stage=make_stage(name="Final", kind=Stage.Kind.KNOCKOUT))
    taker, team_mate = add_to_lineup(match, match.home_team, "Saka", "Rice")
    steps = [
        ("first_half", 0),
        ("half_time", 47),
        ("second_half", 62),
        ("extra_time_break", 110),
        ("extra_first_half", 115),
        ("extra_half_time", 131),
        ("extra_second_half", 133),
        ("penalties_break", 149),
        ("penalties", 152),
    ]
    for status, minutes in steps:
        match_change_status(match=match, status=status, at=KICKOFF + dt.timedelta(minutes=minutes))
    match.refresh_from_db()
    with pytest.raises(ValidationError, match="A kick in the penalty shoot-out has no assist."):
        match_record_event(
            match=match,
            kind="goal",
            minute=120,
            period=5,
            team=match.home_team,
            player=taker,
            goal_type="penalty",
            assist=team_mate,
        )
    assert not match.events.filter(kind="goal").exists()
