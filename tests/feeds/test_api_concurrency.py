"""Retries that race, on PostgreSQL through a real server: the same request sent several times at
once writes once, and requests racing under one key write only the first."""

import json
import threading
import urllib.error
import urllib.request

import pytest
from django.db import connection

from fixtures_app.models import MatchStat
from polls.models import Poll
from tests.factories import make_match
from tests.feeds.api_helpers import V1, editor_key, live_match, player_id

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SENDERS = 6
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL (DATABASE_URL=postgres://...): SQLite takes one writer at a time.")


def send(site: str, path: str, body: dict, *, token: str, key: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{site}{V1}{path}",
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": key,
            "Content-Type": "application/json",
        },
    )
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def all_at_once(
    requests: list[tuple[str, dict]], site: str, *, token: str, key: str
) -> list[tuple[int, dict]]:
    """Sends every (path, body) on its own thread, all starting together; the answers in order."""
    start = threading.Barrier(len(requests))
    answers: list[tuple[int, dict] | BaseException | None] = [None] * len(requests)

    def sender(index: int, path: str, body: dict) -> None:
        start.wait()
        try:
            answers[index] = send(site, path, body, token=token, key=key)
        except BaseException as error:  # noqa: B036 - reported by the main thread below
            answers[index] = error

    threads = [threading.Thread(target=sender, args=(i, *request)) for i, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(answer, tuple) for answer in answers), answers
    return answers  # type: ignore[return-value]


def test_the_same_goal_sent_at_once_is_recorded_once_and_answered_alike(live_site):
    match = live_match()
    _, token = editor_key()
    goal = {"kind": "goal", "minute": 12, "player": player_id(match, "Saka")}
    answers = all_at_once([(f"/matches/{match.pk}/events", goal)] * SENDERS, live_site, token=token, key="g1")
    assert {status for status, _ in answers} == {201}
    assert len({json.dumps(answer, sort_keys=True) for _, answer in answers}) == 1
    assert match.events.filter(kind="goal").count() == 1


def test_the_same_poll_sent_at_once_is_opened_once(live_site):
    match = make_match()
    _, token = editor_key()
    body = {"question": "Man of the match?"}
    answers = all_at_once([(f"/matches/{match.pk}/polls", body)] * SENDERS, live_site, token=token, key="p1")
    assert {status for status, _ in answers} == {201}
    assert Poll.objects.filter(match=match).count() == 1


def test_a_goal_and_stats_racing_under_one_key_write_only_the_first(live_site):
    match = live_match()
    _, token = editor_key()
    goal = (f"/matches/{match.pk}/events", {"kind": "goal", "minute": 12, "player": player_id(match, "Saka")})
    stats = (f"/matches/{match.pk}/stats", {"team": match.home_team_id, "period": 1, "shots": 4})
    answers = all_at_once([goal, stats] * (SENDERS // 2), live_site, token=token, key="k1")
    goals, stats_lines = (
        match.events.filter(kind="goal").count(),
        MatchStat.objects.filter(match=match).count(),
    )
    assert goals + stats_lines == 1
    winner = 0 if goals else 1
    assert all(
        status == 409 and answer["code"] == "key_reused" for status, answer in answers[1 - winner :: 2]
    )
    assert all(status in (200, 201) for status, _ in answers[winner::2])
