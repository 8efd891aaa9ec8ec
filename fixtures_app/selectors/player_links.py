"""Players' names on the match page as links to their pages.

The rule modules write key-event lines and timeline entries as plain text ("Salah (7' pen.)",
"Núñez replaces Salah (Liverpool)."). A key-event entry gets the address of its player's
page; a timeline description is cut into parts, each name a part with the address of the
player's page, for the templates to link.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from fixtures_app.models import MatchEvent
from football.events import EventFact
from football.summary import KeyEntry, SideSummary
from football.timeline import TimelineEntry


@dataclass(frozen=True)
class TextPart:
    text: str
    url: str = ""  # the player's page, for a name


@dataclass(frozen=True)
class LinkedKeyEntry(KeyEntry):
    """A key-event entry with the address of its player's page: the whole entry ("Salah (7' pen.)")
    is the link, a larger target on a phone than the name alone."""

    url: str = ""


@dataclass(frozen=True)
class LinkedTimelineEntry(TimelineEntry):
    """A timeline entry whose description links the players it names."""

    description_parts: tuple[TextPart, ...] = ()


def player_urls(events: Iterable[MatchEvent]) -> dict[int, str]:
    """The page of each player the events name (their players selected with them)."""
    people = ((event.player, event.player_in, event.assist) for event in events)
    players = (person for named in people for person in named if person)
    return {player.pk: player.get_absolute_url() for player in players}


def linked_parts(text: str, names: Sequence[tuple[str, str]]) -> tuple[TextPart, ...]:
    """`text` cut at each (name, url) in `names`, found in that order; a name not found stays text."""
    parts: list[TextPart] = []
    rest = text
    for name, url in names:
        at = rest.find(name) if name and url else -1
        if at < 0:
            continue
        if at:
            parts.append(TextPart(rest[:at]))
        parts.append(TextPart(name, url))
        rest = rest[at + len(name) :]
    if rest:
        parts.append(TextPart(rest))
    return tuple(parts)


def linked_summary(summary: SideSummary, urls: Mapping[int, str]) -> SideSummary:
    """The side's key events, each with the address of its player's page."""
    return SideSummary(
        goals=tuple(_linked_entry(entry, urls) for entry in summary.goals),
        cards=tuple(_linked_entry(entry, urls) for entry in summary.cards),
    )


def _linked_entry(entry: KeyEntry, urls: Mapping[int, str]) -> LinkedKeyEntry:
    url = urls.get(entry.player_id, "") if entry.player_id is not None else ""
    return LinkedKeyEntry(**vars(entry), url=url)


def linked_timeline(
    entries: Iterable[TimelineEntry], facts: Iterable[EventFact], urls: Mapping[int, str]
) -> list[TimelineEntry]:
    """The entries, each description with the players it names linked (the one coming on first)."""
    by_id = {fact.id: fact for fact in facts}
    linked: list[TimelineEntry] = []
    for entry in entries:
        fact = by_id.get(entry.event_id)
        names = _named(fact, urls) if fact is not None else []
        parts = linked_parts(entry.description, names)
        linked.append(LinkedTimelineEntry(**vars(entry), description_parts=parts))
    return linked


def _named(fact: EventFact, urls: Mapping[int, str]) -> list[tuple[str, str]]:
    # A substitution's description names the player coming on before the one going off; a
    # goal's names the scorer before the assist.
    people = [
        (fact.player_in_id, fact.player_in_name),
        (fact.player_id, fact.player_name),
        (fact.assist_id, fact.assist_name),
    ]
    return [(name, urls.get(player_id, "")) for player_id, name in people if player_id is not None]
