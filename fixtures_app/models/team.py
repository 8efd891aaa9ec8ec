from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from fixtures_app.models.competition import Sport


class Team(models.Model):
    name = models.CharField(max_length=80)
    short_name = models.CharField(
        max_length=40, blank=True, help_text="As a scoreline shows it, e.g. Man Utd."
    )
    code = models.CharField(max_length=4, blank=True, help_text="Three-letter code, e.g. ATA.")
    slug = models.SlugField(max_length=80, unique=True)
    sport = models.CharField(max_length=20, choices=Sport.choices, default=Sport.FOOTBALL)
    country = models.CharField(max_length=60, blank=True)
    crest = models.URLField(blank=True, help_text="Crest image address; colours are used when empty.")
    primary_colour = models.CharField(max_length=7, default="#1f2937")
    secondary_colour = models.CharField(max_length=7, default="#ffffff")
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings used by data feeds.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def initials(self) -> str:
        return self.code or self.name[:3].upper()


class Venue(models.Model):
    name = models.CharField(max_length=100)
    city = models.CharField(max_length=80, blank=True)
    country = models.CharField(max_length=60, blank=True)
    timezone = models.CharField(max_length=40, default="Europe/London")
    capacity = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "city"], name="venue_unique_name_city")]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.city else self.name


class Player(models.Model):
    name = models.CharField(max_length=100, help_text="Full name, e.g. Mohamed Salah.")
    known_as = models.CharField(max_length=60, help_text="As a key-event line shows it, e.g. Salah.")
    date_of_birth = models.DateField(null=True, blank=True)
    position = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["known_as", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("fixtures_app:player", kwargs={"pk": self.pk, "slug": slugify(self.name) or "player"})


class SquadMember(models.Model):
    season = models.ForeignKey("fixtures_app.Season", on_delete=models.CASCADE, related_name="squad_members")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="squad_members")
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="squads")
    shirt_number = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["team", "shirt_number"]
        constraints = [
            models.UniqueConstraint(fields=["season", "team", "player"], name="squad_unique_player"),
            models.CheckConstraint(
                condition=models.Q(shirt_number__isnull=True) | models.Q(shirt_number__range=(1, 99)),
                name="squad_shirt_number_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.player} ({self.team}, {self.season})"
