from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html

from articles.models import Article, ArticleQuerySet
from articles.services import articles_publish, articles_unpublish


class PublishedFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("draft", "Draft"), ("published", "Published"), ("scheduled", "Scheduled")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "draft":
            return queryset.drafts()
        if self.value() == "published":
            return queryset.published(now)
        if self.value() == "scheduled":
            return queryset.filter(published_at__gt=now)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "kind", "match", "state", "published_at", "author"]
    list_filter = [PublishedFilter, "kind", "competition"]
    list_select_related = ["match__home_team", "match__away_team"]
    search_fields = ["headline", "standfirst", "author"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["match", "teams", "competition"]
    readonly_fields = ["view_on_site_link"]
    actions = ["publish_now", "make_draft"]
    fieldsets = [
        (None, {"fields": ["kind", "headline", "slug", "standfirst", "body", "author", "published_at"]}),
        ("Photo", {"fields": ["photo", "photo_url", "photo_alt", "photo_caption", "photo_credit"]}),
        ("About", {"fields": ["match", "teams", "competition"]}),
        (None, {"fields": ["view_on_site_link"]}),
    ]

    @admin.display(description="State")
    def state(self, article: Article) -> str:
        if article.published_at is None:
            return "Draft"
        return "Published" if article.is_published_at(timezone.now()) else "Scheduled"

    @admin.display(description="Page")
    def view_on_site_link(self, article: Article) -> str:
        if not article.pk or not article.is_published_at(timezone.now()):
            return "Seen by readers once published."
        return format_html('<a href="{}">{}</a>', article.get_absolute_url(), article.get_absolute_url())

    @admin.action(description="Publish the selected articles now")
    def publish_now(self, request: HttpRequest, queryset: ArticleQuerySet) -> None:
        count = articles_publish(articles=queryset, now=timezone.now())
        messages.success(request, f"Published {count} article(s).")

    @admin.action(description="Turn the selected articles back into drafts")
    def make_draft(self, request: HttpRequest, queryset: ArticleQuerySet) -> None:
        count = articles_unpublish(articles=queryset)
        messages.success(request, f"{count} article(s) are drafts again.")
