from django.conf import settings
from django.db import models

from football.events import (
    EVENT_KIND_LABELS,
    GOAL_TYPE_LABELS,
    PERIOD_LABELS,
    VAR_DECISION_LABELS,
    EventKind,
)


class MatchEventQuerySet(models.QuerySet):
    def in_match_order(self) -> "MatchEventQuerySet":
        return self.order_by("period", "minute", "added_minute", "pk")

    def with_people(self) -> "MatchEventQuerySet":
        return self.select_related("team", "player", "player_in", "assist")


class MatchEvent(models.Model):
    """One thing that happened in a match, as an editor or a feed recorded it.

    The minute and the added minute are stored apart: `90+1'` is minute 90, added 1.
    The team is the team of the player named (an own goal is on the scorer's own team).
    """

    match = models.ForeignKey("fixtures_app.Match", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EVENT_KIND_LABELS)
    period = models.PositiveSmallIntegerField(choices=PERIOD_LABELS)
    minute = models.PositiveSmallIntegerField()
    added_minute = models.PositiveSmallIntegerField(default=0)
    team = models.ForeignKey("fixtures_app.Team", on_delete=models.PROTECT, null=True, blank=True)
    player = models.ForeignKey(
        "fixtures_app.Player", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    player_in = models.ForeignKey(
        "fixtures_app.Player",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitutions_on",
        help_text="For a substitution: the player coming on (the player field is the one going off).",
    )
    assist = models.ForeignKey(
        "fixtures_app.Player",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assists",
        help_text="For a goal: the player who set it up, where the feed or the editor knows it.",
    )
    goal_type = models.CharField(max_length=20, choices=GOAL_TYPE_LABELS, blank=True)
    var_decision = models.CharField(max_length=20, choices=VAR_DECISION_LABELS, blank=True)
    reverses = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reversals",
        help_text="For a VAR decision: the event it reverses.",
    )
    detail = models.CharField(max_length=60, blank=True, help_text="e.g. header, free kick, offside.")
    text = models.TextField(
        blank=True, help_text="Commentary shown in the timeline; a photo's caption; a quote's words."
    )
    photo = models.CharField(
        max_length=32,
        blank=True,
        help_text="For a photo: the name of its renditions (the upload itself is never kept).",
    )
    photo_width = models.PositiveIntegerField(default=0, help_text="The largest rendition's size.")
    photo_height = models.PositiveIntegerField(default=0)
    credit = models.CharField(max_length=100, blank=True, help_text="For a photo: who took it.")
    alt_text = models.CharField(
        max_length=300, blank=True, help_text="For a photo: what it shows, for readers who cannot see it."
    )
    quote_by = models.CharField(max_length=100, blank=True, help_text="For a quote: who said it.")
    quote_role = models.CharField(max_length=100, blank=True, help_text="For a quote: their role or context.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = MatchEventQuerySet.as_manager()

    class Meta:
        ordering = ["match", "period", "minute", "added_minute", "pk"]
        indexes = [models.Index(fields=["match", "period", "minute", "added_minute"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(minute__lte=130), name="event_minute_range"),
            models.CheckConstraint(condition=models.Q(added_minute__lte=30), name="event_added_minute_range"),
            models.CheckConstraint(
                condition=models.Q(kind=EventKind.GOAL, goal_type__in=list(GOAL_TYPE_LABELS))
                | (~models.Q(kind=EventKind.GOAL) & models.Q(goal_type="")),
                name="event_goal_type_only_for_goals",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=EventKind.VAR, var_decision__in=list(VAR_DECISION_LABELS))
                | (~models.Q(kind=EventKind.VAR) & models.Q(var_decision="")),
                name="event_var_decision_only_for_var",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=EventKind.PHOTO) & ~models.Q(photo="") & ~models.Q(credit="")
                | (~models.Q(kind=EventKind.PHOTO) & models.Q(photo="", credit="", alt_text="")),
                name="event_photo_only_for_photos",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=EventKind.QUOTE) & ~models.Q(quote_by="")
                | (~models.Q(kind=EventKind.QUOTE) & models.Q(quote_by="", quote_role="")),
                name="event_quote_by_only_for_quotes",
            ),
        ]

    def __str__(self) -> str:
        added = f"+{self.added_minute}" if self.added_minute else ""
        who = f" {self.player.known_as}" if self.player is not None else ""
        return f"{self.minute}{added}' {self.get_kind_display()}{who}"
