"""The notes under a table that say, in words, why a club is above another on the same points.

Two clubs level on points are named upper club first, with the figure that separated them
and both clubs' values of it: "Level on 20 points: Arsenal above Chelsea on goal difference
(+12 v +8)." The figures they were also level on come first ("Level on 20 points and goal
difference: …"; "and head-to-head (points, goal difference)" for several figures of one). A
head-to-head among more than two clubs names them: its figures were counted in the matches
among those clubs alone. Clubs no rule separates share their place and are listed
alphabetically; a competition settles such a tie by a play-off or by drawing lots only when
a place that matters depends on it. A points deduction is noted with its reasons: "Everton
−8 points: Breach of profit and sustainability rules."
"""

from collections.abc import Mapping, Sequence

from football.tiebreaks import FIGURE_LABELS, HEAD_TO_HEAD, Separation

MINUS = "\N{MINUS SIGN}"


def tie_break_note(separation: Separation, *, names: Mapping[str, str], points: int, position: int) -> str:
    """The note for two clubs next to each other on `points` (`position`: the upper one's place)."""
    upper, lower = (names.get(club, club) for club in (separation.upper, separation.lower))
    if not separation.decided_by:
        place = ordinal(position)
        return (
            f"Level on {_points(points)} and every tie-break: {upper} and {lower} share {place} place, "
            "listed alphabetically (a play-off or drawing of lots settles it when a place depends on it)."
        )
    level = f"Level on {_points(points)}{_also_level(separation.level_on)}"
    figure = FIGURE_LABELS.get(separation.decided_by, separation.decided_by)
    values = " v ".join(_value(separation.decided_by, value) for value in separation.values)
    return f"{level}: {upper} above {lower} on {figure}{_among(separation, names)} ({values})."


def deduction_note(name: str, points: int, reasons: Sequence[str]) -> str:
    """The note for a club's points deductions over the season."""
    because = "; ".join(reasons) or "no reason given"
    return f"{name} {MINUS}{_points(points)}: {because}."


def signed(value: int) -> str:
    """A goal difference as a table prints it: +12, 0, −3."""
    if value < 0:
        return f"{MINUS}{-value}"
    return f"+{value}" if value else "0"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _points(points: int) -> str:
    return f"{points} point{'' if abs(points) == 1 else 's'}"


def _also_level(level_on: tuple[str, ...]) -> str:
    head_to_head = list(dict.fromkeys(f for f in level_on if f.startswith(HEAD_TO_HEAD)))
    labels = [FIGURE_LABELS.get(f, f) for f in level_on if f != "points" and f not in head_to_head]
    if len(head_to_head) == 1:
        labels.append(FIGURE_LABELS[head_to_head[0]])
    elif head_to_head:
        figures = ", ".join(FIGURE_LABELS[f.removeprefix(HEAD_TO_HEAD)] for f in head_to_head)
        labels.append(f"head-to-head ({figures})")
    if not labels:
        return ""
    return ", ".join([""] + labels[:-1]) + f" and {labels[-1]}"


def _among(separation: Separation, names: Mapping[str, str]) -> str:
    if not separation.decided_by.startswith(HEAD_TO_HEAD) or len(separation.among) < 3:
        return ""
    clubs = sorted(names.get(club, club) for club in separation.among)
    return f" in the matches among {', '.join(clubs[:-1])} and {clubs[-1]}"


def _value(figure: str, value: int) -> str:
    return signed(value) if figure.endswith("goal_difference") else str(value)
