"""An Idempotency-Key names one request (method, path, body): the same request again gets the
first answer; another request under the key is refused with 409 `key_reused` and writes nothing."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from feeds.models import IdempotentWrite
from fixtures_app.models import MatchEvent, MatchStat, MatchUpdate
from fixtures_app.services.events import match_record_event
from polls.models import Poll
from tests.factories import make_match, make_player
from tests.feeds.api_helpers import V1, call, editor_key, live_match, player_id, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    return live_match()


@pytest.fixture
def feed():
    return editor_key()


def goal(match, **fields) -> dict:
    return {"kind": "goal", "minute": 12, "player": player_id(match, "Saka"), **fields}


def stats(match, **fields) -> dict:
    return {"team": match.home_team_id, "period": 1, "shots": 4, **fields}


def with_key(client, method, path, body, token, idempotency_key):
    return call(client, method, path, body, key=token, HTTP_IDEMPOTENCY_KEY=idempotency_key)


def assert_key_reused(response) -> None:
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["ok"] is False and body["code"] == "key_reused" and body["errors"] == {}
    assert "Idempotency-Key" in body["message"]


def test_stats_sent_under_a_goals_key_are_refused_and_not_saved(client, match, feed):
    goal_answer = with_key(client, "POST", f"/matches/{match.pk}/events", goal(match), feed[1], "k-1")
    refused = with_key(client, "POST", f"/matches/{match.pk}/stats", stats(match), feed[1], "k-1")
    assert goal_answer.status_code == 201
    assert_key_reused(refused)
    assert "POST /api/v1/matches/" in refused.json()["message"]
    assert not MatchStat.objects.filter(match=match).exists()
    match.refresh_from_db()
    assert match.seq == goal_answer.json()["seq"]


def test_a_poll_opened_again_under_its_key_with_other_answers_is_refused(client, feed):
    match = make_match(kickoff=timezone.now() + dt.timedelta(days=1))
    path = f"/matches/{match.pk}/polls"
    first = with_key(client, "POST", path, {"question": "Man of the match?"}, feed[1], "poll-1")
    other = with_key(client, "POST", path, {"question": "Goal of the game?"}, feed[1], "poll-1")
    assert first.status_code == 201
    assert_key_reused(other)
    assert "another body" in other.json()["message"]
    assert list(Poll.objects.filter(match=match).values_list("question", flat=True)) == ["Man of the match?"]


def test_the_same_request_again_gets_the_first_answer(client, match, feed):
    path = f"/matches/{match.pk}/stats"
    first = with_key(client, "POST", path, stats(match), feed[1], "stats-1")
    again = with_key(client, "POST", path, stats(match), feed[1], "stats-1")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert MatchUpdate.objects.filter(match=match, kind="stats_changed").count() == 1


def test_a_key_used_on_one_match_is_refused_on_another(client, match, feed):
    other = make_match()
    first = with_key(client, "POST", f"/matches/{match.pk}/status", {"status": "half_time"}, feed[1], "k")
    refused = with_key(client, "POST", f"/matches/{other.pk}/status", {"status": "first_half"}, feed[1], "k")
    assert first.status_code == 200
    assert_key_reused(refused)
    other.refresh_from_db()
    assert other.status == "scheduled" and not other.updates.exists()


def test_a_key_used_for_a_line_up_is_refused_for_a_poll(client, match, feed):
    sheet = {"entries": [{"player": make_player("Nwaneri").pk, "shirt_number": 53, "starter": False}]}
    added = with_key(client, "POST", f"/matches/{match.pk}/lineups/{match.home_team_id}", sheet, feed[1], "k")
    refused = with_key(client, "POST", f"/matches/{match.pk}/polls", {}, feed[1], "k")
    assert added.status_code == 200
    assert_key_reused(refused)
    assert not Poll.objects.filter(match=match).exists()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PATCH", "/events/{event}", {"minute": 30, "expected_version": 1}),
        ("DELETE", "/events/{event}", None),
        ("POST", "/matches/{match}/status", {"status": "half_time"}),
        ("POST", "/polls/{poll}/close", None),
    ],
)
def test_every_write_refuses_a_key_used_for_another_request(client, match, feed, method, path, body):
    saka = match.lineup.get(player__known_as="Saka").player
    event = match_record_event(match=match, kind="goal", minute=12, team=match.home_team, player=saka).event
    poll = Poll.objects.create(match=match, question="Who will win?")
    with_key(client, "POST", f"/matches/{match.pk}/stats", stats(match), feed[1], "used")
    seq = MatchUpdate.objects.filter(match=match).count()
    path = path.format(event=event.pk, match=match.pk, poll=poll.pk)
    assert_key_reused(with_key(client, method, path, body, feed[1], "used"))
    event.refresh_from_db()
    poll.refresh_from_db()
    assert (event.minute, poll.closed) == (12, None)
    assert MatchUpdate.objects.filter(match=match).count() == seq


def test_the_same_json_in_another_order_and_spacing_is_the_same_request(client, match, feed):
    path = f"{V1}/matches/{match.pk}/events"
    compact = json.dumps(goal(match), separators=(",", ":"))
    spaced = json.dumps(dict(reversed(goal(match).items())), indent=2)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {feed[1]}", "HTTP_IDEMPOTENCY_KEY": "goal-1"}
    first = client.post(path, data=compact, content_type="application/json", **auth)
    again = client.post(path, data=spaced, content_type="application/json", **auth)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and score(match) == (1, 0)


def test_the_key_in_the_body_on_a_retry_names_the_same_request(client, match, feed):
    path = f"/matches/{match.pk}/events"
    first = with_key(client, "POST", path, goal(match), feed[1], "goal-1")
    again = call(client, "POST", path, goal(match, client_key="goal-1"), key=feed[1])
    assert first.json() == again.json() and score(match) == (1, 0)


def test_a_refused_write_leaves_its_key_free_for_the_corrected_request(client, match, feed):
    path = f"/matches/{match.pk}/events"
    refused = with_key(client, "POST", path, goal(match, player=999999), feed[1], "goal-1")
    corrected = with_key(client, "POST", path, goal(match), feed[1], "goal-1")
    assert refused.status_code == 400 and corrected.status_code == 201
    assert score(match) == (1, 0)


def test_keys_are_each_editors_own(client, feed):
    match = make_match(kickoff=timezone.now() + dt.timedelta(days=1))
    other = editor_key("second-feed")
    path = f"/matches/{match.pk}/polls"
    mine = with_key(client, "POST", path, {"question": "Man of the match?"}, feed[1], "poll-1")
    theirs = with_key(client, "POST", path, {"question": "Goal of the game?"}, other[1], "poll-1")
    assert mine.status_code == theirs.status_code == 201
    assert Poll.objects.filter(match=match).count() == 2


def test_another_editors_key_in_the_matchs_log_is_not_taken_as_a_retry(client, match, feed):
    other = editor_key("second-feed")
    first = with_key(client, "POST", f"/matches/{match.pk}/events", goal(match), other[1], "goal-1")
    mine = with_key(client, "POST", f"/matches/{match.pk}/stats", stats(match), feed[1], "goal-1")
    assert first.status_code == 201
    assert_key_reused(mine)
    assert not MatchStat.objects.filter(match=match).exists()


def test_a_key_kept_before_fingerprints_is_judged_by_method_and_path(client, feed):
    match = make_match(kickoff=timezone.now() + dt.timedelta(days=1))
    path = f"/matches/{match.pk}/polls"
    with_key(client, "POST", path, {"question": "Man of the match?"}, feed[1], "old")
    IdempotentWrite.objects.update(fingerprint="")  # as the rows kept before the migration
    again = with_key(client, "POST", path, {"question": "Man of the match?"}, feed[1], "old")
    elsewhere = with_key(client, "POST", f"/matches/{make_match().pk}/polls", {}, feed[1], "old")
    assert again.status_code == 201 and Poll.objects.count() == 1
    assert_key_reused(elsewhere)


def test_a_goal_logged_before_fingerprints_counts_once_and_its_key_is_not_stats(client, match, feed):
    user, token = feed
    saka = match.lineup.get(player__known_as="Saka").player
    match_record_event(match=match, kind="goal", minute=12, team=match.home_team, player=saka, by=user,
                       client_key="old-goal")  # fmt: skip
    again = with_key(client, "POST", f"/matches/{match.pk}/events", goal(match), token, "old-goal")
    refused = with_key(client, "POST", f"/matches/{match.pk}/stats", stats(match), token, "old-goal")
    assert again.status_code == 201 and score(match) == (1, 0)
    assert_key_reused(refused)
    assert MatchEvent.objects.filter(match=match, kind="goal").count() == 1
    assert not MatchStat.objects.filter(match=match).exists()
