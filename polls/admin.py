from typing import TYPE_CHECKING, TypedDict

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from polls.models import Poll, PollOption
from polls.services import poll_close, poll_reopen

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class VoteCount(TypedDict):
    vote_count: int


class PollOptionInline(admin.TabularInline):
    model = PollOption
    fields = ["order", "key", "label", "votes"]
    readonly_fields = ["votes"]
    extra = 0
    min_num = 2

    @admin.display(description="Votes")
    def votes(self, option: PollOption) -> int:
        return option.votes.count() if option.pk else 0


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["question", "match", "closes_at", "closed", "open_now", "total_votes"]
    list_select_related = ["match__home_team", "match__away_team"]
    list_filter = ["closed"]
    search_fields = ["question", "match__home_team__name", "match__away_team__name"]
    raw_id_fields = ["match"]
    fields = ["match", "question", "order", "closes_at", "closed"]
    inlines = [PollOptionInline]
    actions = ["close_polls", "reopen_polls"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Poll]:
        return super().get_queryset(request).annotate(vote_count=Count("votes"))

    @admin.display(description="Votes", ordering="vote_count")
    def total_votes(self, poll: "WithAnnotations[Poll, VoteCount]") -> int:
        return poll.vote_count

    @admin.display(description="Open now", boolean=True)
    def open_now(self, poll: Poll) -> bool:
        return poll.is_open_at(timezone.now())

    def save_model(self, request: HttpRequest, poll: Poll, form, change: bool) -> None:
        if not change and poll.closes_at is None:
            poll.closes_at = poll.match.kickoff  # Like every new poll: open until kick-off.
        super().save_model(request, poll, form, change)

    @admin.action(description="Close the selected polls now")
    def close_polls(self, request: HttpRequest, polls: QuerySet[Poll]) -> None:
        for poll in polls:
            poll_close(poll=poll)
        self.message_user(request, f"Closed {len(polls)} poll(s).", messages.SUCCESS)

    @admin.action(description="Reopen the selected polls until an editor closes them")
    def reopen_polls(self, request: HttpRequest, polls: QuerySet[Poll]) -> None:
        for poll in polls:
            poll_reopen(poll=poll)
        self.message_user(request, f"Reopened {len(polls)} poll(s).", messages.SUCCESS)
