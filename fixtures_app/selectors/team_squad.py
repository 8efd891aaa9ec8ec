"""A club's squad for its page: this season's registered players, by line of the team.

Where no squad is registered for this season, the players of the club's most recent line-up
stand in for it, so a club whose matches are entered with their team sheets still has one.
A player registered without a position is placed where he last played in a line-up.
"""

from dataclasses import dataclass

from fixtures_app.models import LineupEntry, Match, Player, SquadMember, Team
from football import squads

Person = tuple[Player, int | None, str]  # the player, the shirt number, the position


@dataclass(frozen=True)
class SquadEntry:
    name: str
    shirt_number: int | None
    position: str
    url: str


@dataclass(frozen=True)
class SquadLine:
    title: str  # "Goalkeepers"
    players: list[SquadEntry]


@dataclass(frozen=True)
class SquadGroup:
    lines: list[SquadLine]
    lineup: Match | None  # the line-up the players come from, when there is no squad


def team_squad(team: Team, season_ids: list[int]) -> SquadGroup | None:
    """The club's squad in these seasons, else its latest line-up's players; None without either."""
    people = _first_of_each(_registered(team, season_ids))
    lineup = None
    if not people:
        entries = _latest_lineup(team)
        lineup = entries[0].match if entries else None
        people = _first_of_each(
            [(e.player, e.shirt_number, e.position or e.player.position) for e in entries]
        )
    if not people:
        return None
    return SquadGroup(_lines(people), lineup)


def _registered(team: Team, season_ids: list[int]) -> list[Person]:
    members = list(
        SquadMember.objects.filter(team=team, season_id__in=season_ids)
        .select_related("player")
        .order_by("-season__starts_on", "-season__slug", "pk")
    )
    last_played = _positions_played([m.player_id for m in members if not m.player.position])
    return [
        (m.player, m.shirt_number, m.player.position or last_played.get(m.player_id, "")) for m in members
    ]


def _positions_played(player_ids: list[int]) -> dict[int, str]:
    """Each player's position in his latest line-up that names one."""
    if not player_ids:
        return {}
    entries = (
        LineupEntry.objects.filter(player_id__in=player_ids)
        .exclude(position="")
        .order_by("-match__kickoff")
        .values_list("player_id", "position")
    )
    positions: dict[int, str] = {}
    for player_id, position in entries:
        positions.setdefault(player_id, position)
    return positions


def _latest_lineup(team: Team) -> list[LineupEntry]:
    latest = LineupEntry.objects.filter(team=team).order_by("-match__kickoff", "-match_id").first()
    if latest is None:
        return []
    return list(
        LineupEntry.objects.filter(match_id=latest.match_id, team=team)
        .select_related("player", "match__home_team", "match__away_team")
        .order_by("-starter", "order", "pk")
    )


def _first_of_each(people: list[Person]) -> dict[object, Person]:
    """Each player once: a player registered in two competitions is listed with the first."""
    found: dict[object, Person] = {}
    for person in people:
        found.setdefault(person[0].pk, person)
    return found


def _lines(people: dict[object, Person]) -> list[SquadLine]:
    sheet = squads.squad_lines(
        squads.SquadPlayer(key, player.name, number, position)
        for key, (player, number, position) in people.items()
    )
    return [SquadLine(line.title, [_entry(people[p.key][0], p) for p in line.players]) for line in sheet]


def _entry(player: Player, listed: squads.SquadPlayer) -> SquadEntry:
    return SquadEntry(listed.name, listed.shirt_number, listed.position, player.get_absolute_url())
