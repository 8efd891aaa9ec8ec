"""Formations, and where a side's starting eleven stands on the pitch.

- A formation names the outfield lines from the back, the goalkeeper not counted: "4-2-3-1"
  is four defenders, two holding midfielders, three attacking midfielders and a striker. It
  has two to five lines of one to six players each, and they add up to ten. Feeds write it
  as digits alone ("4231", StatsBomb's way); each digit is a line.
- A side's starters are given goalkeeper first, then each line from the back, and within a
  line from the players' right to their left: the order StatsBomb lists a Starting XI in
  (right back, right centre-back, ..., left back) and the order line-ups are printed in. A
  feed that orders a line otherwise (Opta's formation places) is drawn as it orders it.
- When the formation is unknown, or does not fit the starters (not eleven of them), the
  players go by their positions: goalkeeper, defenders, midfielders, forwards, each role a
  line. When a starter's position is unknown too, the first starter keeps goal and the rest
  stand in rows of four from the back, in the order given.

A spot is in pitch units (metres of a 105 by 68 pitch) in the side's own half, seen from its
own goal: `across` from its right touchline (0) to its left (68), `up` from its goal line (0)
towards halfway (52.5). `on_pitch` turns it into the drawing's one pitch, where the home side
defends the bottom goal and the away side the top one.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

PITCH_LENGTH = 105.0
PITCH_WIDTH = 68.0
HALF_LENGTH = PITCH_LENGTH / 2
PLAYERS_OUTFIELD = 10
LINES = range(2, 6)
LINE_SIZES = range(1, 7)
FALLBACK_ROW = 4
# How far up its half each part of a side stands, chosen for the drawing: lines far enough
# apart for a shirt and the name under it (8 units) even in a formation of five lines, the
# goalkeeper's name clear of his back line, and each front line short of halfway so that the
# two sides' shirts and names never touch.
GOALKEEPER_UP = 4.5
BACK_LINE_UP = 13.5
FRONT_LINE_UP = 47.5
# Space kept between the outermost shirts and the touchlines, for their names.
TOUCHLINE_MARGIN = 3.0
PLAYING_WIDTH = PITCH_WIDTH - 2 * TOUCHLINE_MARGIN

ROLES = ("goalkeeper", "defender", "midfielder", "forward")
# A position as line-ups write it ("Goalkeeper", "GK", "Left Back", "DM") → its role.
_ROLE_WORDS = (
    ("goalkeeper", ("goalkeeper", "keeper", "gk", "g")),
    ("defender", ("defender", "back", "wing back", "df", "d", "cb", "lb", "rb", "lwb", "rwb", "sw")),
    ("midfielder", ("midfielder", "midfield", "mf", "m", "dm", "cm", "am", "lm", "rm", "cdm", "cam")),
    ("forward", ("forward", "striker", "wing", "winger", "fw", "f", "st", "cf", "lw", "rw", "ss")),
)


class FormationError(ValueError):
    """A formation the rules above refuse; the message says what a formation looks like."""


@dataclass(frozen=True)
class Spot:
    across: float
    up: float


def parse_formation(text: str) -> tuple[int, ...]:
    """The lines of `text` ("4-2-3-1" or "4231"), from the back; FormationError when it is no formation."""
    written = text.strip()
    if re.fullmatch(r"\d+(\s*[-–]\s*\d+)+", written):
        lines = tuple(int(part) for part in re.split(r"\s*[-–]\s*", written))
    elif re.fullmatch(r"\d{2,5}", written):
        lines = tuple(int(digit) for digit in written)
    else:
        raise FormationError(
            f"{text!r} is not a formation: write its outfield lines from the back, e.g. 4-2-3-1."
        )
    if len(lines) not in LINES:
        raise FormationError(f"A formation has {LINES[0]} to {LINES[-1]} lines; {text!r} has {len(lines)}.")
    if any(size not in LINE_SIZES for size in lines):
        raise FormationError(
            f"Each line of a formation holds 1 to {LINE_SIZES[-1]} players; {text!r} does not."
        )
    if sum(lines) != PLAYERS_OUTFIELD:
        raise FormationError(
            f"{format_lines(lines)} has {sum(lines)} outfield players: the lines add up to "
            f"{PLAYERS_OUTFIELD}, the goalkeeper not counted."
        )
    return lines


def format_lines(lines: Sequence[int]) -> str:
    return "-".join(str(size) for size in lines)


def normalise_formation(text: str) -> str:
    """The formation as the site writes it ("4231" → "4-2-3-1"); blank stays blank (unknown)."""
    return format_lines(parse_formation(text)) if text.strip() else ""


def role_of(position: str) -> str:
    """The role ("goalkeeper", "defender", "midfielder", "forward") a position names; "" if none."""
    words = position.strip().lower().replace("-", " ")
    if not words:
        return ""
    for role, names in _ROLE_WORDS:
        if words in names or any(words.endswith(f" {name}") for name in names if len(name) > 2):
            return role
    return ""


def place_starters(formation: str, positions: Sequence[str]) -> list[Spot]:
    """Each starter's spot, in the order given; `positions` holds each starter's position ("" if unknown)."""
    lines = _formation_lines(formation, len(positions))
    if lines is not None:
        return _spots(_in_order([1, *lines]))
    roles = [role_of(position) for position in positions]
    if all(roles) and roles.count("goalkeeper") == 1:
        rows = [ROLES.index(role) for role in roles]
        return _spots(_in_rows(rows))
    return _spots(_in_order(_fallback_rows(len(positions))))


def on_pitch(spot: Spot, *, home: bool) -> tuple[float, float]:
    """(x, y) on the drawn pitch, x from the left touchline, y from the top goal line: the home side
    defends the bottom goal (its right is the viewer's right), the away side the top one."""
    if home:
        return (PITCH_WIDTH - spot.across, PITCH_LENGTH - spot.up)
    return (spot.across, spot.up)


def _formation_lines(formation: str, starters: int) -> tuple[int, ...] | None:
    if starters != PLAYERS_OUTFIELD + 1 or not formation.strip():
        return None
    try:
        return parse_formation(formation)
    except FormationError:
        return None


def _fallback_rows(count: int) -> list[int]:
    if count == 0:
        return []
    outfield = count - 1
    rows = [FALLBACK_ROW] * (outfield // FALLBACK_ROW)
    return [1, *rows, *([outfield % FALLBACK_ROW] if outfield % FALLBACK_ROW else [])]


def _in_order(sizes: Sequence[int]) -> list[int]:
    """The row of each player, when players fill rows of `sizes` in the order given."""
    return [row for row, size in enumerate(sizes) for _ in range(size)]


def _in_rows(rows: Sequence[int]) -> list[int]:
    """Rows numbered from 0 with none left empty: roles (0 to 3) as rows, a role nobody plays skipped."""
    used = sorted(set(rows))
    return [used.index(row) for row in rows]


def _spots(rows: Sequence[int]) -> list[Spot]:
    """The spot of each player in `rows` (each player's row, 0 the goalkeeper's), spread across
    each row in the order the players come."""
    if not rows:
        return []
    depths = [GOALKEEPER_UP, *_line_depths(max(rows))]
    sizes = Counter(rows)
    seen: Counter[int] = Counter()
    spots = []
    for row in rows:
        spots.append(Spot(across=_across(seen[row], sizes[row]), up=depths[row]))
        seen[row] += 1
    return spots


def _line_depths(count: int) -> list[float]:
    if count == 1:
        return [(BACK_LINE_UP + FRONT_LINE_UP) / 2]
    step = (FRONT_LINE_UP - BACK_LINE_UP) / max(count - 1, 1)
    return [round(BACK_LINE_UP + step * line, 2) for line in range(count)]


def _across(index: int, size: int) -> float:
    """The `index`-th of `size` players in a line, from the right, spread evenly across the width."""
    return round(TOUCHLINE_MARGIN + PLAYING_WIDTH * (index + 0.5) / size, 2)
