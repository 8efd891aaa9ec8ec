"""The alert worker's bookkeeping: how far it has read each match's update log, and every alert
owed to a browser, made once per (browser, match, seq) so a change is never sent twice."""

from django.db import models


class AlertCursor(models.Model):
    """How far the alert worker has read one match's update log: every change up to `read_seq`
    has had its alerts made (or needed none)."""

    match = models.OneToOneField("fixtures_app.Match", on_delete=models.CASCADE, related_name="+")
    read_seq = models.PositiveIntegerField(default=0)
    leased_until = models.DateTimeField(null=True, blank=True, help_text="A worker is reading until then.")

    class Meta:
        verbose_name = "alert position"

    def __str__(self) -> str:
        return f"match {self.match_id} · seq {self.read_seq}"


class AlertPush(models.Model):
    """One alert owed to one browser, sent from `due_at` (the change, plus the fan's delay)."""

    class State(models.TextChoices):
        WAITING = "waiting"
        SENT = "sent"
        FAILED = "failed"

    subscription = models.ForeignKey("fans.PushSubscription", on_delete=models.CASCADE, related_name="pushes")
    match = models.ForeignKey("fixtures_app.Match", on_delete=models.CASCADE, related_name="+")
    seq = models.PositiveIntegerField()
    payload = models.JSONField(help_text="What the service worker shows: title, body, url, tag.")
    due_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    attempts = models.PositiveIntegerField(default=0)
    retry_at = models.DateTimeField(null=True, blank=True, help_text="After a failure: not before.")
    leased_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "match", "seq"], name="alert_push_once"),
        ]
        indexes = [models.Index(fields=["state", "due_at"])]

    def __str__(self) -> str:
        return f"{self.payload.get('title', '')} → {self.subscription_id} ({self.state})"
