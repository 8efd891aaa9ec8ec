"""A match's key events as a fan reads them under the score.

Goals are listed under the side they count for, in match order, one entry per goal:
"Salah (7' pen.)", "Koopmeiners (77')". An own goal is listed under the side it helped,
with the name of the player who put it in his own net: "Ruggeri (52' o.g.)". A player
who scores twice appears twice. Goals the VAR disallowed and penalty shoot-out kicks are
not listed.

Cards are listed under the booked player's own side, in match order: a yellow card
"Hien (43')", a second yellow "Zappacosta (90+1' 2nd yellow, sent off)", a straight red
"Mancini (33' sent off)". A red card the VAR rescinded is not listed.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from football.clock import minute_label
from football.events import CARD_KINDS, EventFact, EventKind, GoalType, Period, Side
from football.scoring import counted, scoring_side

_GOAL_KINDS: dict[GoalType | None, str] = {GoalType.PENALTY: "penalty", GoalType.OWN_GOAL: "own_goal"}
_GOAL_NOTES = {"goal": "", "penalty": " pen.", "own_goal": " o.g."}
_CARD_NOTES = {
    EventKind.YELLOW: ("yellow", ""),
    EventKind.SECOND_YELLOW: ("second_yellow", " 2nd yellow, sent off"),
    EventKind.RED: ("red", " sent off"),
}


@dataclass(frozen=True)
class KeyEntry:
    player_name: str
    text: str
    kind: str


@dataclass(frozen=True)
class SideSummary:
    goals: tuple[KeyEntry, ...] = ()
    cards: tuple[KeyEntry, ...] = ()

    @property
    def goals_line(self) -> str:
        return ", ".join(entry.text for entry in self.goals)

    @property
    def cards_line(self) -> str:
        return ", ".join(entry.text for entry in self.cards)


def _entry_text(player_name: str, minute: str) -> str:
    return f"{player_name} ({minute})" if player_name else f"({minute})"


def goal_entry(event: EventFact) -> KeyEntry:
    """One goal as a fan reads it: "Salah (7' pen.)"."""
    kind = _GOAL_KINDS.get(event.goal_type, "goal")
    minute = minute_label(event.minute, event.added_minute) + _GOAL_NOTES[kind]
    return KeyEntry(player_name=event.player_name, text=_entry_text(event.player_name, minute), kind=kind)


def card_entry(event: EventFact) -> KeyEntry:
    """One card as a fan reads it: "Zappacosta (90+1' 2nd yellow, sent off)"."""
    kind, note = _CARD_NOTES[event.kind]
    minute = minute_label(event.minute, event.added_minute) + note
    return KeyEntry(player_name=event.player_name, text=_entry_text(event.player_name, minute), kind=kind)


def key_events(events: Iterable[EventFact]) -> dict[Side, SideSummary]:
    """Goals and cards per side, in match order; both sides are always present."""
    goals: dict[Side, list[KeyEntry]] = {Side.HOME: [], Side.AWAY: []}
    cards: dict[Side, list[KeyEntry]] = {Side.HOME: [], Side.AWAY: []}
    for event in counted(events):
        if event.kind is EventKind.GOAL and event.period is not Period.PENALTIES:
            goals[scoring_side(event)].append(goal_entry(event))
        elif event.kind in CARD_KINDS and event.side is not None:
            cards[event.side].append(card_entry(event))
    return {side: SideSummary(goals=tuple(goals[side]), cards=tuple(cards[side])) for side in Side}
