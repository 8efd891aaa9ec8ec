from django.contrib import admin

from newsletter.models import Subscriber

SHOWN_FIELDS = ("email", "created_at", "confirmation_sent_at", "confirmed_at", "unsubscribed_at")


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Read-only: addresses join and leave only through their own links (double opt-in)."""

    list_display = ["email", "state", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = [
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    fields = SHOWN_FIELDS
    readonly_fields = SHOWN_FIELDS

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
