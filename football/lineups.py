"""What one side's team sheet for a match may hold.

- Each player appears once, whether starting or on the bench.
- Shirt numbers run from 1 to 99, and no two players of the side wear the same one (a
  player may have none: not every competition numbers its squads).
- At most eleven start; fewer is allowed (a side reduced by injuries before kick-off, or a
  sheet entered in parts).
- At most one captain, and the captain starts.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MAX_STARTERS = 11
SHIRT_NUMBERS = range(1, 100)


@dataclass(frozen=True)
class SheetLine:
    player_id: int
    name: str
    shirt_number: int | None = None
    starter: bool = True
    captain: bool = False


class TeamSheetError(ValueError):
    """A team sheet the rules above refuse; the message names the players concerned."""


def check_team_sheet(lines: Sequence[SheetLine]) -> None:
    """Raises TeamSheetError for the first rule the sheet breaks."""
    _check_players_once(lines)
    _check_shirt_numbers(lines)
    starters = sum(line.starter for line in lines)
    if starters > MAX_STARTERS:
        raise TeamSheetError(f"{starters} starters named: at most {MAX_STARTERS} start.")
    captains = [line for line in lines if line.captain]
    if len(captains) > 1:
        raise TeamSheetError(f"Only one captain: {_names(captains)}.")
    if captains and not captains[0].starter:
        raise TeamSheetError(f"The captain, {captains[0].name}, must start.")


def _check_players_once(lines: Sequence[SheetLine]) -> None:
    counts = Counter(line.player_id for line in lines)
    twice = [line for line in lines if counts[line.player_id] > 1]
    if twice:
        raise TeamSheetError(f"A player can be named once: {_names(twice)} appears more than once.")


def _check_shirt_numbers(lines: Sequence[SheetLine]) -> None:
    for line in lines:
        if line.shirt_number is not None and line.shirt_number not in SHIRT_NUMBERS:
            raise TeamSheetError(f"{line.name}'s shirt number {line.shirt_number} is not between 1 and 99.")
    counts = Counter(line.shirt_number for line in lines if line.shirt_number is not None)
    shared = [line for line in lines if line.shirt_number is not None and counts[line.shirt_number] > 1]
    if shared:
        raise TeamSheetError(f"Two players cannot wear number {shared[0].shirt_number}: {_names(shared)}.")


def _names(lines: Sequence[SheetLine]) -> str:
    return ", ".join(dict.fromkeys(line.name for line in lines))
