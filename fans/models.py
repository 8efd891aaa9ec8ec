"""The fan's own layer: the clubs and matches a signed-in fan follows, and the browsers that
asked for Web Push alerts. A fan without an account keeps follows in the browser; signing in
merges them into `Follow`."""

from django.conf import settings
from django.db import models


class Follow(models.Model):
    """One club or one match a signed-in fan follows."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    team = models.ForeignKey(
        "fixtures_app.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    match = models.ForeignKey(
        "fixtures_app.Match", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(team__isnull=False, match__isnull=True)
                | models.Q(team__isnull=True, match__isnull=False),
                name="follow_one_thing",
            ),
            models.UniqueConstraint(fields=["user", "team"], name="follow_unique_team"),
            models.UniqueConstraint(fields=["user", "match"], name="follow_unique_match"),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.team or self.match}"


class PushSubscription(models.Model):
    """One browser's Web Push subscription (its endpoint and keys) and what it follows."""

    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200, help_text="The browser's public key (base64url).")
    auth = models.CharField(max_length=100, help_text="The browser's auth secret (base64url).")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    teams = models.ManyToManyField("fixtures_app.Team", blank=True, related_name="+")
    matches = models.ManyToManyField("fixtures_app.Match", blank=True, related_name="+")
    delay_seconds = models.PositiveIntegerField(
        default=0, help_text="The fan's stream delay: alerts are held this long."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.endpoint[:80]


# The alert worker's models (fans/push_models.py), so that Django finds them with the app's.
from fans.push_models import AlertCursor, AlertPush  # noqa: E402, F401
