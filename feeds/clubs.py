"""Finds the club a data feed means by its spelling, or creates it.

A feed's spelling is matched, ignoring case, against each club's name and its aliases
(other spellings feeds use). Failing that, a club whose name is the same once a
`FC`/`CF`/`AFC`/`BC` tag is taken off (`Liverpool FC` and `Liverpool`) is taken when it
is the only one, and the feed's spelling is kept among its aliases. Otherwise a new club
is created, its address slug made from its name.
"""

from django.utils.text import slugify

from fixtures_app.models import Team
from fixtures_app.models.competition import Sport

CLUB_TAGS = frozenset({"fc", "cf", "afc", "bc"})


def plain_name(name: str) -> str:
    return " ".join(word for word in name.casefold().split() if word not in CLUB_TAGS)


class ClubIndex:
    """The clubs of one sport, loaded once, looked up by any spelling."""

    def __init__(self, sport: str = Sport.FOOTBALL) -> None:
        self.sport = sport
        self.created = 0
        self.by_spelling: dict[str, Team] = {}
        self.by_plain_name: dict[str, list[Team]] = {}
        self.slugs = set(Team.objects.values_list("slug", flat=True))
        for team in Team.objects.filter(sport=sport):
            self._index(team)

    def find(self, spelling: str) -> Team | None:
        team = self.by_spelling.get(spelling.casefold())
        if team:
            return team
        candidates = self.by_plain_name.get(plain_name(spelling), [])
        if len(candidates) != 1:
            return None
        team = candidates[0]
        team.aliases = [*team.aliases, spelling]
        team.save(update_fields=["aliases"])
        self.by_spelling[spelling.casefold()] = team
        return team

    def find_or_create(self, spelling: str, *, country: str = "") -> Team:
        return self.find(spelling) or self._create(spelling, country)

    def _create(self, name: str, country: str) -> Team:
        team = Team.objects.create(name=name, slug=self._free_slug(name), sport=self.sport, country=country)
        self.created += 1
        self._index(team)
        return team

    def _free_slug(self, name: str) -> str:
        base = slugify(name)[:72] or "club"
        slug, number = base, 1
        while slug in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.slugs.add(slug)
        return slug

    def _index(self, team: Team) -> None:
        for spelling in (team.name, *team.aliases):
            self.by_spelling.setdefault(str(spelling).casefold(), team)
        self.by_plain_name.setdefault(plain_name(team.name), []).append(team)
