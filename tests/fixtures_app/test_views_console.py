import datetime as dt
import html
import json
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fixtures_app.models import MatchEvent
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_editor, make_match, make_team

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def match():
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka", "Rice", "Havertz")
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


def url(name, pk):
    return reverse(f"fixtures_app:{name}", kwargs={"pk": pk})


def player_id(match, known_as):
    return match.lineup.get(player__known_as=known_as).player_id


def goal(match, known_as="Saka", **data):
    return {"kind": "goal", "minute": 12, "player": player_id(match, known_as), **data}


def text_of(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def score(match):
    match.refresh_from_db()
    return match.home_score, match.away_score


def record(client, match, data, **headers):
    return client.post(url("console-record", match.pk), data, **headers)


def test_anonymous_visitor_is_sent_to_sign_in(client, match):
    for response in (client.get(reverse("fixtures_app:console")), record(client, match, goal(match))):
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/?next=/console/")
    assert not match.events.filter(kind="goal").exists()


def test_signed_in_fan_is_refused_everything_and_nothing_changes(client, match):
    client.force_login(User.objects.create_user("fan", password="pass-for-tests-only"))
    event = match_record_event(
        match=match,
        kind="goal",
        minute=5,
        team=match.home_team,
        player=match.lineup.get(player__known_as="Rice").player,
    ).event
    gets = [
        reverse("fixtures_app:console"),
        url("console-match", match.pk),
        url("console-fragment", match.pk),
    ]
    posts = [
        (url("console-record", match.pk), goal(match)),
        (url("console-status", match.pk), {"status": "half_time"}),
        (url("console-correct", event.pk), {"expected_version": 1, "minute": 6}),
        (url("console-delete", event.pk), {}),
    ]
    for path in gets:
        assert client.get(path).status_code == 403
    for path, data in posts:
        assert client.post(path, data).status_code == 403
        assert client.post(path, data, **JSON).json()["code"] == "forbidden"
    match.refresh_from_db()
    assert match.status == "first_half"
    assert list(match.events.filter(kind="goal").values_list("minute", flat=True)) == [5]


def test_user_with_the_permission_may_use_the_console(client, match):
    user = User.objects.create_user("deputy", password="pass-for-tests-only")
    user.user_permissions.add(Permission.objects.get(codename="add_matchevent"))
    client.force_login(user)
    assert client.get(url("console-match", match.pk)).status_code == 200


def test_forbidden_page_says_who_is_signed_in(client, match):
    client.force_login(User.objects.create_user("fan", password="pass-for-tests-only"))
    assert "signed in as fan" in text_of(client.get(url("console-match", match.pk)))


def test_console_index_links_to_the_live_match(client, editor, match):
    response = client.get(reverse("fixtures_app:console"))
    assert url("console-match", match.pk) in response.content.decode()
    assert "Arsenal 0 – 0 Chelsea" in text_of(response)


def test_goal_posted_without_javascript_redirects_back_with_a_message(client, editor, match):
    response = record(client, match, goal(match, client_key="key-1"), follow=True)
    assert response.redirect_chain == [(url("console-match", match.pk), 302)]
    assert "Recorded 12' Goal Saka" in text_of(response)
    assert score(match) == (1, 0)


def test_goal_posted_as_json_answers_ok_and_the_sequence_number(client, editor, match):
    response = record(client, match, goal(match, client_key="key-1"), **JSON)
    match.refresh_from_db()
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "seq": match.seq,
        "event_id": match.events.get(kind="goal").pk,
        "message": "Recorded 12' Goal Saka",
        "delivery": "ok",
    }
    assert score(match) == (1, 0)


def test_json_body_is_accepted_like_a_form(client, editor, match):
    response = client.post(
        url("console-record", match.pk), json.dumps(goal(match)), content_type="application/json", **JSON
    )
    assert response.json()["ok"] is True
    assert score(match) == (1, 0)


def test_double_submission_with_the_same_key_records_one_event(client, editor, match):
    first = record(client, match, goal(match, client_key="same"), **JSON).json()
    second = record(client, match, goal(match, client_key="same"), **JSON).json()
    assert first == second
    assert match.events.filter(kind="goal").count() == 1
    assert score(match) == (1, 0)


def test_stale_correction_is_refused_with_409_and_nothing_changes(client, editor, match):
    event_id = record(client, match, goal(match), **JSON).json()["event_id"]
    assert client.post(
        url("console-correct", event_id), {"expected_version": 1, "minute": 13}, **JSON
    ).json()["ok"]
    response = client.post(url("console-correct", event_id), {"expected_version": 1, "minute": 20}, **JSON)
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale"
    assert "changed by someone else since you opened it" in body["message"]
    assert MatchEvent.objects.get(pk=event_id).minute == 13


def test_correction_without_javascript_redirects_with_the_services_message(client, editor, match):
    event_id = record(client, match, goal(match), **JSON).json()["event_id"]
    response = client.post(
        url("console-correct", event_id), {"expected_version": 9, "minute": 20}, follow=True
    )
    assert "changed by someone else" in text_of(response)


def test_correction_changes_the_event_and_its_version(client, editor, match):
    event_id = record(client, match, goal(match), **JSON).json()["event_id"]
    data = {
        "expected_version": 1,
        "minute": 14,
        "added_minute": 0,
        "player": player_id(match, "Havertz"),
        "text": "",
    }
    assert client.post(url("console-correct", event_id), data, **JSON).json()["ok"]
    event = MatchEvent.objects.get(pk=event_id)
    assert (event.minute, event.player.known_as, event.version) == (14, "Havertz", 2)


def test_delete_removes_the_event_and_a_retry_is_answered_the_same(client, editor, match):
    event_id = record(client, match, goal(match), **JSON).json()["event_id"]
    first = client.post(url("console-delete", event_id), {"client_key": "del-1"}, **JSON)
    retry = client.post(url("console-delete", event_id), {"client_key": "del-1"}, **JSON)
    assert first.json()["ok"] and retry.json() == first.json()
    assert not MatchEvent.objects.filter(pk=event_id).exists()
    assert score(match) == (0, 0)


def test_deleting_an_event_someone_else_deleted_says_so(client, editor, match):
    event_id = record(client, match, goal(match), **JSON).json()["event_id"]
    client.post(url("console-delete", event_id), {"client_key": "theirs"}, **JSON)
    response = client.post(url("console-delete", event_id), {"client_key": "mine"}, **JSON)
    assert response.status_code == 409
    assert response.json()["message"] == "This event no longer exists: another editor may have deleted it."


def test_var_reversal_disallows_the_goal(client, editor, match):
    event_id = record(client, match, goal(match), **JSON).json()["event_id"]
    data = {"kind": "var", "var_decision": "goal_disallowed", "reverses": event_id, "minute": 13}
    assert record(client, match, data, **JSON).json()["ok"]
    assert score(match) == (0, 0)


def test_status_buttons_move_the_match_through_its_periods(client, editor, match):
    for status in ("half_time", "second_half"):
        response = client.post(
            url("console-status", match.pk), {"status": status, "client_key": status}, **JSON
        )
        assert (
            response.json()["message"] == f"Status: {'Half-time' if status == 'half_time' else 'Second half'}"
        )
    match.refresh_from_db()
    assert match.status == "second_half"


def test_refused_status_change_gives_the_services_message(client, editor, match):
    response = client.post(url("console-status", match.pk), {"status": "full_time"}, **JSON)
    assert response.status_code == 400
    assert (
        "A match in the first half can go to: half-time, suspended, abandoned" in response.json()["message"]
    )
    response = client.post(url("console-status", match.pk), {"status": "full_time"}, follow=True)
    assert "A match in the first half can go to" in text_of(response)
    match.refresh_from_db()
    assert match.status == "first_half"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"minute": "abc"}, "minute"),
        ({"minute": ""}, "minute"),
        ({"team": "Arsenal"}, "team"),
        ({"reverses": 999_999}, "reverses"),
        ({"kind": "period_end"}, "kind"),
    ],
)
def test_bad_input_is_refused_with_field_errors_and_nothing_changes(client, editor, match, data, field):
    seq = match.seq
    response = record(client, match, goal(match, **data), **JSON)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and field in body["errors"]
    assert body["message"]
    match.refresh_from_db()
    assert match.seq == seq and not match.events.filter(kind="goal").exists()


def test_player_of_the_other_team_is_refused_on_the_player_field(client, editor, match):
    response = record(client, match, goal(match, "Palmer", team=match.home_team.pk), **JSON)
    assert response.status_code == 400
    assert response.json()["errors"] == {"player": ["Palmer is not in Arsenal's line-up for this match."]}
    assert response.json()["message"] == "Player: Palmer is not in Arsenal's line-up for this match."


def test_wrong_json_types_are_field_errors(client, editor, match):
    body = json.dumps({"kind": "goal", "minute": True, "player": [1], "text": 5})
    response = client.post(url("console-record", match.pk), body, content_type="application/json", **JSON)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"minute", "player", "text"}


def test_json_that_is_not_an_object_is_refused(client, editor, match):
    response = client.post(url("console-record", match.pk), "[1, 2]", content_type="application/json", **JSON)
    assert response.status_code == 400
    assert response.json()["message"] == "Send a JSON object."


def test_unknown_event_to_correct_is_not_found_as_gone(client, editor, match):
    response = client.post(url("console-correct", 999_999), {"expected_version": 1}, **JSON)
    assert response.status_code == 409
    assert response.json()["code"] == "gone"


def test_console_page_has_the_hooks_the_editor_uses(client, editor, match):
    record(client, match, goal(match), **JSON)
    content = client.get(url("console-match", match.pk)).content.decode()
    for kind in (
        "goal",
        "penalty_goal",
        "own_goal",
        "missed_penalty",
        "yellow",
        "red",
        "substitution",
        "var",
        "commentary",
    ):
        assert f'data-kind="{kind}"' in content
    assert 'data-status="half_time"' in content
    assert re.search(r'data-event-id="\d+"', content)
    assert ">Correct</button>" in content and ">Delete</button>" in content
    assert "VAR: Goal disallowed</button>" in content


def test_console_page_prefills_the_live_minute(client, editor, match):
    content = client.get(url("console-match", match.pk)).content.decode()
    assert re.search(r'name="minute"[^>]*value="21"', content)


def test_substitution_pickers_offer_players_on_the_pitch_and_on_the_bench(client, editor, match):
    content = client.get(url("console-match", match.pk), {"entry": "substitution"}).content.decode()
    form = re.search(r'<form[^>]*id="entry-substitution".*?</form>', content, re.S).group(0)
    going_off, coming_on = re.findall(r"<select.*?</select>", form, re.S)
    assert "Saka" in going_off and "Trossard" not in going_off
    assert "Trossard" in coming_on and "Saka" not in coming_on


def test_audit_trail_shows_who_did_what(client, editor, match):
    record(client, match, goal(match), **JSON)
    text = text_of(client.get(url("console-match", match.pk)))
    assert re.search(r"Audit trail .*\d+ \d+ \w+ \d\d:\d\d:\d\d editor Recorded 12' Goal Saka", text)


def test_fragment_has_the_parts_a_live_page_swaps(client, editor, match):
    record(client, match, goal(match), **JSON)
    content = client.get(url("console-fragment", match.pk)).content.decode()
    for part in ("console-state", "console-status", "console-events", "console-audit", "console-pickers"):
        assert f'id="{part}"' in content
    assert "Recorded 12&#x27; Goal Saka" in content


def test_console_page_query_count_does_not_grow_with_the_events(client, editor, match):
    saka = match.lineup.get(player__known_as="Saka").player

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("console-match", match.pk)).status_code == 200
        return len(captured)

    match_record_event(match=match, kind="goal", minute=1, team=match.home_team, player=saka)
    few = queries()
    for minute in range(2, 12):
        match_record_event(match=match, kind="commentary", minute=minute, text=f"Minute {minute}.")
    match_record_event(match=match, kind="yellow", minute=15, team=match.home_team, player=saka)
    assert queries() == few


def test_unknown_match_is_not_found(client, editor):
    assert client.get(url("console-match", 999_999)).status_code == 404
    response = client.post(url("console-record", 999_999), {"kind": "goal"}, **JSON)
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_editor_signs_in_on_the_sign_in_page_and_lands_on_the_console(client, db):
    from tests.factories import make_editor

    make_editor("desk")
    response = client.post(
        "/accounts/login/", {"username": "desk", "password": "pass-for-tests-only", "next": "/console/"}
    )
    assert (response.status_code, response.url) == (302, "/console/")
    assert client.get("/console/").status_code == 200
