"""Sign up, confirm, unsubscribe: double opt-in, kind to duplicates and typos, never a flood."""

import datetime as dt
import re
import smtplib

import pytest
from django.core import mail

from newsletter.consent import Outcome
from newsletter.models import Subscriber
from newsletter.services import (
    EmailNotSentError,
    InvalidEmailError,
    UnknownTokenError,
    newsletter_confirm,
    newsletter_subscribe,
    newsletter_unsubscribe,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2024, 4, 18, 19, 0, tzinfo=dt.UTC)
SITE = "https://matchcentre.example/"


def subscribe(email="fan@example.com", now=NOW):
    return newsletter_subscribe(email=email, now=now, base_url=SITE)


def link(kind: str, message) -> str:
    return re.search(rf"https://matchcentre\.example/newsletter/{kind}/[\w-]+/", message.body).group(0)


def test_a_new_address_is_sent_a_confirmation_link_and_is_not_yet_subscribed():
    signup = subscribe()
    assert signup.outcome is Outcome.SENT
    assert "we have sent a link to fan@example.com" in signup.message
    [message] = mail.outbox
    assert message.to == ["fan@example.com"]
    token = signup.subscriber.token
    assert link("confirm", message) == f"{SITE}newsletter/confirm/{token}/"
    assert link("unsubscribe", message) == f"{SITE}newsletter/unsubscribe/{token}/"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f"{SITE}newsletter/confirm/{token}/" in html
    assert not Subscriber.objects.confirmed().exists()


def test_tokens_are_long_random_and_different_for_everyone():
    first, second = subscribe("a@example.com").subscriber, subscribe("b@example.com").subscriber
    assert len(first.token) >= 40 and first.token != second.token


def test_confirming_subscribes_and_confirming_again_changes_nothing():
    token = subscribe().subscriber.token
    subscriber = newsletter_confirm(token=token, now=NOW + dt.timedelta(minutes=3))
    assert subscriber.is_confirmed and subscriber.confirmed_at == NOW + dt.timedelta(minutes=3)
    assert (
        newsletter_confirm(token=token, now=NOW + dt.timedelta(days=1)).confirmed_at
        == subscriber.confirmed_at
    )


def test_an_address_already_subscribed_is_told_so_kindly_and_sent_nothing():
    newsletter_confirm(token=subscribe().subscriber.token)
    mail.outbox.clear()
    signup = subscribe("Fan@EXAMPLE.com", now=NOW + dt.timedelta(days=1))
    assert signup.outcome is Outcome.ALREADY_SUBSCRIBED
    assert "already subscribed" in signup.message
    assert mail.outbox == []
    assert Subscriber.objects.count() == 1


def test_a_pending_address_is_sent_the_link_again_but_not_twice_in_a_few_minutes():
    subscribe()
    again = subscribe(now=NOW + dt.timedelta(minutes=1))
    assert again.outcome is Outcome.RECENTLY_SENT
    assert "a few minutes ago" in again.message
    assert len(mail.outbox) == 1
    later = subscribe(now=NOW + dt.timedelta(minutes=6))
    assert later.outcome is Outcome.RESENT
    assert len(mail.outbox) == 2
    assert link("confirm", mail.outbox[0]) == link("confirm", mail.outbox[1])


def test_the_same_address_in_other_capitals_is_the_same_subscriber():
    subscribe("Fan@Example.com")
    subscribe("fan@example.COM", now=NOW + dt.timedelta(minutes=10))
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().email == "Fan@example.com"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Please type your email address."),
        ("   ", "Please type your email address."),
        ("fan@", "“fan@” does not look like an email address."),
        ("fan.example.com", "does not look like an email address"),
        ("fan@example", "does not look like an email address"),
        ("<script>@example.com", "does not look like an email address"),
    ],
)
def test_an_invalid_address_gets_a_clear_error_and_nothing_is_stored(typed, says):
    with pytest.raises(InvalidEmailError, match=re.escape(says)):
        subscribe(typed)
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_spaces_around_an_address_are_forgiven():
    assert subscribe("  fan@example.com ").subscriber.email == "fan@example.com"


def test_unsubscribing_stops_everything_and_the_old_confirm_link_no_longer_works():
    token = subscribe().subscriber.token
    newsletter_confirm(token=token)
    subscriber = newsletter_unsubscribe(token=token, now=NOW + dt.timedelta(days=2))
    assert subscriber.unsubscribed_at == NOW + dt.timedelta(days=2)
    assert not Subscriber.objects.confirmed().exists()
    assert newsletter_unsubscribe(token=token).unsubscribed_at == subscriber.unsubscribed_at
    with pytest.raises(UnknownTokenError):
        newsletter_confirm(token=token)


def test_signing_up_again_after_leaving_needs_a_new_confirmation_with_new_links():
    old_token = subscribe().subscriber.token
    newsletter_confirm(token=old_token)
    newsletter_unsubscribe(token=old_token)
    signup = subscribe(now=NOW + dt.timedelta(days=1))
    assert signup.outcome is Outcome.SENT
    assert signup.subscriber.token != old_token
    assert not signup.subscriber.is_confirmed
    assert link("confirm", mail.outbox[-1]).endswith(f"/{signup.subscriber.token}/")


@pytest.mark.parametrize("token", ["", "nope", "x" * 43])
def test_an_unknown_token_is_refused(token):
    subscribe()
    with pytest.raises(UnknownTokenError, match="This link is not valid"):
        newsletter_confirm(token=token)
    with pytest.raises(UnknownTokenError):
        newsletter_unsubscribe(token=token)


def test_when_the_email_cannot_be_sent_the_fan_is_told_and_may_retry_at_once(monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("newsletter.services.send_mail", refuse)
    with pytest.raises(EmailNotSentError, match="could not send"):
        subscribe()
    monkeypatch.undo()
    assert subscribe(now=NOW + dt.timedelta(seconds=5)).outcome is Outcome.RESENT
    assert len(mail.outbox) == 1
