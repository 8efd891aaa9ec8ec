"""The score card of a shared match: an SVG picture of 1200 by 630, the size networks use.

- At the top the competition line; in the middle each team's name on its colour, with the
  score between them (or "v" before kick-off); below, the status line ("FT (HT: 0-1)", or
  the kick-off time) and the tie's aggregate line when there is one.
- A colour that is not `#rrggbb` falls back to slate grey; names are written in dark or
  light ink, whichever reads better on their colour; long names are set smaller to fit.
- Every text is escaped: the card is safe whatever the names hold.
"""

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 1200, 630
FALLBACK_COLOUR = "#475569"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
PANEL_WIDTH = 400
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


@dataclass(frozen=True)
class CardFacts:
    competition_line: str
    home_name: str
    away_name: str
    home_colour: str
    away_colour: str
    score: str  # "0–1", or "v" before kick-off
    status_line: str
    aggregate_line: str = ""


def score_card_svg(facts: CardFacts) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{_text(_summary(facts))}">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#0f172a"/>',
        _line(facts.competition_line.upper(), y=95, size=30, fill="#cbd5e1", weight=700),
        _panel(facts.home_name, facts.home_colour, x=60),
        _panel(facts.away_name, facts.away_colour, x=WIDTH - 60 - PANEL_WIDTH),
        _line(facts.score, y=332, size=104, fill="#ffffff", weight=800),
        _line(facts.status_line, y=515, size=42, fill="#ffffff", weight=700),
        _line(facts.aggregate_line, y=568, size=30, fill="#86efac", weight=600),
        f'<text x="{WIDTH - 40}" y="{HEIGHT - 24}" text-anchor="end" font-family="{FONT}" '
        f'font-size="22" font-weight="800" fill="#94a3b8">MatchCentre</text>',
        "</svg>",
    ]
    return "\n".join(part for part in parts if part)


def name_size(name: str) -> int:
    """A font size at which the name fits its panel (about 0.6 em a letter), 60 at most."""
    return max(24, min(60, int((PANEL_WIDTH - 40) / (0.6 * max(len(name), 1)))))


def ink(colour: str) -> str:
    """Dark or light text, whichever reads better on the colour."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#111827" if luminance > 150 else "#ffffff"


def safe_colour(colour: str) -> str:
    return colour if HEX_COLOUR.match(colour or "") else FALLBACK_COLOUR


def _panel(name: str, colour: str, *, x: int) -> str:
    colour = safe_colour(colour)
    middle = x + PANEL_WIDTH // 2
    return (
        f'<rect x="{x}" y="150" width="{PANEL_WIDTH}" height="290" rx="24" fill="{colour}"/>'
        f'<text x="{middle}" y="{295 + name_size(name) // 3}" text-anchor="middle" font-family="{FONT}" '
        f'font-size="{name_size(name)}" font-weight="800" fill="{ink(colour)}">{_text(name)}</text>'
    )


def _line(text: str, *, y: int, size: int, fill: str, weight: int) -> str:
    if not text:
        return ""
    return (
        f'<text x="{WIDTH // 2}" y="{y}" text-anchor="middle" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" fill="{fill}">{_text(text)}</text>'
    )


def _summary(facts: CardFacts) -> str:
    return f"{facts.home_name} {facts.score} {facts.away_name}, {facts.status_line}".strip(", ")


def _text(value: str) -> str:
    return escape(value, {'"': "&quot;"})
