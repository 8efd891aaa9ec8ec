"""sitemap.xml: every match, club, competition season and player page, each with the time it
last changed (a match's latest update; a club's, a season's or a player's latest match update)."""

import datetime as dt
from collections.abc import Iterable

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from fixtures_app.models import LineupEntry, Match, Player, Season, Team


def _latest(pairs: Iterable[tuple[int, dt.datetime | None]]) -> dict[int, dt.datetime]:
    """The latest time for each id of (id, time) pairs; a time of None is no change."""
    latest: dict[int, dt.datetime] = {}
    for key, at in pairs:
        if at is not None and (key not in latest or at > latest[key]):
            latest[key] = at
    return latest


class MatchSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Match.objects.with_teams().annotate(changed=Max("updates__at")).order_by("-kickoff", "pk")

    def lastmod(self, match: Match) -> dt.datetime | None:
        return match.changed  # type: ignore[attr-defined]  # the annotation above


class _ByLatestMatch(Sitemap):
    """Pages whose last change is the latest update of a match they cover."""

    changefreq = "daily"
    _changed: dict[int, dt.datetime]

    def lastmod(self, item) -> dt.datetime | None:
        return self._changed.get(item.pk)


class TeamSitemap(_ByLatestMatch):
    def items(self):
        rows = Match.objects.annotate(changed=Max("updates__at")).values_list(
            "home_team", "away_team", "changed"
        )
        self._changed = _latest((team, changed) for home, away, changed in rows for team in (home, away))
        return Team.objects.order_by("slug")

    def location(self, team: Team) -> str:
        return reverse("fixtures_app:team", kwargs={"slug": team.slug})


class SeasonSitemap(_ByLatestMatch):
    def items(self):
        self._changed = _latest(
            Match.objects.values_list("stage__season").annotate(changed=Max("updates__at"))
        )
        return Season.objects.select_related("competition").order_by("competition__slug", "slug")

    def location(self, season: Season) -> str:
        return reverse(
            "fixtures_app:competition", kwargs={"competition": season.competition.slug, "season": season.slug}
        )


class PlayerSitemap(_ByLatestMatch):
    def items(self):
        self._changed = _latest(
            LineupEntry.objects.values_list("player").annotate(changed=Max("match__updates__at"))
        )
        return Player.objects.order_by("pk")
