import secrets
import uuid

from django.db import models
from django.utils import timezone

DELIVERY_IDS = uuid.UUID("6f1d3c52-6a8e-4d59-9a57-2b9f0c5e7a11")  # namespace of delivery ids


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Partner(models.Model):
    """A partner site that is sent every change of the matches it follows, as signed webhooks."""

    name = models.CharField(max_length=100, unique=True)
    url = models.URLField(max_length=500, help_text="Where each change is POSTed.")
    secret = models.CharField(
        max_length=100,
        default=new_secret,
        help_text="Signs every request (docs/WEBHOOKS.md): give it to the partner.",
    )
    active = models.BooleanField(default=True, help_text="Off: nothing is sent; changes wait until it is on.")
    competition = models.ForeignKey(
        "fixtures_app.Competition",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Only this competition's matches; empty: every match.",
    )
    since = models.DateTimeField(
        default=timezone.now,
        help_text="Changes logged before this are not sent (a replay from a match's seq sends them).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnerCursor(models.Model):
    """How far one partner has been sent one match's update log: everything up to
    `delivered_seq` was answered 2xx. The next update waits for it, so each match's changes
    arrive in order; `round` is moved on by a replay, so a replay's deliveries have new ids."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="cursors")
    match = models.ForeignKey("fixtures_app.Match", on_delete=models.CASCADE, related_name="+")
    delivered_seq = models.PositiveIntegerField(default=0)
    round = models.PositiveIntegerField(default=0)
    failures = models.PositiveIntegerField(
        default=0, help_text="Failed attempts in a row of the next update."
    )
    retry_at = models.DateTimeField(null=True, blank=True, help_text="The next attempt, not before.")
    leased_until = models.DateTimeField(null=True, blank=True, help_text="A worker is sending until then.")

    class Meta:
        verbose_name = "delivery position"
        constraints = [models.UniqueConstraint(fields=["partner", "match"], name="partner_cursor_unique")]

    def __str__(self) -> str:
        return f"{self.partner} · match {self.match_id} · seq {self.delivered_seq}"

    def delivery_id(self, update_id: int) -> uuid.UUID:
        """The id of sending this update in this round: the same on every retry."""
        return uuid.uuid5(DELIVERY_IDS, f"{self.partner_id}/{update_id}/{self.round}")


class Delivery(models.Model):
    """One attempt at sending one update to one partner: the delivery log."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="deliveries")
    match = models.ForeignKey("fixtures_app.Match", on_delete=models.CASCADE, related_name="+")
    # The update by its match and seq, not a key: a reset replay deletes a match's log, not this one.
    seq = models.PositiveIntegerField()
    delivery_id = models.UUIDField(db_index=True)
    attempt = models.PositiveIntegerField()
    delivered = models.BooleanField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField()
    retry_at = models.DateTimeField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partner} · match {self.match_id} #{self.seq} · attempt {self.attempt}"

    @property
    def outcome(self) -> str:
        if self.delivered:
            return f"delivered ({self.status_code})"
        return f"HTTP {self.status_code}" if self.status_code else "no answer"
