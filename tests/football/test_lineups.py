"""Team sheet rules: a table of sheets and what is wrong with them (no database)."""

import pytest

from football.lineups import SheetLine, TeamSheetError, check_team_sheet


def sheet(*lines: tuple) -> list[SheetLine]:
    """(id, shirt, starter, captain) per line; players are named P<id>."""
    return [SheetLine(pid, f"P{pid}", shirt, starter, captain) for pid, shirt, starter, captain in lines]


ELEVEN = [(n, n, True, n == 1) for n in range(1, 12)]


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ELEVEN,
        [*ELEVEN, (12, 12, False, False), (13, None, False, False)],
        [(1, None, True, False), (2, None, True, False)],  # unnumbered squads
        [(1, 99, True, False)],
    ],
    ids=["empty", "eleven", "bench and an unnumbered sub", "no numbers", "number 99"],
)
def test_sheets_the_rules_allow(lines):
    check_team_sheet(sheet(*lines))


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            [(1, 1, True, False), (1, 1, False, False)],
            "A player can be named once: P1 appears more than once.",
        ),
        ([(1, 0, True, False)], "P1's shirt number 0 is not between 1 and 99."),
        ([(1, 100, True, False)], "P1's shirt number 100 is not between 1 and 99."),
        ([(1, 7, True, False), (2, 7, False, False)], "Two players cannot wear number 7: P1, P2."),
        ([*ELEVEN, (12, 12, True, False)], "12 starters named: at most 11 start."),
        ([(1, 1, True, True), (2, 2, True, True)], "Only one captain: P1, P2."),
        ([(1, 1, False, True)], "The captain, P1, must start."),
    ],
    ids=[
        "twice",
        "number 0",
        "number 100",
        "shared number",
        "twelve starters",
        "two captains",
        "benched captain",
    ],
)
def test_sheets_the_rules_refuse(lines, message):
    with pytest.raises(TeamSheetError) as refused:
        check_team_sheet(sheet(*lines))
    assert str(refused.value) == message
