"""A match's team sheets: as the JSON API gives them (each side's starters, then its bench), and
as the match page draws them (the starting elevens on a pitch, in their formations, with what
each player did; the benches with who came on and when)."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fixtures_app.models import LineupEntry, Match, Team
from football.events import EventFact, Side
from football.formation import PLAYING_WIDTH, on_pitch, place_starters
from football.lineup_marks import NO_MARKS, PlayerMarks, player_marks
from football.shirts import Shirt, side_shirts

if TYPE_CHECKING:
    from fixtures_app.selectors.match import MatchPage

# A name under a shirt is squeezed into the room its line leaves it (pitch units), so that
# neighbours never overlap: the width across the pitch shared by the line, less a gap, and
# never more than NAME_ROOM. The width of a character is a generous guess at the drawing's
# bold 2.2-unit sans-serif (fonts differ from phone to phone).
NAME_ROOM = 16.0
NAME_GAP = 1.5
CHARACTER_WIDTH = 2.2 * 0.62


@dataclass(frozen=True)
class SheetPlayer:
    """One name on the sheet: a starter has his spot on the drawn pitch (x, y), a substitute none."""

    player_id: int
    number: int | None
    name: str
    url: str
    captain: bool
    marks: PlayerMarks
    x: float = 0.0
    y: float = 0.0
    room: float = NAME_ROOM

    @property
    def name_width(self) -> float | None:
        """The width to squeeze the name under the shirt into, when it is too wide; None otherwise."""
        return self.room if len(self.name) * CHARACTER_WIDTH > self.room else None


@dataclass(frozen=True)
class SideSheet:
    side: Side
    team: Team
    formation: str
    shirt: Shirt
    starters: list[SheetPlayer]
    bench: list[SheetPlayer]

    @property
    def heading(self) -> str:
        """`Liverpool (4-3-3)`, or the club alone when the formation is unknown."""
        return f"{self.team.name} ({self.formation})" if self.formation else self.team.name


@dataclass(frozen=True)
class MatchSheets:
    home: SideSheet
    away: SideSheet

    @property
    def sides(self) -> tuple[SideSheet, SideSheet]:
        return (self.home, self.away)

    @property
    def has_lineups(self) -> bool:
        return any(side.starters or side.bench for side in self.sides)

    @property
    def has_starters(self) -> bool:
        """Whether a starting eleven is named, so there is someone to draw on the pitch."""
        return any(side.starters for side in self.sides)

    @property
    def description(self) -> str:
        """The drawing in words, for those who cannot see it."""
        return "; ".join(
            f"{side.heading}: {', '.join(_spoken(player) for player in side.starters)}"
            for side in self.sides
            if side.starters
        )


def team_lineup(match: Match, team: Team) -> list[LineupEntry]:
    return list(LineupEntry.objects.filter(match=match, team=team).select_related("player"))


def match_lineups(match: Match) -> list[tuple[Team, list[LineupEntry]]]:
    """Home side first; one query."""
    entries = list(LineupEntry.objects.filter(match=match).select_related("player"))
    return [
        (team, [entry for entry in entries if entry.team_id == team.pk])
        for team in (match.home_team, match.away_team)
    ]


def side_formation(match: Match, team: Team) -> str:
    return match.home_formation if team.pk == match.home_team_id else match.away_formation


def match_sheets(match: Match, entries: Iterable[LineupEntry], facts: Sequence[EventFact]) -> MatchSheets:
    """Both sides' sheets for the page, from the line-up entries (players selected with them) and
    the match's events; no query."""
    entries = sorted(entries, key=lambda entry: (not entry.starter, entry.order, entry.pk or 0))
    marks = player_marks(facts)
    home, away = match.home_team, match.away_team
    home_shirt, away_shirt = side_shirts(
        (home.primary_colour, home.secondary_colour), (away.primary_colour, away.secondary_colour)
    )
    home_entries = [entry for entry in entries if entry.team_id == home.pk]
    away_entries = [entry for entry in entries if entry.team_id == away.pk]
    return MatchSheets(
        home=_side_sheet(Side.HOME, home, match.home_formation, home_shirt, home_entries, marks),
        away=_side_sheet(Side.AWAY, away, match.away_formation, away_shirt, away_entries, marks),
    )


def page_sheets(page: "MatchPage") -> MatchSheets:
    """The sheets of the match page's payload, from the line-ups and events it has read already."""
    entries = [row.entry for side in (page.home, page.away) for row in (*side.starters, *side.bench)]
    return match_sheets(page.match, entries, page.facts)


def _side_sheet(
    side: Side,
    team: Team,
    formation: str,
    shirt: Shirt,
    entries: list[LineupEntry],
    marks: dict[int, PlayerMarks],
) -> SideSheet:
    starters = [entry for entry in entries if entry.starter]
    spots = place_starters(formation, [entry.position or entry.player.position for entry in starters])
    home = side is Side.HOME
    in_line = Counter(spot.up for spot in spots)
    return SideSheet(
        side=side,
        team=team,
        formation=formation,
        shirt=shirt,
        starters=[
            _player(entry, marks, *on_pitch(spot, home=home), room=_room(in_line[spot.up]))
            for entry, spot in zip(starters, spots, strict=True)
        ],
        bench=[_player(entry, marks) for entry in entries if not entry.starter],
    )


def _room(players_in_line: int) -> float:
    return round(min(NAME_ROOM, PLAYING_WIDTH / players_in_line - NAME_GAP), 2)


def _player(
    entry: LineupEntry, marks: dict[int, PlayerMarks], x: float = 0.0, y: float = 0.0, room: float = NAME_ROOM
) -> SheetPlayer:
    player = entry.player
    return SheetPlayer(
        player_id=player.pk,
        number=entry.shirt_number,
        name=player.known_as,
        url=player.get_absolute_url(),
        captain=entry.captain,
        marks=marks.get(player.pk, NO_MARKS),
        x=round(x, 2),
        y=round(y, 2),
        room=room,
    )


def _spoken(player: SheetPlayer) -> str:
    number = f"{player.number} " if player.number else ""
    captain = " (captain)" if player.captain else ""
    notes = f" ({', '.join(note.text for note in player.marks.notes)})" if player.marks.notes else ""
    return f"{number}{player.name}{captain}{notes}"
