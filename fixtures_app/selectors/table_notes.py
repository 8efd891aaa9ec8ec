"""The numbered notes under a table: each points deduction, and each place a tie-break decided."""

from collections.abc import Mapping
from dataclasses import dataclass

from football import standings
from football.tiebreak_notes import deduction_note, tie_break_note


@dataclass(frozen=True)
class TableNote:
    number: int
    text: str
    teams: tuple[str, ...]  # the rows' keys it is marked on


def table_notes(table: standings.Table, names: Mapping[str, str]) -> tuple[TableNote, ...]:
    """The table's notes in its order: a row's deduction, then how it came above the row below."""
    tie_breaks = {separation.upper: separation for separation in table.tie_breaks}
    notes: list[tuple[str, tuple[str, ...]]] = []
    for row in table.rows:
        if row.deducted:
            notes.append((deduction_note(names[row.team], row.deducted, row.deduction_reasons), (row.team,)))
        separation = tie_breaks.get(row.team)
        if separation is not None:
            text = tie_break_note(separation, names=names, points=row.points, position=row.position)
            notes.append((text, (separation.upper, separation.lower)))
    return tuple(TableNote(number, text, teams) for number, (text, teams) in enumerate(notes, start=1))


def note_numbers(notes: tuple[TableNote, ...]) -> dict[str, tuple[int, ...]]:
    """Each row's key and the numbers of the notes marked on it."""
    numbers: dict[str, tuple[int, ...]] = {}
    for note in notes:
        for team in note.teams:
            numbers[team] = (*numbers.get(team, ()), note.number)
    return numbers
