"""What each player on a team sheet did in the match, as the line-ups mark it.

- Goals count for the player who scored them; an own goal is marked apart (it counted for
  the other side). A goal the VAR disallowed marks nothing, and a penalty shoot-out's kicks
  are not goals of the match.
- A yellow card books the player; a second yellow or a straight red sends him off (both
  cards of a second yellow are shown). A red the VAR rescinded marks nothing.
- A substitution marks the player going off and the one coming on, each with the minute
  (`67'`, `90+2'`). A player who came on and went off again carries both.
- Each player's notes say it all in words, in match order ("goal 38'", "booked 43'",
  "off 66'"), for the line-up lists and for screen readers; each note's kind names the
  symbol drawn beside it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from football.clock import minute_label
from football.events import EventFact, EventKind, GoalType, Period
from football.scoring import counted

CARD_NOTES = {
    EventKind.YELLOW: "booked",
    EventKind.SECOND_YELLOW: "sent off (2nd yellow)",
    EventKind.RED: "sent off",
}


@dataclass(frozen=True)
class Note:
    """One mark in words: its kind (goal, own-goal, yellow, red, off, on) names its symbol."""

    kind: str
    text: str


@dataclass(frozen=True)
class PlayerMarks:
    goals: int = 0
    own_goals: int = 0
    booked: bool = False
    sent_off: bool = False
    on_at: str = ""
    off_at: str = ""
    notes: tuple[Note, ...] = field(default=())


NO_MARKS = PlayerMarks()


def player_marks(events: Iterable[EventFact]) -> dict[int, PlayerMarks]:
    """Each player's marks, by player id; a player who did nothing has none (use NO_MARKS)."""
    marks: dict[int, PlayerMarks] = {}
    for event in counted(events):
        if event.period is Period.PENALTIES:
            continue
        for player_id, change in _changes(event):
            marks[player_id] = change(marks.get(player_id, NO_MARKS))
    return marks


def _changes(event: EventFact) -> list[tuple[int, "_Change"]]:
    when = minute_label(event.minute, event.added_minute)
    if event.kind is EventKind.GOAL and event.player_id is not None:
        own = event.goal_type is GoalType.OWN_GOAL
        note = Note("own-goal", f"own goal {when}") if own else Note("goal", f"goal {when}")
        return [(event.player_id, _Change(goals=int(not own), own_goals=int(own), note=note))]
    if event.kind in CARD_NOTES and event.player_id is not None:
        sent_off = event.kind is not EventKind.YELLOW
        booked = event.kind is not EventKind.RED
        note = Note("red" if sent_off else "yellow", f"{CARD_NOTES[event.kind]} {when}")
        return [(event.player_id, _Change(booked=booked, sent_off=sent_off, note=note))]
    if event.kind is EventKind.SUBSTITUTION:
        changes = []
        if event.player_id is not None:
            changes.append((event.player_id, _Change(off_at=when, note=Note("off", f"off {when}"))))
        if event.player_in_id is not None:
            changes.append((event.player_in_id, _Change(on_at=when, note=Note("on", f"on {when}"))))
        return changes
    return []


@dataclass(frozen=True)
class _Change:
    """One event's mark on a player, added to what he has."""

    note: Note
    goals: int = 0
    own_goals: int = 0
    booked: bool = False
    sent_off: bool = False
    on_at: str = ""
    off_at: str = ""

    def __call__(self, marks: PlayerMarks) -> PlayerMarks:
        return replace(
            marks,
            goals=marks.goals + self.goals,
            own_goals=marks.own_goals + self.own_goals,
            booked=marks.booked or self.booked,
            sent_off=marks.sent_off or self.sent_off,
            on_at=self.on_at or marks.on_at,
            off_at=self.off_at or marks.off_at,
            notes=(*marks.notes, self.note),
        )
