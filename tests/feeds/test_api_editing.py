"""Editors' writes through the JSON API change the match exactly as the console does, and a
retried write counts once."""

import pytest

from feeds.errors import MAX_BODY_BYTES
from fixtures_app.models import MatchEvent, MatchStat, MatchUpdate
from fixtures_app.services.events import match_delete_event, match_record_event
from tests.feeds.api_helpers import call, editor_key, live_match, player_id, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    return live_match()


@pytest.fixture
def feed():
    return editor_key()


def goal(match, **fields):
    return {"kind": "goal", "minute": 12, "player": player_id(match, "Saka"), **fields}


def a_goal(match) -> MatchEvent:
    saka = match.lineup.get(player__known_as="Saka").player
    return match_record_event(match=match, kind="goal", minute=12, team=match.home_team, player=saka).event


def record(client, match, body, key, **headers):
    return call(client, "POST", f"/matches/{match.pk}/events", body, key=key, **headers)


def test_a_goal_moves_the_score_and_the_log_in_the_tokens_users_name(client, match, feed):
    user, key = feed
    seq = match.seq
    response = record(client, match, goal(match, detail="header"), key)
    body = response.json()
    assert response.status_code == 201
    assert score(match) == (1, 0)
    assert body["seq"] == match.seq == seq + 1
    assert body["score"] == [1, 0] and body["status"] == "first_half"
    assert body["event"]["kind"] == "goal" and body["event"]["team"] == match.home_team_id
    update = MatchUpdate.objects.get(match=match, seq=body["seq"])
    assert update.by == user and update.kind == "event_added"
    assert body["summary"] == update.summary == "Recorded 12' Goal Saka"
    assert MatchEvent.objects.get(pk=body["event"]["id"]).created_by == user


def test_a_retried_write_with_the_same_key_counts_once_and_answers_the_same(client, match, feed):
    _, key = feed
    first = record(client, match, goal(match), key, HTTP_IDEMPOTENCY_KEY="goal-1")
    again = record(client, match, goal(match), key, HTTP_IDEMPOTENCY_KEY="goal-1")
    in_body = record(client, match, goal(match, client_key="goal-2"), key)
    in_body_again = record(client, match, goal(match, client_key="goal-2"), key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert in_body.json() == in_body_again.json()
    assert match.events.filter(kind="goal").count() == 2
    assert score(match) == (2, 0) and match.seq == in_body.json()["seq"]


def test_a_key_in_the_header_and_another_in_the_body_is_refused(client, match, feed):
    response = record(client, match, goal(match, client_key="a"), feed[1], HTTP_IDEMPOTENCY_KEY="b")
    assert response.status_code == 400
    assert "differ" in response.json()["message"]


def test_the_api_refuses_what_the_console_refuses_with_its_words(client, match, feed):
    response = record(client, match, goal(match, minute=60), feed[1])
    body = response.json()
    assert response.status_code == 400 and body["code"] == "invalid"
    assert body["errors"]["__all__"] == ["The second half has not started: 60' is impossible now."]
    assert score(match) == (0, 0)


def test_a_malformed_body_is_refused_field_by_field(client, match, feed):
    response = record(client, match, {"kind": "goal", "minute": "soon", "colour": "red"}, feed[1])
    errors = response.json()["errors"]
    assert response.status_code == 400
    assert set(errors) == {"minute", "colour"}


def test_a_correction_changes_the_event_and_a_stale_one_is_refused_with_409(client, match, feed):
    _, key = feed
    event = a_goal(match)
    corrected = call(client, "PATCH", f"/events/{event.pk}", {"minute": 14, "expected_version": 1}, key=key)
    stale = call(client, "PATCH", f"/events/{event.pk}", {"minute": 15, "expected_version": 1}, key=key)
    assert corrected.status_code == 200 and corrected.json()["event"]["minute"] == 14
    assert corrected.json()["event"]["version"] == 2
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    assert MatchEvent.objects.get(pk=event.pk).minute == 14


def test_a_deletion_takes_the_goal_off_and_its_retry_answers_the_same(client, match, feed):
    user, key = feed
    event = a_goal(match)
    first = call(client, "DELETE", f"/events/{event.pk}", key=key, HTTP_IDEMPOTENCY_KEY="del-1")
    again = call(client, "DELETE", f"/events/{event.pk}", key=key, HTTP_IDEMPOTENCY_KEY="del-1")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert score(match) == (0, 0)
    assert MatchUpdate.objects.get(match=match, kind="event_deleted").by == user


def test_deleting_an_event_someone_else_deleted_is_a_conflict(client, match, feed):
    event = a_goal(match)
    match_delete_event(event=event)
    response = call(client, "DELETE", f"/events/{event.pk}", key=feed[1])
    assert response.status_code == 409 and response.json()["code"] == "gone"


def test_a_status_change_is_logged_and_retried_once(client, match, feed):
    _, key = feed
    first = call(
        client, "POST", f"/matches/{match.pk}/status", {"status": "half_time", "client_key": "ht"}, key=key
    )
    again = call(
        client, "POST", f"/matches/{match.pk}/status", {"status": "half_time", "client_key": "ht"}, key=key
    )
    assert first.status_code == 200 and first.json() == again.json()
    match.refresh_from_db()
    assert match.status == "half_time"
    assert MatchUpdate.objects.filter(match=match, kind="status_changed").count() == 2  # kick-off, half-time


def test_stats_are_recorded_for_a_half(client, match, feed):
    body = {"team": match.home_team_id, "period": 1, "shots": 4, "expected_goals": "0.35", "possession": 55}
    response = call(client, "POST", f"/matches/{match.pk}/stats", body, key=feed[1])
    assert response.status_code == 200, response.content
    stat = MatchStat.objects.get(match=match, team=match.home_team)
    assert (stat.shots, str(stat.expected_goals), stat.possession) == (4, "0.35", 55)
    assert response.json()["summary"].startswith("Stats, Arsenal, first half")


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/matches/999999/events", {"kind": "goal", "minute": 1}),
        ("PATCH", "/events/999999", {"minute": 1, "expected_version": 1}),
        ("DELETE", "/events/999999", None),
    ],
)
def test_unknown_matches_and_events_are_404(client, feed, method, path, body):
    response = call(client, method, path, body, key=feed[1])
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_an_oversized_body_is_refused_before_anything_reads_it(client, match, feed):
    response = record(client, match, goal(match, text="x" * MAX_BODY_BYTES), feed[1])
    assert response.status_code == 413 and response.json()["code"] == "too_large"
    assert not match.events.filter(kind="goal").exists()
