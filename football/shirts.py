"""The colours of the shirts drawn on the line-ups' pitch.

A side's shirt is its primary colour, edged in its secondary colour. The away side must not
look like the home side: when its primary colour is close to the home shirt it wears its
secondary colour, and when both are close, a white shirt (a dark one when the home side is
in white). The number on a shirt is the shirt's other club colour when that reads on it (a
contrast of at least 4.5:1, as for text), else black or white, whichever reads better. A
colour that is not written #rgb or #rrggbb is taken as the club's default, dark grey and white.
"""

import math
from dataclasses import dataclass

from football.colours import CLASH_DISTANCE, RGB, contrast, hex_colour, parse

WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
DARK: RGB = (31, 41, 55)
TEXT_CONTRAST = 4.5


@dataclass(frozen=True)
class Shirt:
    fill: str
    edge: str
    number: str


def side_shirts(home: tuple[str, str], away: tuple[str, str]) -> tuple[Shirt, Shirt]:
    """(home, away) shirts from each club's (primary, secondary) colours."""
    home_primary, home_secondary = _club(home)
    away_primary, away_secondary = _club(away)
    if _close(away_primary, home_primary):
        if not _close(away_secondary, home_primary):
            away_primary, away_secondary = away_secondary, away_primary
        else:
            away_primary = DARK if _close(WHITE, home_primary) else WHITE
            away_secondary = WHITE if away_primary == DARK else DARK
    return _shirt(home_primary, home_secondary), _shirt(away_primary, away_secondary)


def _club(colours: tuple[str, str]) -> tuple[RGB, RGB]:
    primary, secondary = parse(colours[0]), parse(colours[1])
    if primary is None:
        return DARK, secondary or WHITE
    return primary, secondary or (WHITE if contrast(primary, WHITE) >= TEXT_CONTRAST else BLACK)


def _close(first: RGB, second: RGB) -> bool:
    return math.dist(first, second) < CLASH_DISTANCE


def _shirt(fill: RGB, edge: RGB) -> Shirt:
    if contrast(fill, edge) >= TEXT_CONTRAST:
        number = edge
    else:
        number = WHITE if contrast(fill, WHITE) >= contrast(fill, BLACK) else BLACK
    return Shirt(fill=hex_colour(fill), edge=hex_colour(edge), number=hex_colour(number))
