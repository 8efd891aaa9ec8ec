"""Finding a season and a club from what an operator types: a slug, a name or another spelling."""

from django.core.management.base import CommandError
from django.db.models import Q
from django.utils.text import slugify

from fixtures_app.models import Match, Season, Team
from fixtures_app.selectors.fixtures import find_season


def season_from(competition: str, season: str) -> Season:
    """The season named, e.g. `premier-league` or `Premier League`, and `2023-24` or `2023/24`."""
    try:
        return find_season(slugify(competition), slugify(season.replace("/", "-")))
    except Season.DoesNotExist:
        raise CommandError(f"There is no season {season!r} of {competition!r}.") from None


def team_in(season: Season, text: str) -> Team:
    """The club of `season` with this slug, name or alias."""
    matches = Match.objects.filter(stage__season=season)
    ids = {*matches.values_list("home_team_id", flat=True), *matches.values_list("away_team_id", flat=True)}
    wanted = text.strip().casefold()
    found = [
        team
        for team in Team.objects.filter(Q(pk__in=ids))
        if wanted in {team.slug, team.name.casefold(), *(str(alias).casefold() for alias in team.aliases)}
    ]
    if len(found) != 1:
        raise CommandError(f"No club {text!r} plays in {season}." if not found else f"{text!r} is ambiguous.")
    return found[0]
