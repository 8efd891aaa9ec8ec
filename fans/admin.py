from django.contrib import admin

from fans.models import Follow


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "team", "match", "created_at"]
    list_select_related = ["user", "team", "match__home_team", "match__away_team"]
    search_fields = ["user__username", "team__name"]
    raw_id_fields = ["user", "team", "match"]
    date_hierarchy = "created_at"
