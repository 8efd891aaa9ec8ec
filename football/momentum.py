"""The flow of a match drawn as a chart: how the score moved, minute by minute.

The chart reads left to right through the match, from kick-off to ninety minutes, or to a
hundred and twenty when extra time is played. Added time is drawn at the end of its half
in a compressed band: 45+2' sits just after 45', before the second half's 46'. The band
grows with the time added, but never past a few minutes' width.

- Each side has a step line of its goals so far, rising at the minute of every goal that
  counts for it: an own goal raises the other side's line, a goal the VAR disallowed
  raises no line, and kicks in a penalty shoot-out are not drawn.
- A goal is marked where its side's line rises (an own goal with a hollow mark); a
  sending-off (straight red or second yellow, unless the VAR rescinded it) and the
  substitutions are marked in each side's lane under the chart. Substitutions a side
  makes in the same minute share one mark.
- Lines mark half-time, the start of extra time and extra time's half-time.
- Above each half, a side's expected goals (xG) and shots in that half, when the side has
  a figure for it; the two halves of extra time share one label. A figure nobody gave
  shows as a dash, never as a zero.
- A finished match's lines run to the end of its last period; a match in play's lines
  run to the minute being played (or its latest event, when that is later).

Everything is in SVG user units: the chart is WIDTH wide and `height` high.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from football.clock import PERIOD_MINUTES, period_for_minute
from football.events import SENDING_OFF_KINDS, EventFact, EventKind, GoalType, Period, Side
from football.scoring import Score, counted, scoring_side
from football.statistics import StatLine, combine

StatLines = Mapping[tuple[Side, Period], StatLine]
Moment = tuple[Period, int, int]  # period, minute, added minute

WIDTH = 480
LEFT, RIGHT = 40.0, 420.0
# Over each half: its name, then a row of figures per side.
HEADING_ROW = 13.0
STATS_ROWS = {Side.HOME: 30.0, Side.AWAY: 46.0}
HALF_HEADINGS = {Period.FIRST_HALF: "First half", Period.SECOND_HALF: "Second half"}
PLOT_HEIGHT = 110.0
# Added time: this much width per added minute, up to a band of MAX_BAND minutes.
ADDED_MINUTE_WIDTH, MAX_BAND = 0.6, 4.0
# Both lines show while the score is level: each is drawn a hair off its true height.
LINE_OFFSET = {Side.HOME: -1.5, Side.AWAY: 1.5}
PLAYED = (Period.FIRST_HALF, Period.SECOND_HALF, Period.EXTRA_FIRST_HALF, Period.EXTRA_SECOND_HALF)
EXTRA_TIME = (Period.EXTRA_FIRST_HALF, Period.EXTRA_SECOND_HALF)
DIVIDER_LABELS = {Period.FIRST_HALF: "HT", Period.SECOND_HALF: "ET", Period.EXTRA_FIRST_HALF: "ET HT"}
GOAL_NOTES: dict[GoalType | None, str] = {GoalType.PENALTY: " (pen.)", GoalType.OWN_GOAL: " (o.g.)"}


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    side: Side | None = None


@dataclass(frozen=True)
class GoalLine:
    """A side's goals so far, as a step line, and its label ("LIV 1") where it ends."""

    side: Side
    points: tuple[Point, ...]
    goals: int
    label: Label

    @property
    def svg_points(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


@dataclass(frozen=True)
class Marker:
    """A goal on its side's line, or a sending-off or substitution in its side's lane."""

    side: Side
    kind: str
    x: float
    y: float
    minute: str
    label: str
    count: int = 1


@dataclass(frozen=True)
class MatchFlow:
    height: float
    top: float
    bottom: float
    lines: tuple[GoalLine, ...]
    markers: tuple[Marker, ...]
    minute_ticks: tuple[Label, ...]
    goal_ticks: tuple[Label, ...]
    dividers: tuple[Label, ...]
    stats_labels: tuple[Label, ...]
    stats_headings: tuple[Label, ...]
    lanes: tuple[Label, ...]
    score: Score
    width: int = WIDTH
    left: float = LEFT
    right: float = RIGHT


@dataclass(frozen=True)
class _Scale:
    """Where each period starts on the minute axis, and how wide its added-time band is."""

    periods: tuple[Period, ...]
    starts: Mapping[Period, float]
    bands: Mapping[Period, float]
    most_added: Mapping[Period, int]

    @property
    def units(self) -> float:
        last = self.periods[-1]
        return self.starts[last] + _length(last) + self.bands[last]

    def x(self, period: Period, minute: int, added: int = 0) -> float:
        first, last = PERIOD_MINUTES[period]
        units = self.starts[period] + min(max(minute - first + 1, 0), _length(period))
        if added:
            # A minute later than any event's (the clock running on in added time) ends the band.
            units += self.bands[period] * min(added / (self.most_added[period] + 1), 1)
        return round(LEFT + units * (RIGHT - LEFT) / self.units, 1)

    def end(self, period: Period) -> float:
        """The x where the period's added time ends."""
        return self.x(period, PERIOD_MINUTES[period][1], self.most_added[period] + 1)


def _length(period: Period) -> int:
    first, last = PERIOD_MINUTES[period]
    return last - first + 1


def _played(events: list[EventFact]) -> list[EventFact]:
    return [event for event in events if event.period in PLAYED]


def _scale(events: list[EventFact], stats: StatLines) -> _Scale:
    reached = {event.period for event in events} | {period for _, period in stats}
    periods = PLAYED if reached & set(EXTRA_TIME) else PLAYED[:2]
    most_added = {period: 0 for period in periods}
    for event in events:
        most_added[event.period] = max(most_added[event.period], event.added_minute)
    bands = {
        period: min(MAX_BAND, ADDED_MINUTE_WIDTH * (added + 1)) if added else 0.0
        for period, added in most_added.items()
    }
    starts, offset = {}, 0.0
    for period in periods:
        starts[period] = offset
        offset += _length(period) + bands[period]
    return _Scale(periods, starts, bands, most_added)


@dataclass(frozen=True)
class _Heights:
    """Where a count of goals sits: the plot runs from `top` (`most` goals) down to `bottom` (none)."""

    top: float
    bottom: float
    most: int

    def y(self, goals: int, side: Side | None = None) -> float:
        offset = LINE_OFFSET[side] if side else 0.0
        return round(self.bottom - goals * (self.bottom - self.top) / self.most + offset, 1)

    def lane(self, side: Side) -> float:
        return self.bottom + (38.0 if side is Side.HOME else 60.0)


def match_flow(
    events: list[EventFact],
    stats: StatLines,
    *,
    codes: Mapping[Side, str],
    finished: bool,
    playing: Moment | None = None,
) -> MatchFlow:
    """The chart of a match from its events and per-half figures; `codes` are the sides' short names.

    `playing` is the minute being played, as (period, minute, added minute), in a match in play.
    """
    played = _played(counted(events))
    scale = _scale(_played(events), stats)
    goals = [event for event in played if event.kind is EventKind.GOAL]
    final = Score(*(sum(scoring_side(goal) is side for goal in goals) for side in Side))
    top = 64.0 if _stats_groups(scale, stats) else 16.0
    heights = _Heights(top, top + PLOT_HEIGHT, max(final.home, final.away, 2))
    end_x = _end_x(scale, _played(events), finished, playing)
    return MatchFlow(
        height=heights.bottom + 72.0,
        top=heights.top,
        bottom=heights.bottom,
        lines=tuple(_line(side, codes[side], goals, scale, heights, end_x) for side in Side),
        markers=(*_goal_markers(goals, scale, heights), *_lane_markers(played, scale, heights)),
        minute_ticks=_minute_ticks(scale, heights.bottom + 18),
        goal_ticks=_goal_ticks(heights),
        dividers=tuple(
            Label(scale.end(period), heights.top - 4, DIVIDER_LABELS[period]) for period in scale.periods[:-1]
        ),
        stats_labels=_stats_labels(scale, stats, codes),
        stats_headings=_stats_headings(scale, stats),
        lanes=tuple(Label(2.0, heights.lane(side), codes[side], side) for side in Side),
        score=final,
    )


def _goal_ticks(heights: _Heights) -> tuple[Label, ...]:
    step = 1 if heights.most <= 5 else 2
    return tuple(Label(LEFT - 8, heights.y(goals), str(goals)) for goals in range(0, heights.most + 1, step))


def _end_x(scale: _Scale, events: list[EventFact], finished: bool, playing: Moment | None) -> float:
    if finished:
        return scale.end(scale.periods[-1])
    moments = [(e.period, e.minute, e.added_minute) for e in events]
    if playing and playing[0] in scale.periods:
        moments.append(playing)
    return max((scale.x(*moment) for moment in moments), default=LEFT)


def _line(
    side: Side, code: str, goals: list[EventFact], scale: _Scale, heights: _Heights, end_x: float
) -> GoalLine:
    count = 0
    points = [Point(LEFT, heights.y(0, side))]
    for goal in goals:
        if scoring_side(goal) is not side:
            continue
        x = scale.x(goal.period, goal.minute, goal.added_minute)
        points.append(Point(x, heights.y(count, side)))
        count += 1
        points.append(Point(x, heights.y(count, side)))
    end = Point(max(end_x, points[-1].x), points[-1].y)
    points.append(end)
    return GoalLine(side, tuple(points), count, Label(end.x + 6, end.y, f"{code} {count}", side))


def _minute(event: EventFact) -> str:
    return f"{event.minute}+{event.added_minute}'" if event.added_minute else f"{event.minute}'"


def _goal_markers(goals: list[EventFact], scale: _Scale, heights: _Heights) -> list[Marker]:
    counts = {Side.HOME: 0, Side.AWAY: 0}
    markers = []
    for goal in goals:
        side = scoring_side(goal)
        counts[side] += 1
        kind = "own_goal" if goal.goal_type is GoalType.OWN_GOAL else "goal"
        y = heights.y(counts[side], side)
        label = f"{goal.player_name or 'Goal'}{GOAL_NOTES.get(goal.goal_type, '')}"
        markers.append(
            Marker(side, kind, scale.x(goal.period, goal.minute, goal.added_minute), y, _minute(goal), label)
        )
    return markers


def _lane_markers(events: list[EventFact], scale: _Scale, heights: _Heights) -> list[Marker]:
    """Sendings-off, then substitutions; a side's substitutions in one minute share a mark."""
    markers: list[Marker] = []
    for event in events:
        if event.side is None:
            continue
        x = scale.x(event.period, event.minute, event.added_minute)
        y = heights.lane(event.side)
        if event.kind in SENDING_OFF_KINDS:
            note = " (2nd yellow)" if event.kind is EventKind.SECOND_YELLOW else ""
            markers.append(Marker(event.side, "red", x, y, _minute(event), f"{event.player_name}{note}"))
        elif event.kind is EventKind.SUBSTITUTION:
            markers = _add_substitution(markers, event, event.side, x, y)
    return markers


def _add_substitution(
    markers: list[Marker], event: EventFact, side: Side, x: float, y: float
) -> list[Marker]:
    change = f"{event.player_in_name} for {event.player_name}"
    last = markers[-1] if markers else None
    if last and last.kind == "substitution" and (last.side, last.minute) == (side, _minute(event)):
        merged = Marker(
            last.side, last.kind, last.x, last.y, last.minute, f"{last.label}; {change}", last.count + 1
        )
        return [*markers[:-1], merged]
    return [*markers, Marker(side, "substitution", x, y, _minute(event), change)]


def _minute_ticks(scale: _Scale, y: float) -> tuple[Label, ...]:
    last = PERIOD_MINUTES[scale.periods[-1]][1]
    ticks = [Label(LEFT, y, "0'")]
    for minute in range(15, last + 1, 15):
        ticks.append(Label(scale.x(period_for_minute(minute), minute), y, f"{minute}'"))
    return tuple(ticks)


def _stats_groups(scale: _Scale, stats: StatLines) -> list[tuple[Period, ...]]:
    """The halves whose figures are labelled, extra time as one; only those with a figure."""
    groups: list[tuple[Period, ...]] = [(Period.FIRST_HALF,), (Period.SECOND_HALF,)]
    if Period.EXTRA_FIRST_HALF in scale.periods:
        groups.append(EXTRA_TIME)
    return [group for group in groups if any((side, period) in stats for side in Side for period in group)]


def _centre(scale: _Scale, group: tuple[Period, ...]) -> float:
    first, last = group[0], group[-1]
    start, end = scale.x(first, PERIOD_MINUTES[first][0] - 1), scale.x(last, PERIOD_MINUTES[last][1])
    return round((start + end) / 2, 1)


def _stats_headings(scale: _Scale, stats: StatLines) -> tuple[Label, ...]:
    """Which half the figures under it are from: "First half", "Second half", "Extra time"."""
    return tuple(
        Label(_centre(scale, group), HEADING_ROW, HALF_HEADINGS.get(group[0], "Extra time"))
        for group in _stats_groups(scale, stats)
    )


def _stats_labels(scale: _Scale, stats: StatLines, codes: Mapping[Side, str]) -> tuple[Label, ...]:
    labels = []
    for group in _stats_groups(scale, stats):
        centre = _centre(scale, group)
        for side in Side:
            if any((side, period) in stats for period in group):
                line = combine([stats.get((side, period), StatLine()) for period in group])
                labels.append(Label(centre, STATS_ROWS[side], f"{codes[side]} {stats_text(line)}", side))
    return tuple(labels)


def stats_text(line: StatLine) -> str:
    """A side's figures in one half: "xG 0.11 · 2 shots"; a figure nobody gave is a dash."""
    expected = "–" if line.expected_goals is None else f"{line.expected_goals:.2f}"
    shots = "–" if line.shots is None else str(line.shots)
    return f"xG {expected} · {shots} shot{'' if line.shots == 1 else 's'}"
