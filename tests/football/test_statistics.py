from decimal import Decimal

import pytest

from football.events import EventFact, EventKind, Period, Side, VarDecision
from football.statistics import StatLine, StatsError, cards, check_figures, combine, stat_rows


@pytest.mark.parametrize(
    ("line", "other", "message"),
    [
        (StatLine(shots=2, shots_on_target=3), None, "cannot exceed shots"),
        (StatLine(expected_goals=Decimal("-0.1")), None, "between 0"),
        (StatLine(expected_goals=Decimal("16")), None, "between 0"),
        (StatLine(possession=101), None, "percentage"),
        (StatLine(possession=60), 45, "more than 100"),
    ],
)
def test_impossible_figures_are_refused(line, other, message):
    with pytest.raises(StatsError, match=message):
        check_figures(line, other_possession=other)


@pytest.mark.parametrize(
    "line",
    [StatLine(), StatLine(shots=2, shots_on_target=2, expected_goals=Decimal("0.11"), possession=45)],
)
def test_possible_figures_pass(line):
    check_figures(line, other_possession=55)


def test_whole_match_adds_up_the_halves_and_averages_possession():
    first = StatLine(shots=5, shots_on_target=1, expected_goals=Decimal("0.40"), possession=60)
    second = StatLine(shots=2, shots_on_target=None, expected_goals=Decimal("0.11"), possession=45)
    assert combine([first, second]) == StatLine(7, 1, Decimal("0.51"), 52)


def test_unknown_figures_stay_unknown():
    assert combine([StatLine(), StatLine()]) == StatLine()


def event(id, kind, side=Side.HOME, period=Period.FIRST_HALF, **fields):
    return EventFact(id=id, kind=kind, period=period, minute=10 + id, side=side, player_id=id, **fields)


def test_cards_count_second_yellows_as_both_and_skip_rescinded_reds():
    events = [
        event(1, EventKind.YELLOW),
        event(2, EventKind.SECOND_YELLOW, period=Period.SECOND_HALF),
        event(3, EventKind.RED),
        event(4, EventKind.VAR, var_decision=VarDecision.RED_RESCINDED, reverses_id=3),
        event(5, EventKind.YELLOW, side=Side.AWAY),
    ]
    assert cards(events, Side.HOME) == (2, 1)
    assert cards(events, Side.HOME, Period.FIRST_HALF) == (1, 0)
    assert cards(events, Side.AWAY) == (1, 0)


def test_rows_leave_out_figures_nobody_gave_but_always_show_cards():
    rows = stat_rows(StatLine(), StatLine(shots=2, expected_goals=Decimal("0.11")), (0, 0), (0, 0))
    assert [(row.label, row.home, row.away) for row in rows] == [
        ("Shots", "–", "2"),
        ("Expected goals (xG)", "–", "0.11"),
        ("Yellow cards", "0", "0"),
        ("Red cards", "0", "0"),
    ]
