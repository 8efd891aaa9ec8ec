"""Connect and reconnect storms: the snapshot and each catch-up are built once per (match, seq)
and the same text is sent to every fan; the HTTP snapshot and `/updates?since=N` read the same
texts. Queries are counted over every thread (the fans' builds run on worker threads)."""

import asyncio
import json
import threading

import pytest
from channels.db import database_sync_to_async
from django.conf import settings
from django.db.backends.utils import CursorWrapper
from django.test import override_settings

from fixtures_app.selectors import snapshots
from fixtures_app.services.events import match_correct_event
from fixtures_app.services.status import match_change_status
from live import realtime
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team
from tests.fixtures_app.test_consumers import connect, goal

pytestmark = pytest.mark.django_db(transaction=True)
FANS = 200
# A snapshot takes a handful of queries to build; a storm may build it twice (the clock's
# minute may turn during it) and read the match's head a few times.
HANDFUL = 20


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    add_to_lineup(match, match.away_team, "Salah")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


@pytest.fixture(autouse=True)
def nothing_kept():
    """On SQLite a rolled-back test's ids come again: each test starts with nothing kept."""
    snapshots.forget_all()
    realtime.hub.seqs.clear()
    yield
    snapshots.forget_all()


@pytest.fixture
def queries(monkeypatch) -> list[str]:
    """Every query run, on any thread or connection."""
    run: list[str] = []
    lock = threading.Lock()
    execute = CursorWrapper._execute_with_wrappers

    def counted(cursor, sql, params, many, executor):
        with lock:
            run.append(sql)
        return execute(cursor, sql, params, many, executor)

    monkeypatch.setattr(CursorWrapper, "_execute_with_wrappers", counted)
    return run


async def _storm(path: str) -> list[str]:
    """FANS fans connecting together to `path`: the first frame each was sent, as sent."""
    fans = await asyncio.gather(*(connect(path) for _ in range(FANS)))
    firsts = await asyncio.gather(*(fan.receive_from(timeout=10) for fan in fans))
    await asyncio.gather(*(fan.disconnect() for fan in fans))
    return firsts


async def test_a_storm_of_fans_without_since_costs_a_handful_of_queries(match, queries):
    await goal(match, minute=7)
    await match.arefresh_from_db()
    queries.clear()

    firsts = await _storm(f"/ws/matches/{match.pk}/")

    assert len(set(firsts)) == 1  # the same text for every fan
    snapshot = json.loads(firsts[0])
    assert (snapshot["type"], snapshot["seq"], snapshot["state"]["score"]) == ("snapshot", match.seq, [0, 1])
    assert len(queries) <= HANDFUL, f"{len(queries)} queries for {FANS} fans"


async def test_a_storm_of_fans_three_behind_gets_exactly_the_missed_updates(match, queries):
    behind = match.seq
    events = [await goal(match, minute=minute) for minute in (7, 9, 11)]
    await match.arefresh_from_db()
    realtime.hub.seqs.clear()  # a process restarted: it has seen nothing yet
    snapshots.forget_all()
    queries.clear()

    fans = await asyncio.gather(*(connect(f"/ws/matches/{match.pk}/?since={behind}") for _ in range(FANS)))
    received = [[await fan.receive_from(timeout=10) for _ in range(3)] for fan in fans]
    assert all(await asyncio.gather(*(fan.receive_nothing(timeout=0.1) for fan in fans)))
    await asyncio.gather(*(fan.disconnect() for fan in fans))

    assert all(texts == received[0] for texts in received)
    messages = [json.loads(text) for text in received[0]]
    assert [(m["seq"], m["event_id"]) for m in messages] == [
        (behind + n, event.pk) for n, event in enumerate(events, start=1)
    ]
    assert len(queries) <= 6, f"{len(queries)} queries for {FANS} fans"


async def test_after_a_change_the_next_fan_gets_the_new_snapshot(match):
    first = await connect(f"/ws/matches/{match.pk}/")
    before = await first.receive_json_from()
    event = await goal(match, minute=7)
    assert (await first.receive_json_from(timeout=3))["seq"] == before["seq"] + 1

    later = await connect(f"/ws/matches/{match.pk}/")
    after = await later.receive_json_from()

    assert after["seq"] == before["seq"] + 1
    assert after["order"] == [event.pk, *before["order"]]
    assert after["state"]["score"] == [0, 1]
    await first.disconnect()
    await later.disconnect()


async def test_a_correction_is_a_new_seq_and_so_a_new_snapshot(match):
    event = await goal(match, minute=7)
    first = await connect(f"/ws/matches/{match.pk}/")
    before = await first.receive_json_from()
    await database_sync_to_async(match_correct_event)(event=event, expected_version=event.version, minute=12)
    await first.receive_json_from(timeout=3)

    later = await connect(f"/ws/matches/{match.pk}/")
    after = await later.receive_json_from()

    assert after["seq"] == before["seq"] + 1
    assert "12&#x27;" in after["entries"][str(event.pk)]
    assert "12&#x27;" not in before["entries"][str(event.pk)]
    await first.disconnect()
    await later.disconnect()


async def test_the_http_snapshot_is_the_text_the_socket_sends(match, async_client):
    await goal(match, minute=7)
    fan = await connect(f"/ws/matches/{match.pk}/")
    sent = await fan.receive_from()
    answer = await async_client.get(f"/api/v1/matches/{match.pk}")
    await fan.disconnect()

    assert answer.status_code == 200
    assert answer.content.decode() == sent


def test_repeated_http_snapshots_read_only_the_match(match, client, django_assert_max_num_queries):
    first = client.get(f"/api/v1/matches/{match.pk}")
    with django_assert_max_num_queries(1):  # the match's seq; the snapshot is kept
        again = client.get(f"/api/v1/matches/{match.pk}")
    assert again.content == first.content
    assert json.loads(again.content)["seq"] == match.seq


def test_polling_for_updates_reads_only_the_match_once_kept(match, client, django_assert_max_num_queries):
    behind = match.seq
    events = [goal.func(match, minute=minute) for minute in (7, 9, 11)]  # type: ignore[attr-defined]
    client.get(f"/matches/{match.pk}/updates?since={behind}")
    with django_assert_max_num_queries(1):
        answer = client.get(f"/matches/{match.pk}/updates?since={behind}")

    body = answer.json()
    assert (body["match"], body["seq"], body["poll_interval"]) == (
        match.pk,
        behind + 3,
        settings.LIVE_POLL_INTERVAL,
    )
    assert [m["event_id"] for m in body["messages"]] == [event.pk for event in events]


def test_polling_up_to_date_gets_nothing_and_unknown_matches_are_404(match, client):
    assert client.get(f"/matches/{match.pk}/updates?since={match.seq}").json()["messages"] == []
    assert client.get(f"/matches/{match.pk + 1000}/updates?since=0").status_code == 404
    assert client.get(f"/api/v1/matches/{match.pk + 1000}").status_code == 404


UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "matchcentre.cache.ForgivingRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_with_redis_out_of_reach_the_snapshot_and_updates_still_answer(match, client):
    snapshot = client.get(f"/api/v1/matches/{match.pk}")
    updates = client.get(f"/matches/{match.pk}/updates?since=0")

    assert (snapshot.status_code, updates.status_code) == (200, 200)
    assert json.loads(snapshot.content)["seq"] == match.seq
    assert updates.json()["seq"] == match.seq


def test_only_the_newest_seqs_of_a_match_are_kept():
    shelf = snapshots.Shelf(size=100)
    for seq in range(10):
        shelf.put((1, seq, "stamp", "7'"), f"text {seq}")
    shelf.put((2, 0, "stamp", "7'"), "other match")

    kept = sorted(key[1] for key in shelf.items if key[0] == 1)
    assert kept == list(range(10 - snapshots.KEEP_SEQS, 10))
    assert shelf.get((2, 0, "stamp", "7'")) == "other match"


def test_threads_asking_together_build_once():
    shelf = snapshots.Shelf()
    builds: list[int] = []
    started = threading.Event()

    def build():
        builds.append(1)
        started.wait(1)  # the other threads ask while this build runs
        return "text", True

    def ask(results: list) -> None:
        results.append(shelf.get_or_build((1, 3, "stamp"), build))

    results: list = []
    threads = [threading.Thread(target=ask, args=(results,)) for _ in range(20)]
    for thread in threads:
        thread.start()
    started.set()
    for thread in threads:
        thread.join()
    assert (len(builds), results) == (1, ["text"] * 20)
