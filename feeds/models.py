from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A feed client's key to the JSON API. It acts as its user: writes need an editor.

    Only a hash of the key is kept; the key itself is shown once, when the token is created.
    """

    name = models.CharField(max_length=100, help_text="Who uses it, e.g. “Stadium scoreboard”.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="The user the token acts as. Only editors may write.",
    )
    key_prefix = models.CharField(max_length=12, editable=False, help_text="The key's first characters.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class IdempotentWrite(models.Model):
    """An API write sent with a client's key: the request the key names, and the answer it got.

    A retry with the same key gets the same answer and changes nothing more; another request
    under the key is refused. (Match writes' answers come from the update log, which keeps
    their keys too: their rows here keep only the request, with status 0.)
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    request = models.CharField(max_length=200, help_text="Method and path, e.g. POST /api/v1/…")
    fingerprint = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="SHA-256 of the method, path and body (canonical JSON) the key names; "
        "empty for keys kept before fingerprints, judged by method and path.",
    )
    status = models.PositiveSmallIntegerField()
    answer = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotent_write_unique_key")]

    def __str__(self) -> str:
        return f"{self.request} ({self.key})"
