"""The webhook worker against a partner's receiver (a real HTTP server in the test): every
change of a replayed match arrives, in seq order, signed; a partner down for a while gets
everything once it is back; a replay from seq N sends exactly what follows N."""

import socket

import pytest

from partners.models import Delivery, Partner
from partners.services import partner_replay_from
from partners.worker import deliver
from tests.partners.conftest import FAST, deliver_until
from tests.partners.receiver import Receiver
from tests.partners.replays import assert_received_as_logged, logged, replay

pytestmark = pytest.mark.django_db


def test_a_replayed_match_reaches_the_partner_complete_in_order_and_signed(partner, receiver, feed_file):
    match = replay(feed_file)
    updates = logged(match)
    assert len(updates) > 20

    assert deliver(FAST, once=True) == len(updates)

    assert_received_as_logged(receiver.requests, updates, secret=partner.secret)
    assert Delivery.objects.filter(partner=partner, delivered=True).count() == len(updates)
    assert len({request.delivery_id for request in receiver.requests}) == len(updates)
    assert deliver(FAST, once=True) == 0  # nothing is sent twice


@pytest.mark.needs_data
def test_a_real_replayed_match_reaches_the_partner_complete_in_order_and_signed(
    shared_data, partner, receiver
):
    match = replay(shared_data / "events" / "statsbomb_15986_events.json")
    updates = logged(match)
    assert len(updates) > 40  # whistles, cards, goals, substitutions and stats, each logged

    deliver_until(lambda: len(receiver.delivered()) >= len(updates))

    assert_received_as_logged(receiver.requests, updates, secret=partner.secret)


def test_a_partner_down_for_a_while_gets_everything_in_order_once_it_is_back(partner, receiver, feed_file):
    receiver.failing = 6
    match = replay(feed_file)
    updates = logged(match)

    deliver_until(lambda: len(receiver.delivered()) == len(updates))

    assert_received_as_logged(receiver.delivered(), updates, secret=partner.secret)
    refused = receiver.requests[:6]
    assert {request.seq for request in refused} == {updates[0].seq}, "later changes waited behind the first"
    assert len({request.delivery_id for request in refused + receiver.delivered()[:1]}) == 1
    attempts = Delivery.objects.filter(partner=partner, seq=updates[0].seq).order_by("attempt")
    assert [(d.attempt, d.delivered, d.status_code) for d in attempts] == [
        *[(n, False, 503) for n in range(1, 7)],
        (7, True, 204),
    ]
    assert all(d.retry_at is not None for d in attempts if not d.delivered)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_partner_whose_server_is_off_gets_everything_when_it_comes_up(db, feed_file):
    port = free_port()
    partner = Partner.objects.create(name="Late Riser", url=f"http://127.0.0.1:{port}/hooks")
    match = replay(feed_file)
    updates = logged(match)

    deliver(FAST, once=True)
    # Refused at the first change (on a slow machine the drain may have retried it already):
    # no later change was tried while it failed.
    attempts = list(Delivery.objects.filter(partner=partner).order_by("pk"))
    assert attempts and {(a.seq, a.delivered, a.status_code) for a in attempts} == {
        (updates[0].seq, False, None)
    }
    first = attempts[0]
    assert "Connection" in first.error or "refused" in first.error.lower()

    receiver = Receiver().start(port=port)
    try:
        deliver_until(lambda: len(receiver.delivered()) == len(updates))
        assert_received_as_logged(receiver.requests, updates, secret=partner.secret)
    finally:
        receiver.stop()


def test_a_replay_from_seq_n_resends_exactly_what_follows_n(partner, receiver, feed_file):
    match = replay(feed_file)
    updates = logged(match)
    deliver(FAST, once=True)
    first_ids = {r.seq: r.delivery_id for r in receiver.requests}
    n = updates[9].seq

    assert partner_replay_from(partner=partner, match=match, seq=n) == len(updates) - 10
    deliver(FAST, once=True)

    again = receiver.requests[len(updates) :]
    assert_received_as_logged(again, updates[10:], secret=partner.secret)
    assert all(r.delivery_id != first_ids[r.seq] for r in again), "a replay has new ids"


def test_an_inactive_partner_gets_nothing(partner, receiver, feed_file):
    idle = Receiver().start()
    try:
        resting = Partner.objects.create(name="Resting", url=idle.url, active=False)
        match = replay(feed_file)

        deliver(FAST, once=True)

        assert idle.requests == []
        assert not Delivery.objects.filter(partner=resting).exists()
        assert len(receiver.requests) == len(logged(match))
    finally:
        idle.stop()


def test_a_replay_that_resets_the_match_is_sent_after_what_went_before(partner, receiver, feed_file):
    first = logged(replay(feed_file))
    deliver(FAST, once=True)
    second = logged(replay(feed_file))  # the same feed again: the match is reset, its seq goes on
    assert second[0].seq > first[-1].seq + 1

    deliver(FAST, once=True)

    assert [r.seq for r in receiver.requests] == [u.seq for u in first + second]


def test_a_hanging_partner_holds_up_no_other_partner(partner, receiver, feed_file):
    stuck = Receiver(hang=True).start()
    try:
        Partner.objects.create(name="Stuck", url=stuck.url)
        updates = logged(replay(feed_file))

        answered_by_stuck: list[int] = []

        def healthy_done() -> bool:
            done = len(receiver.delivered()) == len(updates)
            if done and not stuck.release.is_set():
                answered_by_stuck.append(len(stuck.requests))
                stuck.release.set()  # let the stuck request answer, so the worker can stop
            return done

        deliver_until(healthy_done, FAST)

        assert_received_as_logged(receiver.requests, updates, secret=partner.secret)
        assert answered_by_stuck == [0], "the stuck partner was still at its first request"
    finally:
        stuck.stop()
