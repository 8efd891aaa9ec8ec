from django.db import models


class Sport(models.TextChoices):
    FOOTBALL = "football", "Football"
    AMERICAN_FOOTBALL = "american_football", "American football"
    BASKETBALL = "basketball", "Basketball"
    ICE_HOCKEY = "ice_hockey", "Ice hockey"


class Competition(models.Model):
    class Kind(models.TextChoices):
        LEAGUE = "league", "League"
        CUP = "cup", "Cup"
        LEAGUE_PHASE = "league_phase", "League phase and knock-outs"

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    sport = models.CharField(max_length=20, choices=Sport.choices, default=Sport.FOOTBALL)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.LEAGUE)
    rules = models.CharField(
        max_length=40,
        default="premier-league",
        help_text="Name of the tie-break order its tables are sorted by (see football.standings).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Season(models.Model):
    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="seasons")
    name = models.CharField(max_length=20, help_text="As fans write it, e.g. 2023/24.")
    slug = models.SlugField(max_length=20, help_text="As it appears in addresses, e.g. 2023-24.")
    starts_on = models.DateField(null=True, blank=True)
    rules = models.CharField(
        max_length=40,
        blank=True,
        help_text="Tie-break order for this season's tables; empty: the competition's.",
    )

    class Meta:
        ordering = ["competition", "-slug"]
        constraints = [models.UniqueConstraint(fields=["competition", "slug"], name="season_unique_slug")]

    def __str__(self) -> str:
        return f"{self.competition} {self.name}"

    @property
    def tiebreak_rules(self) -> str:
        return self.rules or self.competition.rules


class Stage(models.Model):
    """A part of a season played one way: a league, a group, a league phase, a knock-out round."""

    class Kind(models.TextChoices):
        LEAGUE = "league", "League (table)"
        GROUP = "group", "Group (table)"
        KNOCKOUT = "knockout", "Knock-out"

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=60, help_text="e.g. League Phase, Group G, Quarter-finals.")
    slug = models.SlugField(max_length=60)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.LEAGUE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["season", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["season", "slug"], name="stage_unique_slug")]

    def __str__(self) -> str:
        return f"{self.season} · {self.name}"

    @property
    def has_table(self) -> bool:
        return self.kind in {self.Kind.LEAGUE, self.Kind.GROUP}


class Tie(models.Model):
    """A knock-out tie played over two legs; its legs are the matches pointing at it."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="ties")
    away_goals_rule = models.BooleanField(
        default=False, help_text="Away goals break a level aggregate (abolished by UEFA in 2021)."
    )

    def __str__(self) -> str:
        legs = list(self.legs.all())
        if legs:
            first = legs[0]
            return f"{first.home_team} v {first.away_team} ({self.stage.name})"
        return f"Tie {self.pk} ({self.stage.name})"


class PointsDeduction(models.Model):
    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="deductions")
    team = models.ForeignKey("fixtures_app.Team", on_delete=models.CASCADE, related_name="deductions")
    points = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(points__gt=0), name="deduction_points_positive")
        ]

    def __str__(self) -> str:
        return f"{self.team} −{self.points} ({self.reason})"
