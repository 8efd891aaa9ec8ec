"""Team colours for chart lines: visible on the light and the dark page, and unlike each other."""

import pytest

from football.colours import (
    DARK_BACKGROUND,
    LIGHT_BACKGROUND,
    MINIMUM_CONTRAST,
    NEUTRAL,
    contrast,
    parse,
    side_colours,
    visible,
)


@pytest.mark.parametrize(
    ("text", "rgb"),
    [
        ("#c8102e", (200, 16, 46)),
        ("#FFF", (255, 255, 255)),
        ("1e71b8", (30, 113, 184)),
        ("red", None),
        ("", None),
    ],
)
def test_colours_are_read_from_hex_only(text, rgb):
    assert parse(text) == rgb


def test_contrast_is_the_wcag_ratio():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1)


@pytest.mark.parametrize(
    ("colours", "background", "expected"),
    [
        # Liverpool red stands out on white; on the dark page it does not, so the yellow is used.
        (("#c8102e", "#f6eb61"), LIGHT_BACKGROUND, "#c8102e"),
        (("#c8102e", "#f6eb61"), DARK_BACKGROUND, "#f6eb61"),
        # Chelsea blue on the dark page: the white secondary.
        (("#034694", "#ffffff"), DARK_BACKGROUND, "#ffffff"),
        # Neither colour stands out: the primary is darkened or lightened until it does.
        (("#6cabdd", "#ffffff"), LIGHT_BACKGROUND, None),
        (("#1f2937", "#0b1120"), DARK_BACKGROUND, None),
        # Nothing usable: the page's own muted grey.
        (("blue", ""), LIGHT_BACKGROUND, NEUTRAL[LIGHT_BACKGROUND]),
    ],
    ids=["red on light", "red on dark", "blue on dark", "sky blue on light", "navy on dark", "not colours"],
)
def test_a_teams_line_colour_always_stands_out(colours, background, expected):
    colour = visible(colours, background)
    if expected:
        assert colour == expected
    assert contrast(parse(colour), parse(background)) >= MINIMUM_CONTRAST


@pytest.mark.parametrize("background", [LIGHT_BACKGROUND, DARK_BACKGROUND])
@pytest.mark.parametrize(
    ("home", "away"),
    [
        (("#ef0107", "#ffffff"), ("#c8102e", "#f6eb61")),  # Arsenal v Liverpool: two reds
        (("#1e71b8", "#000000"), ("#034694", "#ffffff")),  # two blues
        (("#1e71b8", "#000000"), ("#c8102e", "#f6eb61")),  # Atalanta v Liverpool
    ],
)
def test_the_away_side_never_looks_like_the_home_side(home, away, background):
    home_colour, away_colour = side_colours(home, away, background)
    assert home_colour != away_colour
    assert sum(abs(a - b) for a, b in zip(parse(home_colour), parse(away_colour), strict=True)) > 100
    for colour in (home_colour, away_colour):
        assert contrast(parse(colour), parse(background)) >= MINIMUM_CONTRAST
