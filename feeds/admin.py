from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from feeds.models import ApiToken
from feeds.tokens import api_token_prepare, api_token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created here (the key is shown once, in the message after saving) and revoked
    with the action; a revoked token stays listed, so its use can still be traced."""

    list_display = ["name", "user", "key_prefix", "created_at", "last_used_at", "revoked_at", "active"]
    list_select_related = ["user"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "user__username", "key_prefix"]
    raw_id_fields = ["user"]
    readonly_fields = ["key_prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke_tokens"]

    def get_fields(self, request: HttpRequest, token: ApiToken | None = None) -> tuple[str, ...]:
        return ("name", "user") if token is None else ("name", "user", *self.readonly_fields)

    @admin.display(description="Active", boolean=True)
    def active(self, token: ApiToken) -> bool:
        return not token.is_revoked

    def save_model(self, request: HttpRequest, token: ApiToken, form, change: bool) -> None:
        raw_key = None if change else api_token_prepare(token)
        super().save_model(request, token, form, change)
        if raw_key:
            messages.warning(
                request,
                f"The key of “{token.name}” is {raw_key} — copy it now: it is not stored and "
                "will not be shown again. Clients send it as “Authorization: Bearer <key>”.",
            )

    @admin.action(description="Revoke the selected tokens")
    def revoke_tokens(self, request: HttpRequest, tokens: QuerySet[ApiToken]) -> None:
        now = timezone.now()
        for token in tokens:
            api_token_revoke(token=token, at=now)
        self.message_user(request, f"Revoked {len(tokens)} token(s).", messages.SUCCESS)
