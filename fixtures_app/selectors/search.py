"""The site search: one box that finds teams, players, competitions and matches.

Every word typed must start a word of a name, accents and case aside (`search_text`): `liverp`
finds Liverpool, `fenerbahce` Fenerbahçe, `kyiv` a club that has it among its aliases. A match
is found by its two clubs (`arsenal chelsea`, `arsenal v chelsea`), or by one, newest first.
Each group shows its first `limit` results and how many there are; the whole search is nine
queries at most, however many words were typed and rows found.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial, reduce
from operator import and_
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import dateformat, timezone

from fixtures_app.models import Competition, LineupEntry, Match, Player, Season, SquadMember, Team
from fixtures_app.models.competition import Sport
from fixtures_app.selectors import search_engines, search_text
from fixtures_app.selectors.fixtures import game_line, team_url

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

MIN_LENGTH = 2
MAX_LENGTH = 100
PLAYER_FIELDS = ("name", "known_as")
COMPETITION_FIELDS = ("name", "short_name")


class TeamPlace(TypedDict):
    latest_competition: str | None


class PlayerPlace(TypedDict):
    club: str | None
    lineup_position: str | None


class LatestSeason(TypedDict):
    season_slug: str
    season_name: str


@dataclass(frozen=True)
class Hit:
    """One result: a link and the line under it that tells it apart (`England · Premier League`)."""

    title: str
    context: str
    url: str


@dataclass(frozen=True)
class Group:
    key: str  # "teams", "players", "competitions", "matches"
    heading: str
    hits: list[Hit]
    total: int  # how many were found; `hits` holds the first of them


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    groups: list[Group] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)

    def group(self, key: str) -> Group:
        return next(group for group in self.groups if group.key == key)


def search(query: str, *, limit: int = 10, tz: dt.tzinfo | None = None) -> SearchResults:
    """Teams, players, competitions and matches for `query` (at most MAX_LENGTH characters read),
    the first `limit` of each; match times in the zone `tz`. Nothing is looked up without a word."""
    query = query.strip()[:MAX_LENGTH]
    terms = search_text.query_terms(query)
    if not terms:
        return SearchResults(query=query, terms=terms)
    engine = search_engines.engine()
    zone = tz or timezone.get_current_timezone()
    find = partial(engine.find, terms=terms, limit=limit)
    groups = [
        _group("teams", "Teams", find(_teams(), search_engines.TEAM_FIELDS), _team_hit),
        _group("players", "Players", find(_players(), PLAYER_FIELDS), _player_hit),
        _group("competitions", "Competitions", find(_competitions(), COMPETITION_FIELDS), _competition_hit),
        _group("matches", "Matches", _matches(engine, terms, limit=limit), partial(_match_hit, tz=zone)),
    ]
    return SearchResults(query=query, terms=terms, groups=groups)


def _group(key: str, heading: str, found: search_engines.Found, hit: Callable[[Any], Hit]) -> Group:
    rows, total = found
    return Group(key=key, heading=heading, hits=[hit(row) for row in rows], total=total)


def _teams() -> QuerySet:
    """Teams, each with the competition of its latest match (the one a fan knows it from)."""
    latest = (
        Match.objects.filter(Q(home_team=OuterRef("pk")) | Q(away_team=OuterRef("pk")))
        .order_by("-kickoff")
        .annotate(label=_short_or_full("stage__season__competition__"))
        .values("label")[:1]
    )
    return Team.objects.annotate(latest_competition=Subquery(latest))


def _team_hit(team: "WithAnnotations[Team, TeamPlace]") -> Hit:
    context = " · ".join(part for part in (team.country, team.latest_competition) if part)
    return Hit(title=team.name, context=context, url=team_url(team))


def _players() -> QuerySet:
    """Players, each with the club and position of their latest line-up (else of their squad)."""
    lineups = LineupEntry.objects.filter(player=OuterRef("pk")).order_by("-match__kickoff")
    squads = SquadMember.objects.filter(player=OuterRef("pk")).order_by("-season__slug")
    return Player.objects.annotate(
        club=Coalesce(Subquery(lineups.values("team__name")[:1]), Subquery(squads.values("team__name")[:1])),
        lineup_position=Subquery(lineups.exclude(position="").values("position")[:1]),
    )


def _player_hit(player: "WithAnnotations[Player, PlayerPlace]") -> Hit:
    context = " · ".join(part for part in (player.club, player.position or player.lineup_position) if part)
    return Hit(title=player.name, context=context, url=player.get_absolute_url())


def _competitions() -> QuerySet:
    """Competitions that have a season, each with its latest: the page a result leads to."""
    latest = Season.objects.filter(competition=OuterRef("pk")).order_by("-slug")
    return Competition.objects.annotate(
        season_slug=Subquery(latest.values("slug")[:1]), season_name=Subquery(latest.values("name")[:1])
    ).filter(season_slug__isnull=False)


def _competition_hit(competition: "WithAnnotations[Competition, LatestSeason]") -> Hit:
    sport = "" if competition.sport == Sport.FOOTBALL else competition.get_sport_display()
    parts = (sport, f"Latest season {competition.season_name}")
    url = reverse("fixtures_app:competition", args=[competition.slug, competition.season_slug])
    return Hit(title=competition.name, context=" · ".join(part for part in parts if part), url=url)


def _matches(engine: search_engines.Engine, terms: Sequence[str], *, limit: int) -> search_engines.Found:
    """Matches where every term names one of the two clubs, newest first."""
    conditions = []
    for term in terms:
        teams = engine.teams_with(term)
        conditions.append(Q(home_team__in=teams) | Q(away_team__in=teams))
    found = Match.objects.with_teams().filter(reduce(and_, conditions)).order_by("-kickoff", "-pk")
    first = list(found[: limit + 1])
    return first[:limit], len(first) if len(first) <= limit else found.count()


def _match_hit(match: Match, *, tz: dt.tzinfo) -> Hit:
    game = game_line(match, tz=tz)
    when = dateformat.format(game.kickoff, "D j M Y")
    if game.state == "final":
        state = f"FT {game.score}"
    elif game.state == "live":
        state = f"Live {game.score}".strip()
    elif game.state == "scheduled":
        state = f"Kick-off {game.kickoff_time}"
    else:
        state = game.status_label
    return Hit(title=game.line, context=" · ".join((when, game.competition, state)), url=game.url)


def _short_or_full(prefix: str) -> Coalesce:
    return Coalesce(NullIf(F(f"{prefix}short_name"), Value("")), F(f"{prefix}name"))
