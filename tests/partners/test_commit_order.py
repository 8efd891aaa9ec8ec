"""The worker beside the writers, on PostgreSQL (the production database): changes to two
matches committed in the other order than their rows were numbered (why cursors follow each
match's seq rather than the log's primary key), and a worker sending while a match is replayed."""

import threading
import time

import pytest
from django.db import connection, transaction

from fixtures_app.models import MatchUpdate
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from partners.models import Partner
from partners.worker import deliver
from tests.factories import make_match
from tests.partners.conftest import DEADLINE_SECONDS, FAST
from tests.partners.replays import assert_received_as_logged, logged, replay

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_change_committed_after_a_later_numbered_one_is_still_sent(receiver):
    Partner.objects.create(name="Scores Daily", url=receiver.url)
    first, second = make_match(), make_match()
    for match in (first, second):
        match_change_status(match=match, status="first_half")
    deliver(FAST, once=True)
    numbered, may_commit = threading.Event(), threading.Event()

    def slow_editor() -> None:
        try:
            with transaction.atomic():
                match_record_event(match=first, kind="commentary", minute=5, text="Numbered first.")
                numbered.set()
                may_commit.wait(timeout=30)
        finally:
            connection.close()

    editor = threading.Thread(target=slow_editor)
    editor.start()
    try:
        assert numbered.wait(timeout=30)
        match_record_event(match=second, kind="commentary", minute=5, text="Committed first.")
        deliver(FAST, once=True)
        assert [(r.match, r.seq) for r in receiver.requests[2:]] == [(second.pk, 2)]
    finally:
        may_commit.set()
        editor.join()

    deliver(FAST, once=True)

    assert [(r.match, r.seq) for r in receiver.requests[2:]] == [(second.pk, 2), (first.pk, 2)]
    late, early = (MatchUpdate.objects.get(match=match, seq=2).pk for match in (first, second))
    assert late < early, "the row committed last was numbered first"


def test_a_worker_running_while_a_match_is_replayed_sends_every_change_in_order(receiver, feed_file):
    partner = Partner.objects.create(name="Scores Daily", url=receiver.url)
    stopping = threading.Event()

    def worker() -> None:
        try:
            deliver(FAST, stop=stopping.is_set)
        finally:
            connection.close()

    running = threading.Thread(target=worker)
    running.start()
    try:
        updates = logged(replay(feed_file))
        deadline = time.monotonic() + DEADLINE_SECONDS
        while len(receiver.delivered()) < len(updates) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stopping.set()
        running.join()

    assert_received_as_logged(receiver.requests, updates, secret=partner.secret)
