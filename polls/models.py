import datetime as dt

from django.db import models


class Poll(models.Model):
    """A question put to the fans of one match, e.g. "Who will win?"."""

    match = models.ForeignKey("fixtures_app.Match", on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(max_length=200, default="Who will win?")
    closes_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Voting stops at this time: kick-off by default. Empty: no close time.",
    )
    closed = models.BooleanField(
        null=True,
        blank=True,
        choices=[
            (None, "By the close time"),
            (True, "Closed by an editor"),
            (False, "Kept open by an editor"),
        ],
        default=None,
        help_text="An editor's decision, which wins over the close time either way.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="The first poll of a match is its main one."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["match", "order", "pk"]

    def __str__(self) -> str:
        return self.question

    def is_open_at(self, now: dt.datetime) -> bool:
        if self.closed is not None:
            return not self.closed
        return self.closes_at is None or now < self.closes_at


class PollOption(models.Model):
    """One answer a fan can give, e.g. "Atalanta", "Draw", "Liverpool"."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(
        max_length=40, help_text="Stable name for code and demo data, e.g. home, draw, away."
    )
    label = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["poll", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["poll", "key"], name="poll_option_unique_key")]

    def __str__(self) -> str:
        return self.label


class Vote(models.Model):
    """One fan's answer. The votes are the truth: a poll's counts are counted from them."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.RESTRICT, related_name="votes")
    voter_key = models.CharField(
        max_length=64, help_text="user:<id> for an account, anon:<token> for a cookie."
    )
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "voter_key"], name="vote_one_per_fan")]
        # Counting a poll's votes by answer reads this index alone.
        indexes = [models.Index(fields=["poll", "option"], name="vote_poll_option")]

    def __str__(self) -> str:
        return f"{self.voter_key} → {self.option_id}"
