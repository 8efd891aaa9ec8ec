"""A goal's assist through the JSON API: written, read back, corrected, and refused as the console
refuses it."""

import pytest

from fixtures_app.models import MatchEvent
from tests.feeds.api_helpers import call, editor_key, live_match, player_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    return live_match()


@pytest.fixture
def key():
    return editor_key()[1]


def goal(match, **fields):
    return {"kind": "goal", "minute": 12, "player": player_id(match, "Saka"), **fields}


def record(client, match, body, key):
    return call(client, "POST", f"/matches/{match.pk}/events", body, key=key)


def events(client, match) -> list[dict]:
    return call(client, "GET", f"/matches/{match.pk}/events").json()


def test_goal_with_an_assist_is_written_and_read_back(client, match, key):
    rice = player_id(match, "Rice")
    response = record(client, match, goal(match, assist=rice), key)
    assert response.status_code == 201
    assert response.json()["event"]["assist"] == rice
    assert response.json()["summary"] == "Recorded 12' Goal Saka (assist: Rice)"
    [read] = [event for event in events(client, match) if event["kind"] == "goal"]
    assert read["assist"] == rice


def test_an_event_without_an_assist_reads_null(client, match, key):
    record(client, match, goal(match), key)
    assert [event["assist"] for event in events(client, match) if event["kind"] == "goal"] == [None]


def test_correction_changes_then_removes_the_assist(client, match, key):
    event = record(client, match, goal(match, assist=player_id(match, "Rice")), key).json()["event"]
    havertz = player_id(match, "Havertz")
    changed = call(
        client, "PATCH", f"/events/{event['id']}", {"expected_version": 1, "assist": havertz}, key=key
    )
    assert changed.status_code == 200 and changed.json()["event"]["assist"] == havertz
    removed = call(
        client, "PATCH", f"/events/{event['id']}", {"expected_version": 2, "assist": None}, key=key
    )
    assert removed.status_code == 200 and removed.json()["event"]["assist"] is None
    assert MatchEvent.objects.get(pk=event["id"]).assist is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"assist": "Palmer"}, "Palmer is not in Arsenal's squad for this match."),
        ({"assist": "Saka"}, "Saka scored this goal: the assist is another player's."),
        ({"assist": "Rice", "goal_type": "own_goal"}, "An own goal has no assist."),
    ],
)
def test_assist_the_rules_refuse_is_a_400_in_the_shared_shape(client, match, key, fields, message):
    body = goal(match, **{**fields, "assist": player_id(match, fields["assist"])})
    response = record(client, match, body, key)
    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "code": "invalid",
        "message": message,
        "errors": {"__all__": [message]},
    }
    assert not MatchEvent.objects.filter(kind="goal").exists()


def test_assist_on_a_card_is_refused(client, match, key):
    body = {
        "kind": "yellow",
        "minute": 12,
        "player": player_id(match, "Saka"),
        "assist": player_id(match, "Rice"),
    }
    response = record(client, match, body, key)
    assert response.status_code == 400
    assert response.json()["message"] == "Only a goal has an assist."


def test_assist_that_is_not_an_id_is_refused_by_the_schema(client, match, key):
    response = record(client, match, goal(match, assist="Rice"), key)
    assert response.status_code == 400
    assert "assist" in response.json()["errors"]
