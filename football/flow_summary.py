"""The match-flow chart told in words, for readers who cannot see it.

It gives the score, then each goal in match order with its scorer, its side and the
minute ("Salah scored a penalty for Liverpool on 7 minutes."), an own goal under the side
it counted for, a goal the VAR disallowed as disallowed, each sending-off, how many
substitutions each side made, and each half's expected goals (xG) and shots where they
are known. Kicks in a penalty shoot-out are not part of the chart, so not of its words.
"""

from collections.abc import Mapping

from football.clock import minute_label
from football.events import SENDING_OFF_KINDS, EventFact, EventKind, GoalType, Period, Side
from football.momentum import EXTRA_TIME, StatLines
from football.scoring import reversed_ids, score, scoring_side
from football.statistics import StatLine, combine

HALVES = (
    ("First half", (Period.FIRST_HALF,)),
    ("Second half", (Period.SECOND_HALF,)),
    ("Extra time", EXTRA_TIME),
)


def flow_summary(events: list[EventFact], stats: StatLines, *, names: Mapping[Side, str]) -> str:
    """A few sentences a screen reader reads in place of the chart."""
    result = score(events)
    sentences = [f"{names[Side.HOME]} {result.home}, {names[Side.AWAY]} {result.away}."]
    cancelled = reversed_ids(events)
    for event in sorted(events, key=lambda event: event.order):
        if event.period is Period.PENALTIES:
            continue
        sentence = _event_sentence(event, event.id in cancelled, names)
        if sentence:
            sentences.append(sentence)
    sentences.append(_substitutions(events, names))
    sentences.extend(_stats_sentence(title, periods, stats, names) for title, periods in HALVES)
    return " ".join(sentence for sentence in sentences if sentence)


def _on(event: EventFact) -> str:
    minute = minute_label(event.minute, event.added_minute).removesuffix("'")
    return f"on {minute} minutes"


def _event_sentence(event: EventFact, cancelled: bool, names: Mapping[Side, str]) -> str:
    who = event.player_name or "A player"
    if event.kind is EventKind.GOAL and event.side is not None:
        if cancelled:
            return f"A goal by {who} for {names[event.side]} {_on(event)} was disallowed."
        if event.goal_type is GoalType.OWN_GOAL:
            helped = names[scoring_side(event)]
            return f"An own goal by {who} of {names[event.side]} counted for {helped} {_on(event)}."
        how = "scored a penalty" if event.goal_type is GoalType.PENALTY else "scored"
        return f"{who} {how} for {names[event.side]} {_on(event)}."
    if event.kind in SENDING_OFF_KINDS and event.side is not None and not cancelled:
        why = " for a second yellow card" if event.kind is EventKind.SECOND_YELLOW else ""
        return f"{who} of {names[event.side]} was sent off{why} {_on(event)}."
    return ""


def _substitutions(events: list[EventFact], names: Mapping[Side, str]) -> str:
    made = {side: sum(e.kind is EventKind.SUBSTITUTION and e.side is side for e in events) for side in Side}
    if not any(made.values()):
        return ""
    return f"Substitutions: {names[Side.HOME]} {made[Side.HOME]}, {names[Side.AWAY]} {made[Side.AWAY]}."


def _stats_sentence(
    title: str, periods: tuple[Period, ...], stats: StatLines, names: Mapping[Side, str]
) -> str:
    known = {
        side: combine([stats[(side, period)] for period in periods if (side, period) in stats])
        for side in Side
    }
    parts = [f"{names[side]} {_figures(line)}" for side, line in known.items() if _figures(line)]
    missing = [names[side] for side, line in known.items() if not _figures(line)]
    if not parts:
        return ""
    if missing:
        parts.append(f"no figures for {missing[0]}")
    return f"{title}: {', '.join(parts)}."


def _figures(line: StatLine) -> str:
    shots = "" if line.shots is None else f"{line.shots} shot{'' if line.shots == 1 else 's'}"
    if line.expected_goals is None:
        return shots
    expected = f"{line.expected_goals:.2f} xG"
    return f"{expected} from {shots}" if shots else expected
