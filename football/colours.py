"""Team colours that stay visible on the page's background.

A team's colour draws its line and marks on a chart, so it must stand out from the
background by a contrast ratio of at least 3:1 (the WCAG rule for graphics). The club's
primary colour is used when it does, else its secondary colour; when neither does, the
primary colour is darkened (on a light page) or lightened (on a dark one) until it does.
The away side must also look unlike the home side: when its colour is close to the home
side's, its secondary colour is tried, then a neutral grey. A colour that is not written
as #rgb or #rrggbb counts as unusable.
"""

import math
import re

LIGHT_BACKGROUND = "#ffffff"  # site.css --surface, light
DARK_BACKGROUND = "#111a2e"  # site.css --surface, dark
NEUTRAL = {LIGHT_BACKGROUND: "#4b5563", DARK_BACKGROUND: "#a3adbf"}  # site.css --muted
MINIMUM_CONTRAST = 3.0
# Below this distance (in RGB units, out of 441) two colours read as the same team colour.
CLASH_DISTANCE = 120
_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")

RGB = tuple[int, int, int]


def parse(colour: str) -> RGB | None:
    """`#rgb` or `#rrggbb` as (red, green, blue); None for anything else."""
    found = _HEX.fullmatch(colour.strip()) if colour else None
    if not found:
        return None
    digits = found.group(1)
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def _own(colour: str) -> RGB:
    """A colour this module wrote or names itself (a background, a result of `visible`)."""
    rgb = parse(colour)
    if rgb is None:
        raise ValueError(f"{colour!r} is not a #rgb or #rrggbb colour.")
    return rgb


def hex_colour(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def luminance(rgb: RGB) -> float:
    """Relative luminance, as WCAG defines it."""
    channels = [value / 255 for value in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: RGB, second: RGB) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mix(rgb: RGB, towards: RGB, share: float) -> RGB:
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(rgb, towards, strict=True))
    return (red, green, blue)


def _distance(first: RGB, second: RGB) -> float:
    return math.sqrt(sum((a - b) ** 2 for a, b in zip(first, second, strict=True)))


def visible(colours: tuple[str, str], background: str) -> str:
    """The first of (primary, secondary) that stands out, else the primary adjusted until it does."""
    ground = _own(background)
    parsed = [rgb for rgb in map(parse, colours) if rgb is not None]
    for rgb in parsed:
        if contrast(rgb, ground) >= MINIMUM_CONTRAST:
            return hex_colour(rgb)
    if not parsed:
        return NEUTRAL[background]
    towards: RGB = (0, 0, 0) if luminance(ground) > 0.5 else (255, 255, 255)
    for step in range(1, 11):
        adjusted = _mix(parsed[0], towards, step / 10)
        if contrast(adjusted, ground) >= MINIMUM_CONTRAST:
            return hex_colour(adjusted)
    return hex_colour(towards)


def side_colours(home: tuple[str, str], away: tuple[str, str], background: str) -> tuple[str, str]:
    """(home, away) colours for lines on `background`; the away side never looks like the home side."""
    home_colour = visible(home, background)
    away_colour = visible(away, background)
    if _distance(_own(home_colour), _own(away_colour)) >= CLASH_DISTANCE:
        return home_colour, away_colour
    secondary = parse(away[1])
    ground = _own(background)
    if secondary and contrast(secondary, ground) >= MINIMUM_CONTRAST:
        if _distance(_own(home_colour), secondary) >= CLASH_DISTANCE:
            return home_colour, hex_colour(secondary)
    return home_colour, NEUTRAL[background]
