import re
import secrets

from django.db import models
from django.db.models.functions import Lower

# What new_token() makes: URL-safe base64, 43 characters.
TOKEN_FORM = re.compile(r"[-\w]{1,64}", re.ASCII)


def new_token() -> str:
    """An unguessable key for a subscriber's confirm and unsubscribe links (256 random bits)."""
    return secrets.token_urlsafe(32)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self) -> "SubscriberQuerySet":
        """Those who confirmed and have not left: the only ones the newsletter goes to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def pending(self) -> "SubscriberQuerySet":
        return self.filter(confirmed_at__isnull=True, unsubscribed_at__isnull=True)

    def with_token(self, token: str) -> "SubscriberQuerySet":
        """The subscriber a link is for; nobody for a token that cannot be one of ours (a NUL
        byte from a mangled link would otherwise reach PostgreSQL, which refuses it with an error)."""
        return self.filter(token=token) if TOKEN_FORM.fullmatch(token or "") else self.none()


class Subscriber(models.Model):
    """An email address signed up for the match previews; it gets them only once confirmed."""

    email = models.EmailField(max_length=254)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_unique_email")]

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None

    @property
    def state(self) -> str:
        if self.unsubscribed_at is not None:
            return "Unsubscribed"
        return "Confirmed" if self.confirmed_at is not None else "Waiting for confirmation"
