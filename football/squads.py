"""A squad as a team sheet lists it: goalkeepers, defenders, midfielders, forwards, then the rest.

Providers write positions in many ways ("Goalkeeper", "GK", "Left Center Back", "CAM",
"Striker"); each is read as the line of the team it plays in. A position we cannot place
(empty, or "Coach") goes under "Others", never dropped; a squad none of whose positions we
know is one line, "Players". Within a line players come by shirt
number, those without one last, then by name.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GOALKEEPERS, DEFENDERS, MIDFIELDERS, FORWARDS, OTHERS = (
    "Goalkeepers",
    "Defenders",
    "Midfielders",
    "Forwards",
    "Others",
)
LINES = (GOALKEEPERS, DEFENDERS, MIDFIELDERS, FORWARDS, OTHERS)
PLAYERS = "Players"

# Whole words or abbreviations naming a line; checked goalkeeper first, so "Keeper" is never a back.
_LINE_WORDS = (
    (GOALKEEPERS, {"goalkeeper", "keeper", "goalie", "gk", "g", "por"}),
    (
        DEFENDERS,
        {
            "defender",
            "defence",
            "defense",
            "back",
            "fullback",
            "centreback",
            "centerback",
            "sweeper",
            "df",
            "d",
            "cb",
            "lb",
            "rb",
            "lwb",
            "rwb",
            "def",
        },
    ),
    (
        MIDFIELDERS,
        {"midfielder", "midfield", "mf", "m", "cm", "dm", "am", "cdm", "cam", "lm", "rm", "mid"},
    ),
    (
        FORWARDS,
        {"forward", "striker", "attacker", "winger", "wing", "fw", "f", "st", "cf", "lw", "rw", "att", "fwd"},
    ),
)


@dataclass(frozen=True)
class SquadPlayer:
    """A player of the squad: any key (a player's id, say), the name shown, shirt and position."""

    key: object
    name: str
    shirt_number: int | None
    position: str


@dataclass(frozen=True)
class SquadLine:
    title: str  # "Goalkeepers"
    players: tuple[SquadPlayer, ...]


def line_of(position: str) -> str:
    """The line of the team a position plays in: GOALKEEPERS, … FORWARDS, or OTHERS."""
    words = set(re.findall(r"[a-z]+", position.lower().replace("-", "")))
    for line, names in _LINE_WORDS:
        if words & names:
            return line
    return OTHERS


def squad_lines(players: Iterable[SquadPlayer]) -> tuple[SquadLine, ...]:
    """The players by line, in team-sheet order; lines with nobody in them are left out."""
    by_line: dict[str, list[SquadPlayer]] = {line: [] for line in LINES}
    for player in players:
        by_line[line_of(player.position)].append(player)
    lines = tuple(SquadLine(line, _in_shirt_order(members)) for line, members in by_line.items() if members)
    if [line.title for line in lines] == [OTHERS]:
        # "Others" says some players have a place; when none has, they are simply the players.
        return (SquadLine(PLAYERS, lines[0].players),)
    return lines


def _in_shirt_order(players: Sequence[SquadPlayer]) -> tuple[SquadPlayer, ...]:
    # Players without a number come after every numbered one.
    return tuple(sorted(players, key=lambda p: (p.shirt_number is None, p.shirt_number or 0, p.name)))
