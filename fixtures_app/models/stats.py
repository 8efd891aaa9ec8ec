from django.conf import settings
from django.db import models

from football.events import PERIOD_LABELS


class MatchStat(models.Model):
    """One side's figures for one period of a match, as an editor or a feed gave them.

    Cards are not kept here: they are counted from the match's events.
    """

    match = models.ForeignKey("fixtures_app.Match", on_delete=models.CASCADE, related_name="stats")
    team = models.ForeignKey("fixtures_app.Team", on_delete=models.PROTECT)
    period = models.PositiveSmallIntegerField(choices=PERIOD_LABELS)
    shots = models.PositiveSmallIntegerField(null=True, blank=True)
    shots_on_target = models.PositiveSmallIntegerField(null=True, blank=True)
    expected_goals = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    possession = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Per cent of the period.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["match", "period", "team"]
        constraints = [
            models.UniqueConstraint(fields=["match", "team", "period"], name="stat_unique_side_period"),
            models.CheckConstraint(
                condition=models.Q(shots_on_target__isnull=True)
                | models.Q(shots__isnull=True)
                | models.Q(shots_on_target__lte=models.F("shots")),
                name="stat_on_target_within_shots",
            ),
            models.CheckConstraint(
                condition=models.Q(possession__isnull=True) | models.Q(possession__lte=100),
                name="stat_possession_percent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} stats, period {self.period} of {self.match}"
