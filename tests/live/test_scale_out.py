"""Several Daphne processes on one Redis: a change saved through one reaches fans on another."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_editor, make_match, make_team

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def database_url() -> str:
    """The test database, as a URL another process can open."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def servers():
    """Two Daphne processes, as two servers behind a proxy would be."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "daphne",
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "matchcentre.asgi:application",
            ],
            env=env,
            cwd=settings.BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(port)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def wait_for(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"Daphne did not start on port {port}")


@pytest.mark.slow
def test_goal_saved_through_one_process_reaches_a_fan_on_the_other(servers):
    from websockets.sync.client import connect

    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    salah = add_to_lineup(match, match.away_team, "Salah")[0]
    match_change_status(match=match, status="first_half", at=KICKOFF)
    client = Client()
    client.force_login(make_editor())
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    first, second = servers
    with (
        connect(
            f"ws://127.0.0.1:{second}/ws/matches/{match.pk}/", origin=f"http://127.0.0.1:{second}"
        ) as fan,
        connect(
            f"ws://127.0.0.1:{first}/ws/matches/{match.pk}/",
            origin=f"http://127.0.0.1:{first}",
            additional_headers={"Cookie": cookie},
        ) as desk,
    ):
        assert json.loads(fan.recv(timeout=10))["type"] == "snapshot"
        desk.recv(timeout=10)
        data = {
            "kind": "goal",
            "minute": 7,
            "team": match.away_team_id,
            "player": salah.pk,
            "goal_type": "penalty",
        }
        desk.send(json.dumps({"type": "record_event", "ref": "goal", "data": data}))
        update = json.loads(fan.recv(timeout=10))
    assert update["type"] == "event_added"
    assert update["state"]["score"] == [0, 1]
