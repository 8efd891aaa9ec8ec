"""Atom feeds (Django's syndication framework): a match's key events, a club's and a
competition season's results and reports. The items come from selectors/syndication.py."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from fixtures_app.models import Match, Season, Team
from fixtures_app.selectors.fixtures import find_season
from fixtures_app.selectors.syndication import FeedItem, match_items, season_items, team_items


class _AtomFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item: FeedItem) -> str:
        return item.title

    def item_link(self, item: FeedItem) -> str:
        return item.link

    def item_description(self, item: FeedItem) -> str:
        # An Atom summary is HTML: the words are escaped, so an editor's `<b>` reads as typed.
        return item.html

    def item_updateddate(self, item: FeedItem):
        return item.updated

    def item_pubdate(self, item: FeedItem):
        return item.published


class MatchFeed(_AtomFeed):
    def get_object(self, request, pk: int) -> Match:
        match = get_object_or_404(Match.objects.with_teams(), pk=pk)
        match.site_url = request.build_absolute_uri("/")  # for its photos' addresses
        return match

    def title(self, match: Match) -> str:
        return f"{match.home_team.display_name} v {match.away_team.display_name}: minute by minute"

    def link(self, match: Match) -> str:
        return match.get_absolute_url()

    def subtitle(self, match: Match) -> str:
        return f"Goals, cards, substitutions, commentary, photos and quotes from {match}, as they happen."

    def items(self, match: Match) -> list[FeedItem]:
        return match_items(match, site_url=getattr(match, "site_url", ""))


class TeamFeed(_AtomFeed):
    def get_object(self, request, slug: str) -> Team:
        return get_object_or_404(Team, slug=slug)

    def title(self, team: Team) -> str:
        return f"{team.name}: results and reports"

    def link(self, team: Team) -> str:
        return reverse("fixtures_app:team", kwargs={"slug": team.slug})

    def subtitle(self, team: Team) -> str:
        return f"{team.name}'s latest results and match reports on MatchCentre."

    def items(self, team: Team) -> list[FeedItem]:
        return team_items(team)


class SeasonFeed(_AtomFeed):
    def get_object(self, request, competition: str, season: str) -> Season:
        try:
            return find_season(competition, season)
        except Season.DoesNotExist:
            raise Http404("There is no such season.") from None

    def title(self, season: Season) -> str:
        return f"{season.competition.name} {season.name}: results and reports"

    def link(self, season: Season) -> str:
        return reverse(
            "fixtures_app:competition", kwargs={"competition": season.competition.slug, "season": season.slug}
        )

    def subtitle(self, season: Season) -> str:
        return f"The latest results and match reports of the {season}."

    def items(self, season: Season) -> list[FeedItem]:
        return season_items(season)
