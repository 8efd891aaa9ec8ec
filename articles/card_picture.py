"""The score card as a PNG picture, for the networks that show no SVG (most of them).

The same card as `cards.score_card_svg`, drawn with Pillow: the same layout, colours and
ink. Text is set in DejaVu Sans Bold when the machine has it (Debian's fonts-dejavu-core), else
in Pillow's own font; a name too wide for its panel is set smaller until it fits, and
shortened with "…" at the smallest size.
"""

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from articles.cards import HEIGHT, PANEL_WIDTH, WIDTH, CardFacts, ink, safe_colour

FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
BACKGROUND = "#0f172a"
PANEL_TOP, PANEL_HEIGHT = 150, 290
SMALLEST_NAME = 24


def score_card_png(facts: CardFacts) -> bytes:
    picture = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(picture)
    _centred(draw, facts.competition_line.upper(), y=95, size=30, fill="#cbd5e1")
    _panel(draw, facts.home_name, facts.home_colour, x=60)
    _panel(draw, facts.away_name, facts.away_colour, x=WIDTH - 60 - PANEL_WIDTH)
    _centred(draw, facts.score, y=332, size=104, fill="#ffffff")
    _centred(draw, facts.status_line, y=515, size=42, fill="#ffffff")
    _centred(draw, facts.aggregate_line, y=568, size=30, fill="#86efac")
    draw.text((WIDTH - 40, HEIGHT - 24), "MatchCentre", font=_font(22), fill="#94a3b8", anchor="rs")
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _panel(draw: ImageDraw.ImageDraw, name: str, colour: str, *, x: int) -> None:
    colour = safe_colour(colour)
    box = (x, PANEL_TOP, x + PANEL_WIDTH, PANEL_TOP + PANEL_HEIGHT)
    draw.rounded_rectangle(box, radius=24, fill=colour)
    name, font = _fitted(draw, name, PANEL_WIDTH - 40)
    middle = (x + PANEL_WIDTH // 2, PANEL_TOP + PANEL_HEIGHT // 2)
    draw.text(middle, name, font=font, fill=ink(colour), anchor="mm")


def _fitted(
    draw: ImageDraw.ImageDraw, name: str, width: int
) -> tuple[str, ImageFont.FreeTypeFont | ImageFont.ImageFont]:
    """The name at the largest size (60 at most) at which it fits `width`, shortened if need be."""
    for size in range(60, SMALLEST_NAME - 1, -4):
        if draw.textlength(name, font=_font(size)) <= width:
            return name, _font(size)
    font = _font(SMALLEST_NAME)
    while len(name) > 1 and draw.textlength(name + "…", font=font) > width:
        name = name[:-1]
    return name.rstrip() + "…", font


def _centred(draw: ImageDraw.ImageDraw, text: str, *, y: int, size: int, fill: str) -> None:
    if text:
        draw.text((WIDTH // 2, y), text, font=_font(size), fill=fill, anchor="ms")


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(FONT_FILE), size) if FONT_FILE.exists() else ImageFont.load_default(size)
