"""Which changes of a match alert the fans who follow it, and what the alert says.

A goal (a penalty and an own goal too) and a red card (a second yellow too) alert when they are
recorded; half-time and full time (after extra time, after penalties) when the match reaches
them. A goal that goes away again (a VAR decision disallowing it, or the goal deleted) alerts
"Goal disallowed" with the new score; a correction that changes the score alerts "Score
corrected". Any other correction (a minute moved, a scorer's name put right) alerts nobody, nor
do substitutions, yellow cards, commentary, stats or line-ups.

Pure: the update is described by plain values, no Django.
"""

from dataclasses import dataclass

HALF_TIME = frozenset({"half_time"})
FULL_TIME = frozenset({"full_time", "after_extra_time", "after_penalties"})


@dataclass(frozen=True)
class Change:
    """One entry of a match's update log, as the alert rules need it."""

    kind: str  # event_added, event_corrected, event_deleted, status_changed, …
    status: str
    status_label: str
    score: tuple[int, int] | None
    score_before: tuple[int, int] | None
    announce: str = ""  # what the live page reads out: set for goals and sendings-off only


@dataclass(frozen=True)
class Alert:
    kind: str  # goal, red_card, half_time, full_time, goal_disallowed, score_corrected
    title: str
    body: str


def alert_for(change: Change, *, home: str, away: str) -> Alert | None:
    """The alert a change sends, or None."""
    line = scoreline(home, away, change.score)
    went_down = _total(change.score) < _total(change.score_before)
    if change.kind == "status_changed":
        return _status_alert(change, line)
    if change.kind == "event_added" and change.announce:
        if change.announce.startswith("Red card"):
            return Alert("red_card", f"Red card · {line}", change.announce)
        return Alert("goal", f"Goal! {line}", change.announce)
    if change.kind in ("event_added", "event_deleted", "event_corrected") and went_down:
        return Alert("goal_disallowed", f"Goal disallowed · {line}", f"The score is now {line}.")
    if change.kind == "event_corrected" and change.score != change.score_before:
        return Alert("score_corrected", f"Score corrected · {line}", f"The score is now {line}.")
    return None


def _status_alert(change: Change, line: str) -> Alert | None:
    if change.status in HALF_TIME:
        return Alert("half_time", f"Half-time · {line}", f"{change.status_label}: {line}")
    if change.status in FULL_TIME:
        return Alert("full_time", f"{change.status_label} · {line}", f"{change.status_label}: {line}")
    return None


def scoreline(home: str, away: str, score: tuple[int, int] | None) -> str:
    """`Arsenal 1–0 Chelsea`, or `Arsenal v Chelsea` before a score."""
    if score is None:
        return f"{home} v {away}"
    return f"{home} {score[0]}–{score[1]} {away}"


def _total(score: tuple[int, int] | None) -> int:
    return sum(score) if score else 0
