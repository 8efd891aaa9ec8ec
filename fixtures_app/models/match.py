from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from football.events import Period
from football.status import FINISHED, NOT_STARTED, PLAYING_PERIODS, STATUS_LABELS, Status


class MatchQuerySet(models.QuerySet):
    def with_teams(self) -> "MatchQuerySet":
        return self.select_related("home_team", "away_team", "venue", "stage__season__competition")

    def in_play(self) -> "MatchQuerySet":
        return self.exclude(status__in=[*NOT_STARTED, *FINISHED, Status.ABANDONED])

    def finished(self) -> "MatchQuerySet":
        return self.filter(status__in=FINISHED)

    def between(self, start, end) -> "MatchQuerySet":
        return self.filter(kickoff__gte=start, kickoff__lt=end)

    def football(self) -> "MatchQuerySet":
        return self.filter(stage__season__competition__sport="football")


class Match(models.Model):
    stage = models.ForeignKey("fixtures_app.Stage", on_delete=models.CASCADE, related_name="matches")
    round_name = models.CharField(max_length=60, blank=True, help_text="e.g. Matchday 4.")
    tie = models.ForeignKey(
        "fixtures_app.Tie", on_delete=models.SET_NULL, null=True, blank=True, related_name="legs"
    )
    leg = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 or 2 in a two-legged tie.")
    home_team = models.ForeignKey("fixtures_app.Team", on_delete=models.PROTECT, related_name="home_matches")
    away_team = models.ForeignKey("fixtures_app.Team", on_delete=models.PROTECT, related_name="away_matches")
    venue = models.ForeignKey("fixtures_app.Venue", on_delete=models.SET_NULL, null=True, blank=True)
    kickoff = models.DateTimeField(help_text="Stored in UTC.")
    status = models.CharField(max_length=20, choices=STATUS_LABELS, default=Status.SCHEDULED)
    referee = models.CharField(max_length=100, blank=True)
    attendance = models.PositiveIntegerField(null=True, blank=True)
    home_formation = models.CharField(
        max_length=12, blank=True, help_text="Outfield lines from the back, e.g. 4-2-3-1."
    )
    away_formation = models.CharField(max_length=12, blank=True)
    alerts = models.BooleanField(
        default=True, help_text="Off: no goal alerts or Web Push for this match (e.g. a replay)."
    )

    # When each period kicked off: the live clock counts from these.
    first_half_started_at = models.DateTimeField(null=True, blank=True)
    second_half_started_at = models.DateTimeField(null=True, blank=True)
    extra_first_half_started_at = models.DateTimeField(null=True, blank=True)
    extra_second_half_started_at = models.DateTimeField(null=True, blank=True)
    penalties_started_at = models.DateTimeField(null=True, blank=True)

    # The result of record. Kept by the event services from the match's events; entered
    # directly only for matches imported without events.
    home_score = models.PositiveSmallIntegerField(null=True, blank=True)
    away_score = models.PositiveSmallIntegerField(null=True, blank=True)
    home_half_time_score = models.PositiveSmallIntegerField(null=True, blank=True)
    away_half_time_score = models.PositiveSmallIntegerField(null=True, blank=True)
    home_normal_time_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="After ninety minutes, when the match went to extra time."
    )
    away_normal_time_score = models.PositiveSmallIntegerField(null=True, blank=True)
    home_penalties = models.PositiveSmallIntegerField(null=True, blank=True)
    away_penalties = models.PositiveSmallIntegerField(null=True, blank=True)

    version = models.PositiveIntegerField(
        default=1, help_text="Raised by every change, for stale-edit checks."
    )
    seq = models.PositiveIntegerField(default=0, help_text="Number of the last update sent to fans.")

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["kickoff", "pk"]
        verbose_name_plural = "matches"
        indexes = [models.Index(fields=["kickoff"]), models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(home_team=models.F("away_team")), name="match_two_teams"
            ),
            models.CheckConstraint(
                condition=models.Q(leg__isnull=True) | models.Q(leg__in=[1, 2], tie__isnull=False),
                name="match_leg_of_a_tie",
            ),
            models.UniqueConstraint(fields=["tie", "leg"], name="match_unique_leg"),
        ]

    def __str__(self) -> str:
        return f"{self.home_team} v {self.away_team} ({self.kickoff:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        slug = slugify(f"{self.home_team.name} v {self.away_team.name} {self.kickoff:%Y-%m-%d}")
        return reverse("fixtures_app:match", kwargs={"pk": self.pk, "slug": slug})

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[Status(self.status)]

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def has_started(self) -> bool:
        return self.status not in NOT_STARTED

    @property
    def period_started_at(self):
        """When the period now being played kicked off (None outside play)."""
        period = PLAYING_PERIODS.get(Status(self.status))
        return self.period_start(period) if period else None

    def period_start(self, period: Period):
        return getattr(self, PERIOD_START_FIELDS[period])


PERIOD_START_FIELDS = {
    Period.FIRST_HALF: "first_half_started_at",
    Period.SECOND_HALF: "second_half_started_at",
    Period.EXTRA_FIRST_HALF: "extra_first_half_started_at",
    Period.EXTRA_SECOND_HALF: "extra_second_half_started_at",
    Period.PENALTIES: "penalties_started_at",
}


class LineupEntry(models.Model):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="lineup")
    team = models.ForeignKey("fixtures_app.Team", on_delete=models.CASCADE)
    player = models.ForeignKey("fixtures_app.Player", on_delete=models.PROTECT)
    shirt_number = models.PositiveSmallIntegerField(null=True, blank=True)
    starter = models.BooleanField(default=True, help_text="In the starting XI; otherwise on the bench.")
    captain = models.BooleanField(default=False)
    position = models.CharField(max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["match", "team", "-starter", "order"]
        verbose_name_plural = "line-up entries"
        constraints = [
            models.UniqueConstraint(fields=["match", "player"], name="lineup_unique_player"),
            models.CheckConstraint(
                condition=models.Q(shirt_number__isnull=True) | models.Q(shirt_number__range=(1, 99)),
                name="lineup_shirt_number_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.player} ({self.team})"
