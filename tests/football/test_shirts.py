"""The shirts on the line-ups' pitch: each side in its colours, never two sides alike, numbers
that read (no database)."""

import pytest

from football.colours import contrast, parse
from football.shirts import Shirt, side_shirts

LIVERPOOL = ("#c8102e", "#f6eb61")
ATALANTA = ("#1e71b8", "#000000")


def reads(shirt: Shirt) -> bool:
    return contrast(parse(shirt.fill), parse(shirt.number)) >= 4.5


@pytest.mark.parametrize(
    ("home", "away", "fills"),
    [
        (ATALANTA, LIVERPOOL, ("#1e71b8", "#c8102e")),
        (LIVERPOOL, ATALANTA, ("#c8102e", "#1e71b8")),
        # Manchester United v Liverpool: both red, the away side wears its secondary colour.
        (("#da291c", "#fbe122"), LIVERPOOL, ("#da291c", "#f6eb61")),
        # Both colours close to the home shirt: the away side wears white.
        (("#c8102e", "#d00000"), ("#c00020", "#d01030"), ("#c8102e", "#ffffff")),
        # The home side in white and the away side's colours both near white: a dark away shirt.
        (("#ffffff", "#000000"), ("#fafafa", "#f0f0f0"), ("#ffffff", "#1f2937")),
        # Colours not written as colours: the club's defaults.
        (("red", "blue"), ATALANTA, ("#1f2937", "#1e71b8")),
    ],
)
def test_each_side_wears_its_colours_and_never_the_other_sides(home, away, fills):
    home_shirt, away_shirt = side_shirts(home, away)
    assert (home_shirt.fill, away_shirt.fill) == fills
    assert reads(home_shirt) and reads(away_shirt)


def test_the_number_is_the_other_club_colour_when_it_reads():
    liverpool, _ = side_shirts(LIVERPOOL, ATALANTA)
    assert liverpool.number == "#f6eb61"  # yellow on red: 4.5:1 or more
    assert liverpool.edge == "#f6eb61"


@pytest.mark.parametrize(
    ("club", "number"),
    [
        (ATALANTA, "#ffffff"),  # black on Atalanta's blue is under 4.5:1: white reads better
        (("#1e3a8a", "#1e40af"), "#ffffff"),  # navy on blue
        (("#fde047", "#facc15"), "#000000"),  # yellow on yellow
    ],
)
def test_a_number_that_would_not_read_in_the_club_colour_is_black_or_white(club, number):
    shirt, _ = side_shirts(club, LIVERPOOL)
    assert shirt.number == number and reads(shirt)
