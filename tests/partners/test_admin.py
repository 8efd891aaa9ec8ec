"""The partners' admin: registering one, the delivery log, "Replay from seq N"."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from fixtures_app.services.status import match_change_status
from partners.models import Delivery, Partner, PartnerCursor
from tests.factories import make_match
from tests.partners.receiver import Receiver

pytestmark = pytest.mark.django_db


def test_a_new_partner_gets_a_generated_secret(admin_client):
    answer = admin_client.post(
        reverse("admin:partners_partner_add"),
        {
            "name": "Scores Daily",
            "url": "https://scores.example/hooks",
            "secret": Partner._meta.get_field("secret").default(),
            "active": "on",
            "since_0": "2026-01-01",
            "since_1": "00:00:00",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    partner = Partner.objects.get()
    assert len(partner.secret) >= 40


def test_replay_from_seq_n_moves_the_partners_position_in_that_match(admin_client):
    partner = Partner.objects.create(name="Scores Daily", url="http://127.0.0.1:9/")
    match = make_match()
    for status in ("first_half", "half_time", "second_half"):
        match_change_status(match=match, status=status)
    url = reverse("admin:partners_partner_replay", args=[partner.pk])

    assert admin_client.get(url).status_code == 200
    answer = admin_client.post(url, {"match": match.pk, "seq": 1}, follow=True)

    assert "2 change(s)" in answer.content.decode()
    cursor = PartnerCursor.objects.get(partner=partner, match=match)
    assert (cursor.delivered_seq, cursor.round) == (1, 1)


def test_replay_from_a_seq_the_match_has_not_reached_is_refused_on_the_form(admin_client):
    partner = Partner.objects.create(name="Scores Daily", url="http://127.0.0.1:9/")
    match = make_match()
    answer = admin_client.post(
        reverse("admin:partners_partner_replay", args=[partner.pk]), {"match": match.pk, "seq": 5}
    )
    assert answer.status_code == 200
    assert "has changes up to seq 0" in answer.content.decode()
    assert not PartnerCursor.objects.exists()


def test_the_delivery_log_lists_attempts_and_filters_by_outcome(admin_client):
    receiver = Receiver(failing=1).start()
    try:
        partner = Partner.objects.create(name="Scores Daily", url=receiver.url)
        match_change_status(match=make_match(), status="first_half")
        out = StringIO()
        call_command("deliver_webhooks", "--once", stdout=out)
        assert "0 change(s) delivered" in out.getvalue()  # the first attempt failed; its retry waits
        assert Delivery.objects.get().status_code == 503

        log = reverse("admin:partners_delivery_changelist")
        failed = admin_client.get(log, {"delivered__exact": "0", "partner__id__exact": partner.pk})
        delivered = admin_client.get(log, {"delivered__exact": "1"})
        page = admin_client.get(reverse("admin:partners_partner_change", args=[partner.pk])).content.decode()
    finally:
        receiver.stop()
    assert failed.status_code == 200 and "HTTP 503" in failed.content.decode()
    assert "HTTP 503" not in delivered.content.decode()
    assert "Replay a match from seq N" in page and "Deliveries" in page


def test_retry_now_drops_a_waiting_retry(admin_client):
    receiver = Receiver(failing=1).start()
    try:
        Partner.objects.create(name="Scores Daily", url=receiver.url)
        match_change_status(match=make_match(), status="first_half")
        call_command("deliver_webhooks", "--once", stdout=StringIO())
        cursor = PartnerCursor.objects.get()
        assert cursor.retry_at is not None
        positions = reverse("admin:partners_partnercursor_changelist")
        assert admin_client.get(positions).status_code == 200
        assert (
            admin_client.get(
                reverse("admin:partners_delivery_change", args=[Delivery.objects.get().pk])
            ).status_code
            == 200
        )

        admin_client.post(positions, {"action": "retry_now", "_selected_action": [cursor.pk]})
        cursor.refresh_from_db()
        assert cursor.retry_at is None
        out = StringIO()
        call_command("deliver_webhooks", "--once", stdout=out)
    finally:
        receiver.stop()
    assert "1 change(s) delivered" in out.getvalue()
    assert [(r.seq, r.answered) for r in receiver.requests] == [(1, 503), (1, 204)]
