"""`manage.py deliver_webhooks` as production runs it: its own process, in a loop, stopped by
SIGTERM after it has sent everything."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from partners.models import Partner
from tests.factories import make_match
from tests.faults.servers import database_url
from tests.partners.conftest import DEADLINE_SECONDS
from tests.partners.replays import play

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
def test_the_worker_process_sends_everything_and_stops_cleanly_on_sigterm(receiver):
    partner = Partner.objects.create(name="Scores Daily", url=receiver.url)
    updates = play(make_match(), changes=5)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "deliver_webhooks"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url(), "MATCHCENTRE_WEBHOOK_POLL_INTERVAL": "0.05"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while len(receiver.delivered()) < len(updates) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=DEADLINE_SECONDS)

    assert worker.returncode == 0, output
    assert f"{len(updates)} change(s) delivered." in output
    assert [r.seq for r in receiver.requests] == [u.seq for u in updates]
    assert all(r.verifies(partner.secret, now=time.time()) for r in receiver.requests)
