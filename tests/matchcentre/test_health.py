"""/healthz says the process is alive without touching any service; /readyz says whether the
database and Redis answer, naming what does not, in time and without an error logged."""

import json
import logging
import urllib.error
import urllib.request

import pytest

from tests.faults.servers import ServerProcess, free_port, unreachable_database_url


def fetch(url: str) -> tuple[int, dict, dict]:
    """(status, JSON body, headers) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, json.loads(answer.read()), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), dict(error.headers)


def test_healthz_answers_ok_and_is_never_cached(client):
    answer = client.get("/healthz")
    assert (answer.status_code, answer.json()) == (200, {"status": "ok"})
    assert "no-store" in answer["Cache-Control"]
    assert not answer.cookies  # no session, no CSRF cookie


@pytest.mark.django_db
def test_readyz_answers_ok_when_every_service_answers(client, settings):
    answer = client.get("/readyz")
    expected = {"database": "ok", **({"redis": "ok"} if settings.REDIS_URL else {})}
    assert (answer.status_code, answer.json()) == (200, {"status": "ok", "checks": expected})
    assert "no-store" in answer["Cache-Control"]
    assert not answer.cookies


@pytest.mark.django_db
def test_readyz_names_redis_when_it_is_out_of_reach(client, settings, caplog):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    with caplog.at_level(logging.INFO):
        answer = client.get("/readyz")
    body = answer.json()
    assert (answer.status_code, body["status"]) == (503, "unavailable")
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["redis"].startswith("unreachable: ")
    assert "no-store" in answer["Cache-Control"]
    # A probe's answer, not a server error: nothing is logged at ERROR (Django logs 503s so).
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []
    settings.REDIS_URL = ""
    assert client.get("/readyz").status_code == 200


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_process_whose_database_is_out_of_reach_is_alive_but_not_ready(tmp_path):
    nowhere = unreachable_database_url(tmp_path)
    server = ServerProcess(free_port(), tmp_path / "daphne.log", DATABASE_URL=nowhere)
    server.start()
    try:
        alive = fetch(f"{server.url}/healthz")
        ready = fetch(f"{server.url}/readyz")
    finally:
        server.stop()
    assert alive[:2] == (200, {"status": "ok"})
    status, body, headers = ready
    # The probe's own JSON, not the site's "we can't reach the match data" page.
    assert (status, body["status"]) == (503, "unavailable")
    assert body["checks"]["database"].startswith("unreachable: ")
    assert headers["Content-Type"] == "application/json"
    assert "no-store" in headers["Cache-Control"]
    log = (tmp_path / "daphne.log").read_text()
    assert "Traceback" not in log and "Service Unavailable" not in log


def _check_in_a_forked_child(answers) -> None:
    from matchcentre import health

    future = health._start("forked", lambda: None)
    future.result(timeout=5)
    answers.send(health._outcome(future))


@pytest.mark.django_db
def test_a_process_forked_after_checks_ran_still_checks(client):
    """A preloading server's workers are forked after the app was used: the readiness pool
    they inherit has no threads, and without a pool of their own every check would time out."""
    import multiprocessing

    assert client.get("/readyz").status_code == 200  # this process's pool has its threads
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_check_in_a_forked_child, args=(sending,))
    child.start()
    child.join(timeout=15)
    if child.is_alive():
        child.kill()
    assert receiving.poll(0), "the forked process's check never ran"
    assert receiving.recv() == "ok"
