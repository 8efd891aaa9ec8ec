"""The console's assist picker: offered for goals and penalties, saved, corrected, refused as the
service refuses it."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fixtures_app.models import MatchEvent
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_editor, make_match, make_team
from tests.fixtures_app.test_views_console import JSON, player_id, url
from tests.pages import without_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka", "Ødegaard", "Rice")
    add_to_lineup(match, match.home_team, "Trossard", starter=False)
    add_to_lineup(match, match.away_team, "Palmer", "Caicedo")
    match_change_status(match=match, status="first_half", at=timezone.now() - dt.timedelta(minutes=20))
    match.refresh_from_db()
    return match


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def goal(match, scorer="Saka", assist="Ødegaard", **data):
    return {
        "kind": "goal",
        "minute": 12,
        "player": player_id(match, scorer),
        "assist": player_id(match, assist) if assist else "",
        **data,
    }


def record(client, match, data, **headers):
    return client.post(url("console-record", match.pk), data, **headers)


def panel(content: str, key: str) -> str:
    return re.search(rf'<form[^>]*id="{key}".*?</form>', content, re.S).group(0)


def assist_picker(form: str) -> str | None:
    found = re.search(r'<select name="assist".*?</select>', form, re.S)
    return found.group(0) if found else None


def test_goal_and_penalty_panels_offer_an_optional_assist_of_players_on_the_pitch(client, editor, match):
    content = client.get(url("console-match", match.pk)).content.decode()
    for key in ("entry-goal", "entry-penalty_goal"):
        picker = assist_picker(panel(content, key))
        assert picker is not None, key
        assert "required" not in picker.split(">")[0]
        assert re.search(r'<option value="">No assist</option>', picker)
        assert not re.search(r"<option[^>]* selected", picker)
        assert "Ødegaard" in picker and "Palmer" in picker and "Trossard" not in picker
    assert assist_picker(panel(content, "entry-own_goal")) is None
    assert assist_picker(panel(content, "entry-yellow")) is None


def test_goal_with_an_assist_is_recorded_and_the_console_tells_it(client, editor, match):
    response = record(client, match, goal(match), **JSON)
    assert response.json()["message"] == "Recorded 12' Goal Saka (assist: Ødegaard)"
    event = MatchEvent.objects.get(kind="goal")
    assert event.assist_id == player_id(match, "Ødegaard")
    content = client.get(url("console-match", match.pk)).content.decode()
    assert "Saka (Arsenal) scores, assisted by Ødegaard." in content
    fans_page = client.get(match.get_absolute_url()).content.decode()
    assert "(Arsenal) scores, assisted by Ødegaard.</p>" in without_links(fans_page)


def test_goal_left_without_an_assist_has_none(client, editor, match):
    assert record(client, match, goal(match, assist=None), **JSON).json()["ok"]
    assert MatchEvent.objects.get(kind="goal").assist is None


def test_own_goal_with_an_assist_is_refused_in_the_shared_shape(client, editor, match):
    data = goal(match, scorer="Caicedo", assist="Palmer", goal_type="own_goal")
    response = record(client, match, data, **JSON)
    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "code": "invalid",
        "message": "An own goal has no assist.",
        "errors": {"__all__": ["An own goal has no assist."]},
    }
    assert not MatchEvent.objects.filter(kind="goal").exists()


def test_assist_refused_without_javascript_comes_back_as_the_message(client, editor, match):
    response = record(client, match, goal(match, assist="Palmer"), follow=True)
    assert "Palmer is not in Arsenal&#x27;s squad for this match." in response.content.decode()
    assert not MatchEvent.objects.filter(kind="goal").exists()


def test_assist_from_another_match_is_a_field_error(client, editor, match):
    elsewhere = make_match()
    stranger = add_to_lineup(elsewhere, elsewhere.home_team, "Stranger")[0]
    response = record(client, match, {**goal(match), "assist": stranger.pk}, **JSON)
    assert response.json()["message"] == "Assist: Choose the assist from this match's line-ups."
    assert response.json()["errors"] == {"assist": ["Choose the assist from this match's line-ups."]}


def test_correction_row_shows_the_assist_and_removing_it_takes_it_off(client, editor, match):
    event_id = record(client, match, goal(match), **JSON).json()["event_id"]
    content = client.get(url("console-match", match.pk), {"correct": event_id}).content.decode()
    picker = assist_picker(panel(content, f"correct-{event_id}"))
    assert re.search(rf'<option value="{player_id(match, "Ødegaard")}"[^>]* selected>', picker)
    assert "Palmer" not in picker
    data = {"expected_version": 1, "minute": 12, "player": player_id(match, "Saka"), "assist": "", "text": ""}
    assert client.post(url("console-correct", event_id), data, **JSON).json()["ok"]
    event = MatchEvent.objects.get(pk=event_id)
    assert (event.assist, event.version) == (None, 2)


def test_correction_adds_an_assist_from_the_row(client, editor, match):
    event_id = record(client, match, goal(match, assist=None), **JSON).json()["event_id"]
    data = {"expected_version": 1, "minute": 12, "assist": player_id(match, "Rice")}
    answer = client.post(url("console-correct", event_id), data, **JSON).json()
    assert answer["message"] == "Corrected 12' Goal Saka → 12' Goal Saka (assist: Rice)"
    assert MatchEvent.objects.get(pk=event_id).assist_id == player_id(match, "Rice")


def test_own_goal_correction_row_has_no_assist_picker(client, editor, match):
    data = goal(match, scorer="Caicedo", assist=None, goal_type="own_goal")
    event_id = record(client, match, data, **JSON).json()["event_id"]
    content = client.get(url("console-match", match.pk), {"correct": event_id}).content.decode()
    assert assist_picker(panel(content, f"correct-{event_id}")) is None


def test_console_page_query_count_does_not_grow_with_assisted_goals(client, editor, match):
    saka, rice = (match.lineup.get(player__known_as=name).player for name in ("Saka", "Rice"))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("console-match", match.pk)).status_code == 200
        return len(captured)

    match_record_event(match=match, kind="goal", minute=1, team=match.home_team, player=saka, assist=rice)
    few = queries()
    for minute in range(2, 6):
        match_record_event(
            match=match, kind="goal", minute=minute, team=match.home_team, player=saka, assist=rice
        )
    assert queries() == few
