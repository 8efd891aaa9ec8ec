import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse


def validate_photo_address(value: str) -> None:
    """A photo's address is absolute (https://…) or a path on this site (/static/…)."""
    if not value.startswith(("https://", "http://", "/")) or value.startswith("//"):
        raise ValidationError(
            "Give an address starting with https:// or a path on this site starting with /."
        )


class ArticleQuerySet(models.QuerySet):
    def published(self, now: dt.datetime) -> "ArticleQuerySet":
        return self.filter(published_at__isnull=False, published_at__lte=now)

    def drafts(self) -> "ArticleQuerySet":
        return self.filter(published_at__isnull=True)

    def with_subject(self) -> "ArticleQuerySet":
        return self.select_related(
            "match__home_team", "match__away_team", "match__stage__season__competition", "competition"
        ).prefetch_related("teams")


class Article(models.Model):
    """A preview or a report written by an editor, usually about one match."""

    class Kind(models.TextChoices):
        PREVIEW = "preview", "Preview"
        REPORT = "report", "Report"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORT)
    match = models.ForeignKey(
        "fixtures_app.Match", on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    teams = models.ManyToManyField(
        "fixtures_app.Team",
        blank=True,
        related_name="articles",
        help_text="For “Read next”: teams it is about besides the match's two.",
    )
    competition = models.ForeignKey(
        "fixtures_app.Competition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        help_text="For “Read next”; the match's competition when empty.",
    )
    headline = models.CharField(max_length=140)
    slug = models.SlugField(max_length=160, unique=True)
    standfirst = models.CharField(max_length=300, help_text="One or two sentences under the headline.")
    body = models.TextField(
        help_text="Markdown. Each “## Heading” starts a section. Scripts and raw HTML attributes are removed."
    )
    photo = models.ImageField(upload_to="articles/%Y/%m/", blank=True)
    photo_url = models.CharField(
        max_length=500,
        blank=True,
        validators=[validate_photo_address],
        help_text="Instead of an upload: https://… or a path on this site.",
    )
    photo_alt = models.CharField(
        max_length=200, blank=True, help_text="What the photo shows, for screen readers."
    )
    photo_caption = models.CharField(max_length=300, blank=True)
    photo_credit = models.CharField(max_length=120, blank=True, help_text="e.g. “Photo: Agency / Name”.")
    author = models.CharField(max_length=100, blank=True, help_text="The byline.")
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty: a draft, seen by nobody. In the future: published then."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["published_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=["preview", "report"]), name="article_kind"),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def photo_src(self) -> str:
        return self.photo.url if self.photo else self.photo_url

    def is_published_at(self, now: dt.datetime) -> bool:
        return self.published_at is not None and self.published_at <= now
