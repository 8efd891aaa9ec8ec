"""The database out of reach: pages and writes answer a clear 503 (no traceback, DEBUG off), and
a write cut off half-way leaves nothing of itself: the event, the score and the update log
entry are all saved, or none is, and nothing is published."""

import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client

from fixtures_app.models import Match, MatchEvent, MatchUpdate
from fixtures_app.services import events as event_services
from fixtures_app.services import status as status_services
from fixtures_app.services.events import match_correct_event, match_delete_event, match_record_event
from fixtures_app.services.status import match_change_status
from live import realtime
from tests.factories import make_editor
from tests.faults.desk import Desk, api_call, event
from tests.faults.servers import ServerProcess, free_port, unreachable_database_url

pytestmark = pytest.mark.django_db(transaction=True)
UNREACHABLE = "We can't reach the match data right now"
CUT = OperationalError("server closed the connection unexpectedly")


def test_pages_and_writes_answer_a_clear_503_when_the_database_is_out_of_reach(tmp_path, figures):
    nowhere = unreachable_database_url(tmp_path)
    server = ServerProcess(free_port(), tmp_path / "daphne.log", DATABASE_URL=nowhere)
    server.start()
    desk = Desk(server.url, session=secrets.token_hex(16), csrf=secrets.token_hex(16))  # keys as Django makes
    goal = {"kind": "goal", "minute": 12, "player": 1}
    calls = [
        *(partial(desk.get, path) for path in ("/", "/matches/1/", "/console/matches/1/")),
        partial(desk.post, "/console/matches/1/events/", goal),
        partial(api_call, server.url, "some-key", "GET", "/matches/1"),
        partial(api_call, server.url, "some-key", "POST", "/matches/1/events", goal),
    ]
    started = time.monotonic()
    try:
        # At once: with PostgreSQL's pool, each waits for a connection until the pool gives up.
        with ThreadPoolExecutor(len(calls)) as pool:
            *pages, write, api_read, api_write = pool.map(lambda call: call(), calls)
    finally:
        server.stop()
    waited = time.monotonic() - started
    for page in pages:
        assert page.status == 503
        assert UNREACHABLE in page.body and "send it again" in page.body
        assert "Traceback" not in page.body and "OperationalError" not in page.body
    for answer in (write, api_read, api_write):
        assert answer.status == 503
        assert answer.json()["code"] == "unavailable" and UNREACHABLE in answer.json()["message"]
        assert "Traceback" not in answer.body
    assert write.json()["ok"] is False and UNREACHABLE in write.json()["message"]  # as console.js reads it
    figures(
        f"database out of reach ({connection.vendor}): 3 pages and 3 JSON calls answered 503 "
        f"within {waited:.1f} s, no traceback"
    )


def a_goal(match: Match) -> MatchEvent:
    saka = match.lineup.get(player__known_as="Saka").player
    return match_record_event(match=match, kind="goal", minute=21, team=match.home_team, player=saka).event


# Each write, cut off where it has saved part of its work: the change itself is made, the
# score recomputed, and the update log entry is next (or the result is being recomputed).
WRITES = {
    "record, cut before the log entry": (event_services, "match_log_update", a_goal),
    "record, cut while recomputing the score": (event_services, "match_refresh_result", a_goal),
    "correct, cut before the log entry": (
        event_services,
        "match_log_update",
        lambda match: match_correct_event(event=match.goal, expected_version=match.goal.version, minute=22),
    ),
    "delete, cut before the log entry": (
        event_services,
        "match_log_update",
        lambda match: match_delete_event(event=match.goal),
    ),
    "half-time, cut before the log entry": (
        status_services,
        "match_log_update",
        lambda match: match_change_status(match=match, status="half_time"),
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_a_write_cut_off_half_way_leaves_nothing_half_saved(match, write, monkeypatch, figures):
    match.goal = a_goal(match)
    before = saved_state(match)
    published = []
    monkeypatch.setattr(realtime, "publish", lambda group, text: published.append(group))
    module, step, make = WRITES[write]
    monkeypatch.setattr(module, step, cut_off)
    with pytest.raises(OperationalError):
        make(match)
    assert saved_state(match) == before
    assert published == []
    figures("nothing saved, nothing published")


def test_an_editors_write_cut_off_answers_503_and_counts_once_when_sent_again(match, monkeypatch):
    client = Client()
    client.force_login(make_editor())
    data = {**event(match, "goal", "Saka", 21), "client_key": "goal-at-21"}
    before = saved_state(match)
    with monkeypatch.context() as cut:
        cut.setattr(event_services, "match_log_update", cut_off)
        answer = client.post(f"/console/matches/{match.pk}/events/", data, HTTP_ACCEPT="application/json")
    assert (answer.status_code, answer.json()["code"]) == (503, "unavailable")
    assert saved_state(match) == before
    for _ in range(2):  # the console sends it again with the same key
        answer = client.post(f"/console/matches/{match.pk}/events/", data, HTTP_ACCEPT="application/json")
        assert answer.json()["ok"] is True
    assert MatchEvent.objects.filter(match=match, kind="goal").count() == 1
    assert MatchUpdate.objects.filter(match=match).count() == len(before[2]) + 1


@pytest.mark.postgres
def test_a_write_whose_database_connection_is_killed_half_way_leaves_nothing(match):
    """Not a raised exception this time: PostgreSQL itself ends the session mid-transaction."""
    before = saved_state(match)
    refresh = event_services.match_refresh_result

    def killed(*, match):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return refresh(match=match)

    event_services.match_refresh_result = killed
    try:
        with pytest.raises((OperationalError, InterfaceError)):
            a_goal(match)
    finally:
        event_services.match_refresh_result = refresh
        connection.close()
    assert saved_state(match) == before


def cut_off(*args, **kwargs):
    raise CUT


def saved_state(match: Match) -> tuple:
    """Everything a write to the match may change: the match row, its events, its log."""
    fresh = Match.objects.get(pk=match.pk)
    events = list(
        MatchEvent.objects.filter(match=match).order_by("pk").values_list("pk", "kind", "minute", "version")
    )
    log = list(MatchUpdate.objects.filter(match=match).values_list("seq", flat=True))
    return (fresh.status, fresh.home_score, fresh.away_score, fresh.seq, fresh.version), events, log
