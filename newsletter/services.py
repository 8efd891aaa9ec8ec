"""Every write of the newsletter: sign up (double opt-in), confirm, unsubscribe."""

import datetime as dt
import logging
import smtplib
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from newsletter.consent import Outcome, Standing, sends_email, signup_outcome
from newsletter.models import Subscriber, new_token

logger = logging.getLogger(__name__)
MAX_EMAIL_LENGTH = Subscriber._meta.get_field("email").max_length

MESSAGES = {
    Outcome.SENT: "Almost there: we have sent a link to {email}. Open it to confirm, and the previews start.",
    Outcome.RESENT: "We have sent the link to {email} again. Check your inbox, and the spam folder too.",
    Outcome.RECENTLY_SENT: (
        "We sent a confirmation link to {email} a few minutes ago. Check your inbox and the spam folder; "
        "if it has not come, try again in a few minutes."
    ),
    Outcome.ALREADY_SUBSCRIBED: "Good news: {email} is already subscribed. The previews will keep coming.",
}


class NewsletterError(Exception):
    """A sign-up, confirmation or unsubscription that could not be done; the message says why."""


class InvalidEmailError(NewsletterError):
    pass


class UnknownTokenError(NewsletterError):
    pass


class EmailNotSentError(NewsletterError):
    pass


@dataclass(frozen=True)
class Signup:
    subscriber: Subscriber
    outcome: Outcome

    @property
    def message(self) -> str:
        return MESSAGES[self.outcome].format(email=self.subscriber.email)


def newsletter_subscribe(*, email: str, now: dt.datetime, base_url: str) -> Signup:
    """Signs the address up and sends it a confirmation link (see newsletter.consent).

    base_url is the site's address (e.g. https://matchcentre.example/): the email's links
    are absolute."""
    address = clean_email(email)
    try:
        subscriber, outcome, sent_before = _record_signup(address, now)
    except IntegrityError:  # the same address signed up at the same instant elsewhere
        subscriber, outcome, sent_before = _record_signup(address, now)
    if sends_email(outcome):
        _send_confirmation(subscriber, base_url=base_url, sent_before=sent_before)
    return Signup(subscriber=subscriber, outcome=outcome)


def newsletter_confirm(*, token: str, now: dt.datetime | None = None) -> Subscriber:
    """Confirms the sign-up the link was sent for; confirming twice changes nothing."""
    with transaction.atomic():
        subscriber = _by_token(token)
        if subscriber.unsubscribed_at is not None:
            raise UnknownTokenError("This link is no longer valid: the address has unsubscribed.")
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = now or timezone.now()
            subscriber.save(update_fields=["confirmed_at"])
        return subscriber


def newsletter_unsubscribe(*, token: str, now: dt.datetime | None = None) -> Subscriber:
    """Stops everything to the address; unsubscribing twice changes nothing."""
    with transaction.atomic():
        subscriber = _by_token(token)
        if subscriber.unsubscribed_at is None:
            subscriber.unsubscribed_at = now or timezone.now()
            subscriber.save(update_fields=["unsubscribed_at"])
        return subscriber


def clean_email(email: str) -> str:
    """The address as typed, trimmed and with its domain in lower case; raises InvalidEmailError."""
    address = BaseUserManager.normalize_email((email or "").strip())
    if not address:
        raise InvalidEmailError("Please type your email address.")
    if MAX_EMAIL_LENGTH is not None and len(address) > MAX_EMAIL_LENGTH:
        raise InvalidEmailError(f"An email address has at most {MAX_EMAIL_LENGTH} characters.")
    try:
        validate_email(address)
    except ValidationError:
        raise InvalidEmailError(
            f"“{address[:100]}” does not look like an email address. Check it and try again."
        ) from None
    return address


def _record_signup(address: str, now: dt.datetime) -> tuple[Subscriber, Outcome, dt.datetime | None]:
    resend_after = dt.timedelta(seconds=settings.NEWSLETTER_RESEND_AFTER_SECONDS)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=address).first()
        outcome = signup_outcome(_standing(subscriber), now=now, resend_after=resend_after)
        if subscriber is None:
            subscriber = Subscriber.objects.create(email=address)
        sent_before = subscriber.confirmation_sent_at
        if outcome is Outcome.SENT and subscriber.unsubscribed_at is not None:
            _start_again(subscriber)
        if sends_email(outcome):
            subscriber.confirmation_sent_at = now
            subscriber.save()
        return subscriber, outcome, sent_before


def _standing(subscriber: Subscriber | None) -> Standing | None:
    if subscriber is None:
        return None
    return Standing(
        confirmed=subscriber.confirmed_at is not None,
        unsubscribed=subscriber.unsubscribed_at is not None,
        last_sent_at=subscriber.confirmation_sent_at,
    )


def _start_again(subscriber: Subscriber) -> None:
    """An address that left and signs up again confirms again, with new links."""
    subscriber.token = new_token()
    subscriber.confirmed_at = None
    subscriber.unsubscribed_at = None


def _by_token(token: str) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().with_token(token).first()
    if subscriber is None:
        raise UnknownTokenError("This link is not valid. It may have been copied only in part.")
    return subscriber


def _send_confirmation(subscriber: Subscriber, *, base_url: str, sent_before: dt.datetime | None) -> None:
    context = {
        "email": subscriber.email,
        "confirm_url": urljoin(base_url, reverse("newsletter:confirm", kwargs={"token": subscriber.token})),
        "unsubscribe_url": urljoin(
            base_url, reverse("newsletter:unsubscribe", kwargs={"token": subscriber.token})
        ),
    }
    try:
        send_mail(
            subject="Confirm your MatchCentre previews",
            message=render_to_string("newsletter/email/confirm.txt", context),
            html_message=render_to_string("newsletter/email/confirm.html", context),
            from_email=None,
            recipient_list=[subscriber.email],
        )
    except (smtplib.SMTPException, OSError):
        logger.exception("The newsletter confirmation to subscriber %s could not be sent", subscriber.pk)
        # Not sent: a retry must not be held back by the resend interval.
        Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=sent_before)
        raise EmailNotSentError(
            "We could not send the confirmation email just now. Please try again in a few minutes."
        ) from None
