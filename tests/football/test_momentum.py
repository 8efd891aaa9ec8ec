"""The match-flow chart's geometry: step lines of goals, marks, added-time bands, labels. No database."""

from decimal import Decimal

import pytest

from football.events import EventFact, EventKind, GoalType, Period, Side, VarDecision
from football.momentum import LEFT, RIGHT, MatchFlow, match_flow, stats_text
from football.statistics import StatLine

HOME, AWAY = Side.HOME, Side.AWAY
P1, P2, ET1, ET2, PENS = Period
CODES = {HOME: "ATA", AWAY: "LIV"}
MINUTE = (RIGHT - LEFT) / 90  # width of one minute when no time was added


def event(id: int, kind: EventKind, side: Side | None, minute: int, added: int = 0, **fields) -> EventFact:
    period = fields.pop("period", None) or (P1 if minute <= 45 else P2)
    return EventFact(id=id, kind=kind, period=period, minute=minute, added_minute=added, side=side, **fields)


def goal(id: int, side: Side, minute: int, added: int = 0, **fields) -> EventFact:
    fields.setdefault("player_name", "Scorer")
    return event(id, EventKind.GOAL, side, minute, added, **fields)


def flow(events: list[EventFact], stats=None, *, finished: bool = True) -> MatchFlow:
    return match_flow(events, stats or {}, codes=CODES, finished=finished)


def steps(chart: MatchFlow, side: Side) -> list[tuple[float, int]]:
    """Where a side's line rises, as (x, goals after), read back from its points."""
    line = next(line for line in chart.lines if line.side is side)
    heights = sorted({point.y for point in line.points}, reverse=True)
    rises = []
    for before, after in zip(line.points, line.points[1:], strict=False):
        if after.y < before.y:
            rises.append((after.x, heights.index(after.y)))
    return rises


def x_at(minute: float) -> float:
    return round(LEFT + minute * MINUTE, 1)


PENALTY = {"goal_type": GoalType.PENALTY}
OWN_GOAL = {"goal_type": GoalType.OWN_GOAL}


@pytest.mark.parametrize(
    ("events", "home_steps", "away_steps"),
    [
        ([], [], []),
        ([goal(1, AWAY, 7, **PENALTY)], [], [(x_at(7), 1)]),
        (
            [goal(1, HOME, 12), goal(2, AWAY, 34), goal(3, HOME, 51)],
            [(x_at(12), 1), (x_at(51), 2)],
            [(x_at(34), 1)],
        ),
        # An own goal raises the other side's line.
        ([goal(1, HOME, 52, **OWN_GOAL)], [], [(x_at(52), 1)]),
        # A goal the VAR disallowed raises no line.
        (
            [
                goal(1, HOME, 41),
                event(2, EventKind.VAR, HOME, 42, var_decision=VarDecision.GOAL_DISALLOWED, reverses_id=1),
            ],
            [],
            [],
        ),
        # Shoot-out kicks are not drawn.
        ([goal(1, HOME, 120, period=PENS), goal(2, AWAY, 120, period=PENS)], [], []),
    ],
    ids=["no goals", "penalty", "three goals", "own goal", "disallowed goal", "shoot-out"],
)
def test_each_side_has_a_step_line_of_the_goals_that_count_for_it(events, home_steps, away_steps):
    chart = flow(events)
    assert steps(chart, HOME) == home_steps
    assert steps(chart, AWAY) == away_steps
    assert (chart.score.home, chart.score.away) == (len(home_steps), len(away_steps))


def test_a_finished_matchs_lines_run_from_kick_off_to_full_time_and_are_labelled():
    chart = flow([goal(1, AWAY, 7, **PENALTY)])
    for line in chart.lines:
        assert (line.points[0].x, line.points[-1].x) == (LEFT, RIGHT)
    assert [line.label.text for line in chart.lines] == ["ATA 0", "LIV 1"]


def test_lines_are_drawn_apart_while_the_score_is_level():
    home, away = flow([]).lines
    assert home.points[0].y < away.points[0].y


@pytest.mark.parametrize(
    ("playing", "end"),
    [
        (None, x_at(46)),  # no clock given: the latest event
        ((P2, 70, 0), x_at(70)),
        ((P2, 90, 6), RIGHT),  # added time nobody has played an event in yet: the end of the half
        ((P1, 30, 0), x_at(46)),  # a clock behind the events (a stale page) never shortens the lines
    ],
)
def test_a_match_in_play_is_drawn_to_the_minute_being_played(playing, end):
    events = [goal(1, HOME, 12), event(2, EventKind.PERIOD_START, None, 46, period=P2)]
    chart = match_flow(events, {}, codes=CODES, finished=False, playing=playing)
    assert {line.points[-1].x for line in chart.lines} == {end}


@pytest.mark.parametrize(
    ("events", "tick", "divider"),
    [
        ([goal(1, HOME, 45, 2)], "45'", "HT"),
        ([goal(1, HOME, 45, 30)], "45'", "HT"),
        ([goal(1, AWAY, 90, 4)], "90'", None),
    ],
    ids=["45+2", "45+30", "90+4"],
)
def test_added_time_is_drawn_in_a_narrow_band_after_its_half(events, tick, divider):
    chart = flow(events)
    start = next(label.x for label in chart.minute_ticks if label.text == tick)
    stop = next(label.x for label in chart.dividers if label.text == divider) if divider else RIGHT
    (mark,) = chart.markers
    assert start < mark.x < stop
    assert stop - start <= 4 * MINUTE


def test_added_minutes_keep_their_order():
    early, late = (marker.x for marker in flow([goal(1, HOME, 45, 1), goal(2, AWAY, 45, 3)]).markers)
    assert early < late


def test_first_half_added_time_sits_between_45_and_46():
    chart = flow([goal(1, HOME, 45, 2), goal(2, AWAY, 46)])
    stoppage, second_half = sorted(marker.x for marker in chart.markers)
    forty_five = next(tick.x for tick in chart.minute_ticks if tick.text == "45'")
    half_time = chart.dividers[0]
    assert forty_five < stoppage < half_time.x < second_half
    assert half_time.text == "HT"


@pytest.mark.parametrize(
    ("events", "ticks", "dividers"),
    [
        ([], ["0'", "15'", "30'", "45'", "60'", "75'", "90'"], ["HT"]),
        (
            [event(1, EventKind.PERIOD_START, None, 91, period=ET1)],
            ["0'", "15'", "30'", "45'", "60'", "75'", "90'", "105'", "120'"],
            ["HT", "ET", "ET HT"],
        ),
    ],
    ids=["ninety minutes", "extra time"],
)
def test_the_minute_axis_runs_to_ninety_or_to_a_hundred_and_twenty(events, ticks, dividers):
    chart = flow(events)
    assert [tick.text for tick in chart.minute_ticks] == ticks
    assert [divider.text for divider in chart.dividers] == dividers
    assert chart.minute_ticks[-1].x == RIGHT


SECOND_YELLOW = EventKind.SECOND_YELLOW


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([goal(1, AWAY, 7, player_name="Salah", **PENALTY)], [("goal", AWAY, "7'", "Salah (pen.)", 1)]),
        (
            [goal(1, HOME, 52, player_name="Ruggeri", **OWN_GOAL)],
            [("own_goal", AWAY, "52'", "Ruggeri (o.g.)", 1)],
        ),
        ([event(1, EventKind.RED, HOME, 33, player_name="Mancini")], [("red", HOME, "33'", "Mancini", 1)]),
        (
            [event(1, SECOND_YELLOW, HOME, 90, 1, player_name="Zappacosta")],
            [("red", HOME, "90+1'", "Zappacosta (2nd yellow)", 1)],
        ),
        # A yellow card is not marked; a red card the VAR rescinded is not either.
        ([event(1, EventKind.YELLOW, HOME, 43, player_name="Hien")], []),
        (
            [
                event(1, EventKind.RED, AWAY, 30, player_name="Konaté"),
                event(2, EventKind.VAR, AWAY, 32, var_decision=VarDecision.RED_RESCINDED, reverses_id=1),
            ],
            [],
        ),
    ],
    ids=["penalty", "own goal", "red card", "second yellow", "yellow card", "rescinded red"],
)
def test_goals_and_sendings_off_are_marked(events, expected):
    markers = [(m.kind, m.side, m.minute, m.label, m.count) for m in flow(events).markers]
    assert markers == expected


def substitution(id: int, side: Side, minute: int, on: str, off: str) -> EventFact:
    return event(id, EventKind.SUBSTITUTION, side, minute, player_in_name=on, player_name=off)


def test_a_sides_substitutions_in_one_minute_share_a_mark_in_its_lane():
    chart = flow(
        [
            substitution(1, AWAY, 66, "Jota", "Luis Díaz"),
            substitution(2, AWAY, 66, "Núñez", "Salah"),
            substitution(3, AWAY, 66, "Elliott", "Szoboszlai"),
            substitution(4, HOME, 66, "Lookman", "Miranchuk"),
            substitution(5, AWAY, 79, "Danns", "Robertson"),
        ]
    )
    marks = [(m.side, m.minute, m.count, m.label) for m in chart.markers]
    assert marks == [
        (AWAY, "66'", 3, "Jota for Luis Díaz; Núñez for Salah; Elliott for Szoboszlai"),
        (HOME, "66'", 1, "Lookman for Miranchuk"),
        (AWAY, "79'", 1, "Danns for Robertson"),
    ]
    lanes = {lane.side: lane.y for lane in chart.lanes}
    assert {m.side: m.y for m in chart.markers} == lanes
    assert lanes[HOME] < lanes[AWAY]


SEED_STATS = {(AWAY, P2): StatLine(shots=2, expected_goals=Decimal("0.11"))}


@pytest.mark.parametrize(
    ("events", "stats", "labels"),
    [
        ([], {}, []),
        # Only the side with figures is labelled; what it lacks is a dash.
        ([], SEED_STATS, [(AWAY, "LIV xG 0.11 · 2 shots")]),
        (
            [],
            {(HOME, P1): StatLine(shots=7, expected_goals=Decimal("0.92")), (AWAY, P1): StatLine(shots=1)},
            [(HOME, "ATA xG 0.92 · 7 shots"), (AWAY, "LIV xG – · 1 shot")],
        ),
        # The two halves of extra time share one label.
        (
            [event(1, EventKind.PERIOD_START, None, 91, period=ET1)],
            {(HOME, ET1): StatLine(shots=1), (HOME, ET2): StatLine(shots=2, expected_goals=Decimal("0.4"))},
            [(HOME, "ATA xG 0.40 · 3 shots")],
        ),
    ],
    ids=["no figures", "seed second half", "first half", "extra time"],
)
def test_each_half_is_labelled_with_the_xg_and_shots_that_are_known(events, stats, labels):
    chart = flow(events, stats)
    assert [(label.side, label.text) for label in chart.stats_labels] == labels
    assert (chart.top > 40) == bool(labels)  # room above the lines only when there are labels


@pytest.mark.parametrize(
    ("events", "stats", "headings"),
    [
        ([], {}, []),
        ([], SEED_STATS, ["Second half"]),
        ([], {(HOME, P1): StatLine(shots=3), (AWAY, P2): StatLine(shots=1)}, ["First half", "Second half"]),
        (
            [event(1, EventKind.PERIOD_START, None, 91, period=ET1)],
            {(HOME, ET2): StatLine(shots=2)},
            ["Extra time"],
        ),
    ],
    ids=["no figures", "seed second half", "both halves", "extra time"],
)
def test_each_halfs_figures_say_which_half_they_are_from(events, stats, headings):
    chart = flow(events, stats)
    assert [heading.text for heading in chart.stats_headings] == headings
    # The heading sits over its figures, above both sides' rows.
    for heading in chart.stats_headings:
        under = [label for label in chart.stats_labels if label.x == heading.x]
        assert under and all(heading.y < label.y < chart.top for label in under)


def test_half_labels_sit_over_their_half():
    chart = flow([], {(HOME, P1): StatLine(shots=3), (HOME, P2): StatLine(shots=4)})
    first, second = (label.x for label in chart.stats_labels)
    assert first == pytest.approx(x_at(22.5), abs=0.2)
    assert second == pytest.approx(x_at(67.5), abs=0.2)


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (StatLine(), "xG – · – shots"),
        (StatLine(shots=1), "xG – · 1 shot"),
        (StatLine(shots=0, expected_goals=Decimal("0")), "xG 0.00 · 0 shots"),
    ],
)
def test_unknown_figures_are_dashes_not_zeros(line, text):
    assert stats_text(line) == text


def test_the_goal_axis_has_room_for_the_leading_side():
    assert [tick.text for tick in flow([]).goal_ticks] == ["0", "1", "2"]
    many = [goal(i, HOME, 10 + i) for i in range(7)]
    assert [tick.text for tick in flow(many).goal_ticks] == ["0", "2", "4", "6"]
