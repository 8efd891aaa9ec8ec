"""Match statistics per side: shots, shots on target, expected goals (xG), possession and
cards, for each half and for the whole match.

Figures are entered per side and per period; the whole match adds the periods up, except
possession, which is the average of the periods that have it (each half counts alike).
Shots on target cannot exceed shots, xG cannot be negative, and the two sides' possession
in a period cannot pass 100%. Cards are counted from the events (a second yellow is a
yellow and a red); a card reversed by VAR does not count. A figure nobody gave stays
unknown rather than becoming a zero.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from football.events import EventFact, EventKind, Period, Side
from football.scoring import reversed_ids

MAX_XG = Decimal("15")

Figure = TypeVar("Figure", int, Decimal)


class StatsError(ValueError):
    """Figures that cannot be true."""


@dataclass(frozen=True)
class StatLine:
    shots: int | None = None
    shots_on_target: int | None = None
    expected_goals: Decimal | None = None
    possession: int | None = None


@dataclass(frozen=True)
class StatRow:
    label: str
    home: str
    away: str


def check_figures(line: StatLine, *, other_possession: int | None = None) -> None:
    if line.shots is not None and line.shots_on_target is not None and line.shots_on_target > line.shots:
        raise StatsError(f"Shots on target ({line.shots_on_target}) cannot exceed shots ({line.shots}).")
    if line.expected_goals is not None and not Decimal(0) <= line.expected_goals <= MAX_XG:
        raise StatsError(f"xG must be between 0 and {MAX_XG}, not {line.expected_goals}.")
    if line.possession is not None and not 0 <= line.possession <= 100:
        raise StatsError(f"Possession is a percentage: {line.possession} is not between 0 and 100.")
    if (
        line.possession is not None
        and other_possession is not None
        and line.possession + other_possession > 100
    ):
        raise StatsError(
            f"Possession of {line.possession}% and the other side's {other_possession}% "
            "add up to more than 100%."
        )


def combine(lines: list[StatLine]) -> StatLine:
    """The whole match from its periods."""
    possessions = [line.possession for line in lines if line.possession is not None]
    return StatLine(
        shots=_total((line.shots for line in lines), zero=0),
        shots_on_target=_total((line.shots_on_target for line in lines), zero=0),
        expected_goals=_total((line.expected_goals for line in lines), zero=Decimal(0)),
        possession=round(sum(possessions) / len(possessions)) if possessions else None,
    )


def _total(values: Iterable[Figure | None], *, zero: Figure) -> Figure | None:
    known = [value for value in values if value is not None]
    return sum(known, start=zero) if known else None


def cards(events: list[EventFact], side: Side, period: Period | None = None) -> tuple[int, int]:
    """(yellow, red) cards of a side, in one period or the whole match."""
    cancelled = reversed_ids(events)
    shown = [
        event
        for event in events
        if event.side is side and event.id not in cancelled and (period is None or event.period == period)
    ]
    yellow = sum(event.kind in (EventKind.YELLOW, EventKind.SECOND_YELLOW) for event in shown)
    red = sum(event.kind in (EventKind.RED, EventKind.SECOND_YELLOW) for event in shown)
    return yellow, red


def stat_rows(
    home: StatLine, away: StatLine, home_cards: tuple[int, int], away_cards: tuple[int, int]
) -> list[StatRow]:
    """The rows a match page shows; a figure neither side has is left out."""
    rows = [
        StatRow("Shots", _text(home.shots), _text(away.shots)),
        StatRow("Shots on target", _text(home.shots_on_target), _text(away.shots_on_target)),
        StatRow("Expected goals (xG)", _text(home.expected_goals), _text(away.expected_goals)),
        StatRow("Possession", _percent(home.possession), _percent(away.possession)),
    ]
    known = [row for row in rows if (row.home, row.away) != ("–", "–")]
    return [
        *known,
        StatRow("Yellow cards", str(home_cards[0]), str(away_cards[0])),
        StatRow("Red cards", str(home_cards[1]), str(away_cards[1])),
    ]


def _text(value: int | Decimal | None) -> str:
    return "–" if value is None else str(value)


def _percent(value: int | None) -> str:
    return "–" if value is None else f"{value}%"
