"""Cursors, claims and replays against the database; the editors' write path sends nothing."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError
from django.utils import timezone

from fixtures_app.models import Match
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from partners import services
from partners.models import Delivery, Partner, PartnerCursor
from partners.selectors import due_cursors
from partners.sender import Outcome
from partners.services import cursors_open, job_claim, job_record, partner_replay_from
from partners.worker import deliver
from tests.factories import make_competition, make_match, make_season, make_stage
from tests.partners.conftest import FAST
from tests.partners.receiver import Receiver
from tests.partners.replays import play

pytestmark = pytest.mark.django_db
LEASE = dt.timedelta(minutes=5)
OK = Outcome(delivered=True, status=200, error="", duration_ms=3)
DOWN = Outcome(delivered=False, status=503, error="down", duration_ms=3)


def claimed(partner: Partner):
    cursors_open()
    cursor = due_cursors(timezone.now()).get(partner=partner)
    return job_claim(cursor, now=timezone.now(), lease=LEASE, batch=20)


def test_the_editors_write_path_sends_nothing_and_waits_for_no_partner(django_capture_on_commit_callbacks):
    hanging = Receiver(hang=True).start()
    try:
        Partner.objects.create(name="Hangs", url=hanging.url)
        match = make_match()
        with django_capture_on_commit_callbacks(execute=True):
            written = match_change_status(match=match, status="first_half")
            match_record_event(match=match, kind="commentary", minute=2, text="Under way.")
        assert written.seq == 1
        assert hanging.requests == [] and not Delivery.objects.exists()
        assert not PartnerCursor.objects.exists(), "only the worker reads the log"
    finally:
        hanging.stop()


def test_a_partner_is_sent_only_its_competitions_matches():
    followed = make_competition()
    partner = Partner.objects.create(name="Cup Site", url="http://127.0.0.1:9/", competition=followed)
    inside = make_match(stage=make_stage(make_season(followed)))
    outside = make_match()
    play(inside), play(outside)

    cursors_open()

    assert list(PartnerCursor.objects.filter(partner=partner).values_list("match_id", flat=True)) == [
        inside.pk
    ]


def test_changes_logged_before_the_partner_joined_are_not_sent():
    match = make_match()
    before = play(match)
    partner = Partner.objects.create(name="Newcomer", url="http://127.0.0.1:9/")
    match_record_event(match=match, kind="commentary", minute=9, text="After joining.")

    job = claimed(partner)

    assert [send.seq for send in job.sends] == [before[-1].seq + 1]


def test_a_claimed_cursor_is_not_claimed_twice():
    partner = Partner.objects.create(name="Once", url="http://127.0.0.1:9/")
    play(make_match())
    cursors_open()
    cursor = due_cursors(timezone.now()).get()
    assert job_claim(cursor, now=timezone.now(), lease=LEASE, batch=20) is not None
    assert job_claim(cursor, now=timezone.now(), lease=LEASE, batch=20) is None
    assert not due_cursors(timezone.now()).exists()
    assert partner.cursors.get().leased_until is not None


def test_a_failure_stops_the_match_there_and_sets_the_retry():
    partner = Partner.objects.create(name="Flaky", url="http://127.0.0.1:9/")
    updates = play(make_match(), changes=4)
    job = claimed(partner)
    now = timezone.now()

    job_record(job, [OK, DOWN], now=now, retry_delay=lambda failures: 2.0**failures)

    cursor = partner.cursors.get()
    assert (cursor.delivered_seq, cursor.failures, cursor.retry_at, cursor.leased_until) == (
        updates[0].seq,
        1,
        now + dt.timedelta(seconds=2),
        None,
    )
    assert list(Delivery.objects.order_by("seq").values_list("seq", "attempt", "delivered")) == [
        (updates[0].seq, 1, True),
        (updates[1].seq, 1, False),
    ]
    second = claimed_after_wait(partner, now + dt.timedelta(seconds=3))
    assert (second.sends[0].seq, second.sends[0].attempt) == (updates[1].seq, 2)
    assert second.sends[0].delivery_id == job.sends[1].delivery_id, "a retry is the same delivery"


def claimed_after_wait(partner: Partner, now: dt.datetime):
    assert not due_cursors(timezone.now()).exists(), "it waits for its retry"
    return job_claim(due_cursors(now).get(partner=partner), now=now, lease=LEASE, batch=20)


def test_a_replay_made_while_sending_wins_over_the_answers():
    partner = Partner.objects.create(name="Replayed", url="http://127.0.0.1:9/")
    match = make_match()
    updates = play(match, changes=5)
    job = claimed(partner)

    partner_replay_from(partner=partner, match=match, seq=1)
    job_record(job, [OK] * len(job.sends), now=timezone.now(), retry_delay=lambda failures: 1.0)

    cursor = partner.cursors.get()
    assert (cursor.delivered_seq, cursor.round, cursor.leased_until) == (1, 1, None)
    assert len(updates) == 5


@pytest.mark.parametrize("seq", [-1, 4])
def test_a_replay_from_a_seq_the_match_has_not_reached_is_refused(seq):
    partner = Partner.objects.create(name="Picky", url="http://127.0.0.1:9/")
    match = make_match()
    play(match)
    with pytest.raises(ValidationError, match="up to seq 3"):
        partner_replay_from(partner=partner, match=match, seq=seq)


def test_a_replay_for_a_partner_without_a_cursor_yet_sends_from_there():
    receiver = Receiver().start()
    try:
        match = make_match()
        updates = play(match, changes=4)
        partner = Partner.objects.create(name="Late", url=receiver.url)  # joined after every change
        assert deliver(FAST, once=True) == 0

        assert partner_replay_from(partner=partner, match=match, seq=2) == 2
        deliver(FAST, once=True)

        assert [request.seq for request in receiver.requests] == [u.seq for u in updates[2:]]
    finally:
        receiver.stop()


def test_the_worker_trims_the_delivery_log_past_its_days():
    partner = Partner.objects.create(name="Old Friend", url="http://127.0.0.1:9/")
    match = make_match()
    long_ago = timezone.now() - dt.timedelta(days=31)
    for at in (long_ago, timezone.now()):
        Delivery.objects.create(
            partner=partner,
            match=match,
            seq=1,
            delivery_id=uuid.uuid4(),
            attempt=1,
            delivered=True,
            status_code=204,
            duration_ms=5,
            at=at,
        )

    deliver(FAST, once=True)

    assert Delivery.objects.get().at > long_ago, "only the month-old row was deleted"


@pytest.mark.django_db(transaction=True)
def test_answers_wait_while_the_database_fails_and_are_recorded_once_it_is_back(monkeypatch):
    receiver = Receiver().start()
    try:
        partner = Partner.objects.create(name="Patient", url=receiver.url)
        updates = play(make_match(), changes=3)
        real_record = services.job_record
        failures = iter([True, True])

        def flaky_record(*args, **kwargs):
            if next(failures, False):
                raise OperationalError("the database went away")
            return real_record(*args, **kwargs)

        monkeypatch.setattr(services, "job_record", flaky_record)

        assert deliver(FAST, once=True) == len(updates)
    finally:
        receiver.stop()
    assert [r.seq for r in receiver.requests] == [u.seq for u in updates], "sent once each"
    assert partner.cursors.get().delivered_seq == updates[-1].seq
    assert Delivery.objects.filter(delivered=True).count() == len(updates)


@pytest.mark.django_db(transaction=True)
def test_answers_for_a_match_deleted_while_they_were_sent_are_dropped(monkeypatch):
    receiver = Receiver().start()
    try:
        partner = Partner.objects.create(name="Scores Daily", url=receiver.url)
        match = make_match()
        play(match)
        job = claimed(partner)
        match.delete()
        with pytest.raises(IntegrityError):
            job_record(job, [OK] * len(job.sends), now=timezone.now(), retry_delay=lambda failures: 1.0)

        other = make_match()
        play(other)

        def deleted_meanwhile(job, *args, **kwargs):
            Match.objects.filter(pk=job.match_id).delete()
            return real_record(job, *args, **kwargs)

        real_record = services.job_record
        monkeypatch.setattr(services, "job_record", deleted_meanwhile)
        assert deliver(FAST, once=True) == 3, "the worker dropped the answers and finished"
    finally:
        receiver.stop()
    assert not Delivery.objects.exists()
