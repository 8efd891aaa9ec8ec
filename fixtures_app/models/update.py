from django.conf import settings
from django.db import models


class MatchUpdate(models.Model):
    """One change to a match, in the order fans must see it: the update log.

    Its sequence number is given in the transaction that made the change, so a fan who
    missed messages asks for everything after the last number seen and gets exactly
    those. It is also the audit trail: who did what, when.
    """

    match = models.ForeignKey("fixtures_app.Match", on_delete=models.CASCADE, related_name="updates")
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=30)
    summary = models.CharField(max_length=300, help_text="What changed, in words, for the audit trail.")
    message = models.JSONField(help_text="The message as sent to fans.")
    event_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The event it concerns, if any."
    )
    client_key = models.CharField(
        max_length=64, blank=True, help_text="The client's key for the write, so a retried write counts once."
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["match", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["match", "seq"], name="update_unique_seq"),
            models.UniqueConstraint(
                fields=["match", "client_key"],
                condition=~models.Q(client_key=""),
                name="update_unique_client_key",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.summary}"
