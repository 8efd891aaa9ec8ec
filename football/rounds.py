"""What a round of a season is called, and which matchday or leg a match belongs to.

Data feeds name rounds every which way. A league's rounds are matchdays (`Matchday 7`) of
one stage, the League. A group is a stage of its own, whatever the feed's language
(`Group G`, `Gruppe G`). UEFA's 36-club league phase is one stage, the League Phase.
Anything else is a knock-out round (`Quarter-finals`, `Round of 16`, `Play-offs`, `Final`).

A two-legged tie is the same two clubs meeting twice in one knock-out round, the first
meeting being the first leg; a feed may also say so (`1st leg`, or `Matchday 2` of a
play-off round).

When a feed does not number a group's or a league phase's matchdays, they are read from
the calendar: each matchday is a few days in which most clubs play once. A match moved
outside them (postponed, say) belongs to the earliest matchday neither club has played.
"""

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LEAGUE = "league"
GROUP = "group"
KNOCKOUT = "knockout"

MATCHDAY_SPAN_DAYS = 3  # a matchday's matches fall within this many days of each other

GROUP_WORDS = re.compile(r"^(?:group|gruppe|groupe|grupo|girone|groep)\s+(\w+)$", re.IGNORECASE)
MATCHDAY_WORDS = re.compile(r"^(?:matchday|round|spieltag|jornada|giornata)\s+(\d+)$", re.IGNORECASE)
LEG_WORDS = re.compile(r"[\s,(–-]*\b(1st|2nd|first|second)\s+leg\)?$", re.IGNORECASE)
LEG_NAMES: dict[int | None, str] = {1: "1st leg", 2: "2nd leg"}
KNOCKOUT_NAMES = {
    "playoffs": "Play-offs",
    "play-offs": "Play-offs",
    "knockout round play-offs": "Play-offs",
    "quarterfinals": "Quarter-finals",
    "quarter-finals": "Quarter-finals",
    "quarter finals": "Quarter-finals",
    "semifinals": "Semi-finals",
    "semi-finals": "Semi-finals",
    "semi finals": "Semi-finals",
    "final": "Final",
}


@dataclass(frozen=True)
class Round:
    """A feed's round label read as a stage, its kind, and the round or leg within it."""

    stage: str
    kind: str
    name: str = ""  # e.g. "Matchday 4"; empty when the feed does not say
    leg: int | None = None


@dataclass(frozen=True)
class Fixture:
    """Just what placing a match in its round needs: its place in the feed, clubs, date."""

    number: int
    home: str
    away: str
    day: dt.date


def read_round(label: str) -> Round:
    """The stage and round a feed's round label names."""
    label = " ".join(label.split())
    leg = _leg(label)
    label = LEG_WORDS.sub("", label)
    prefix, _, rest = label.rpartition(", ")
    if prefix:
        return _prefixed(prefix, rest, leg)
    if label.casefold() == "league phase":
        return Round("League Phase", LEAGUE)
    if matchday := MATCHDAY_WORDS.match(label):
        return Round("League", LEAGUE, _matchday_name(matchday))
    if group := GROUP_WORDS.match(label):
        return Round(f"Group {group[1].upper()}", GROUP)
    return _knockout(label, leg)


def _prefixed(prefix: str, rest: str, leg: int | None) -> Round:
    """Labels like `League, Matchday 3`, `Playoffs, Matchday 2`, `Finals, Round of 16`."""
    matchday = MATCHDAY_WORDS.match(rest)
    if prefix.casefold() == "league" and matchday:
        return Round("League Phase", LEAGUE, _matchday_name(matchday))
    if matchday:
        return _knockout(prefix, leg or int(matchday[1]))
    return _knockout(rest, leg)


def _knockout(label: str, leg: int | None) -> Round:
    name = KNOCKOUT_NAMES.get(label.casefold(), label[:1].upper() + label[1:])
    return Round(name, KNOCKOUT, leg_name(leg), leg)


def _leg(label: str) -> int | None:
    found = LEG_WORDS.search(label)
    if not found:
        return None
    return 1 if found[1].lower() in ("1st", "first") else 2


def _matchday_name(matchday: re.Match[str]) -> str:
    return f"Matchday {int(matchday[1])}"


def leg_name(leg: int | None) -> str:
    return LEG_NAMES.get(leg, "")


def matchdays(fixtures: Sequence[Fixture]) -> dict[int, int]:
    """Each fixture's matchday (by its number), read from the calendar."""
    clusters = _clusters(sorted(fixtures, key=lambda f: (f.day, f.number)))
    largest = max((len(c) for c in clusters), default=0)
    regular = [c for c in clusters if len(c) * 2 >= largest]
    moved = [f for c in clusters if len(c) * 2 < largest for f in c]
    found: dict[int, int] = {}
    played: defaultdict[str, set[int]] = defaultdict(set)
    for day_number, cluster in enumerate(regular, start=1):
        for fixture in cluster:
            _place(fixture, day_number, found, played)
    for fixture in moved:
        taken = played[fixture.home] | played[fixture.away]
        _place(fixture, next(n for n in range(1, len(clusters) + 2) if n not in taken), found, played)
    return found


def _clusters(fixtures: Sequence[Fixture]) -> list[list[Fixture]]:
    clusters: list[list[Fixture]] = []
    for fixture in fixtures:
        if clusters and (fixture.day - clusters[-1][0].day).days < MATCHDAY_SPAN_DAYS:
            clusters[-1].append(fixture)
        else:
            clusters.append([fixture])
    return clusters


def _place(
    fixture: Fixture, day_number: int, found: dict[int, int], played: defaultdict[str, set[int]]
) -> None:
    found[fixture.number] = day_number
    played[fixture.home].add(day_number)
    played[fixture.away].add(day_number)


def legs(fixtures: Iterable[Fixture]) -> dict[int, int]:
    """The leg of each fixture (by number) whose two clubs meet twice in a knock-out round."""
    meetings: defaultdict[frozenset[str], list[Fixture]] = defaultdict(list)
    for fixture in sorted(fixtures, key=lambda f: (f.day, f.number)):
        meetings[frozenset((fixture.home, fixture.away))].append(fixture)
    return {
        fixture.number: leg
        for pair in meetings.values()
        if len(pair) == 2
        for leg, fixture in enumerate(pair, start=1)
    }


def repeated(fixtures: Iterable[Fixture]) -> list[int]:
    """Numbers of fixtures that meet a pair of clubs more often than two legs allow."""
    seen: Counter[frozenset[str]] = Counter()
    extra = []
    for fixture in sorted(fixtures, key=lambda f: (f.day, f.number)):
        pair = frozenset((fixture.home, fixture.away))
        seen[pair] += 1
        if seen[pair] > 2:
            extra.append(fixture.number)
    return extra
