"""A replay's team with the formation its feed names, and the feeds' ways of writing one.

StatsBomb writes a formation as digits, outfield lines from the back (4231); Opta as a number
standing for one (its team set-up's qualifier 130: 8 is 4-2-3-1). A formation the rules refuse
or a number not in the table is left unknown (""): the line-ups are then drawn by position.
"""

from dataclasses import dataclass

from feeds.replay.steps import ReplayTeam
from football.formation import FormationError, normalise_formation

# Opta's formation numbers (Stats Perform's F24/MA3 documentation); 22, "4-2-4-0", has no
# striker line and is left unknown.
OPTA_FORMATIONS = {
    2: "4-4-2",
    3: "4-1-2-1-2",
    4: "4-3-3",
    5: "4-5-1",
    6: "4-4-1-1",
    7: "4-1-4-1",
    8: "4-2-3-1",
    9: "4-3-2-1",
    10: "5-3-2",
    11: "5-4-1",
    12: "3-5-2",
    13: "3-4-3",
    14: "3-1-3-1-2",
    15: "4-2-2-2",
    16: "3-5-1-1",
    17: "3-4-2-1",
    18: "3-4-1-2",
    19: "3-1-4-2",
    20: "3-1-2-1-3",
    21: "4-1-3-2",
    23: "4-3-1-2",
    24: "3-2-4-1",
    25: "3-3-3-1",
}


@dataclass(frozen=True)
class FormedTeam(ReplayTeam):
    """A replay's team and its formation ("" when the feed names none)."""

    formation: str = ""


def formation_of(written: object) -> str:
    """A feed's formation written the site's way, or "" when it is none the rules accept."""
    try:
        return normalise_formation(str(written or ""))
    except FormationError:
        return ""


def opta_formation(code: str | None) -> str:
    return OPTA_FORMATIONS.get(int(code), "") if code and code.isdigit() else ""


def team_formation(team: ReplayTeam) -> str:
    return team.formation if isinstance(team, FormedTeam) else ""
