"""A season of matches read from openfootball's football.json, checked entry by entry.

Each entry names its round, date, local kick-off time, two clubs and, once played, its
score: `ft` after ninety minutes, `ht` at half-time, `et` after extra time and `p` for a
penalty shoot-out. A played match finished at full time, after extra time, or after
penalties; its result of record is the score after extra time when there was extra time.
An entry without a score has not been played. Kick-off times are local to the match and
are turned into UTC with the zone given; a missing time is taken as noon local time.
Clubs may carry their country in brackets (`Atalanta BC (ITA)`); it is taken off the name.

An entry that makes no sense (a score that is not a number, a club playing itself, a level
shoot-out, a pair meeting three times in a knock-out round) is reported by its position
in the file and left out; the rest stand.
"""

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from football import rounds
from football.status import Status

NOON = dt.time(12, 0)
TIME_WORDS = re.compile(r"^(\d{1,2})[:.](\d{2})(?:\s*UTC\s*([+-]\d{1,2}))?$")
COUNTRY_SUFFIX = re.compile(r"^(.*\S)\s+\(([A-Z]{2,3})\)$")

Pair = tuple[int, int]


class EntryError(ValueError):
    pass


@dataclass(frozen=True)
class Scores:
    status: str = Status.SCHEDULED
    score: Pair | None = None
    half_time: Pair | None = None
    normal_time: Pair | None = None
    penalties: Pair | None = None


@dataclass(frozen=True)
class ImportedMatch:
    number: int  # position in the file, from 1
    stage: str
    stage_kind: str
    round_name: str
    leg: int | None
    home: str
    away: str
    home_country: str
    away_country: str
    kickoff: dt.datetime  # in UTC
    scores: Scores


@dataclass(frozen=True)
class ImportedSeason:
    matches: tuple[ImportedMatch, ...]
    problems: tuple[str, ...]


def read_season(data: Mapping, *, zone: dt.tzinfo) -> ImportedSeason:
    """Every sound match of a football.json document, and a line for each entry left out."""
    entries = data.get("matches") if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        raise EntryError("Not a football.json season: it has no list of matches.")
    matches, problems = [], []
    for number, entry in enumerate(entries, start=1):
        try:
            matches.append(read_match(entry, number=number, zone=zone))
        except EntryError as error:
            problems.append(f"match {number}: {error}")
    matches, repeats = _placed(matches)
    problems += [f"match {m.number}: {m.home} v {m.away} meet a third time in {m.stage}" for m in repeats]
    matches, twice = _once_each(matches)
    problems += [f"match {m.number}: {m.home} v {m.away} appears twice in {m.stage}" for m in twice]
    return ImportedSeason(tuple(matches), tuple(sorted(problems, key=_position)))


def _position(problem: str) -> int:
    return int(problem.split(":")[0].split()[-1])


def read_match(entry: object, *, number: int, zone: dt.tzinfo) -> ImportedMatch:
    if not isinstance(entry, Mapping):
        raise EntryError("is not an object")
    home, home_country = _club(entry, "team1", "country1")
    away, away_country = _club(entry, "team2", "country2")
    if home == away:
        raise EntryError(f"{home} cannot play itself")
    found = rounds.read_round(_text(entry, "round"))
    return ImportedMatch(
        number=number,
        stage=found.stage,
        stage_kind=found.kind,
        round_name=found.name,
        leg=found.leg,
        home=home,
        away=away,
        home_country=home_country,
        away_country=away_country,
        kickoff=_kickoff(entry, zone),
        scores=read_scores(entry.get("score")),
    )


def _text(entry: Mapping, key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise EntryError(f"{key} is missing")
    return " ".join(value.split())


def _club(entry: Mapping, team_key: str, country_key: str) -> tuple[str, str]:
    name = _text(entry, team_key)
    country = entry.get(country_key) or ""
    if suffixed := COUNTRY_SUFFIX.match(name):
        name, country = suffixed[1], country or suffixed[2]
    return name, str(country)


def _kickoff(entry: Mapping, zone: dt.tzinfo) -> dt.datetime:
    date_text = _text(entry, "date")
    try:
        day = dt.date.fromisoformat(date_text)
    except ValueError:
        raise EntryError(f"date {date_text!r} is not a date (YYYY-MM-DD)") from None
    time_text = entry.get("time") or ""
    if not time_text:
        return dt.datetime.combine(day, NOON, zone).astimezone(dt.UTC)
    found = TIME_WORDS.match(str(time_text).strip())
    if not found or int(found[1]) > 23 or int(found[2]) > 59:
        raise EntryError(f"time {time_text!r} is not a time (HH:MM)")
    hour, minute, offset = int(found[1]), int(found[2]), found[3]
    local_zone = dt.timezone(dt.timedelta(hours=int(offset))) if offset else zone
    return dt.datetime.combine(day, dt.time(hour, minute), local_zone).astimezone(dt.UTC)


def read_scores(score: object) -> Scores:
    """The status and scores a football.json `score` object records."""
    if score is None or score == {}:
        return Scores()
    if not isinstance(score, Mapping):
        raise EntryError(f"score {score!r} is not an object")
    full_time = _pair(score, "ft")
    if full_time is None:
        return Scores()
    half_time, extra_time, penalties = _pair(score, "ht"), _pair(score, "et"), _pair(score, "p")
    _check_order(half_time, full_time, "half-time", "full-time")
    _check_order(full_time, extra_time, "full-time", "extra-time")
    if penalties and penalties[0] == penalties[1]:
        raise EntryError(f"a penalty shoot-out cannot end level ({penalties[0]}-{penalties[1]})")
    status = (
        Status.AFTER_PENALTIES if penalties else Status.AFTER_EXTRA_TIME if extra_time else Status.FULL_TIME
    )
    return Scores(
        status=status,
        score=extra_time or full_time,
        half_time=half_time,
        normal_time=full_time if extra_time else None,
        penalties=penalties,
    )


def _pair(score: Mapping, key: str) -> Pair | None:
    value = score.get(key)
    if value is None:
        return None
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise EntryError(f"{key} score {value!r} is not two numbers")
    for goals in value:
        if isinstance(goals, bool) or not isinstance(goals, int):
            raise EntryError(f"score {goals!r} is not a number")
        if goals < 0:
            raise EntryError(f"score {goals!r} is negative")
    return (value[0], value[1])


def _check_order(earlier: Pair | None, later: Pair | None, earlier_name: str, later_name: str) -> None:
    if earlier and later and (earlier[0] > later[0] or earlier[1] > later[1]):
        raise EntryError(
            f"{later_name} score {later[0]}-{later[1]} is lower than {earlier_name} {earlier[0]}-{earlier[1]}"
        )


def _placed(matches: Sequence[ImportedMatch]) -> tuple[list[ImportedMatch], list[ImportedMatch]]:
    """The matches with matchdays and legs filled in where the feed left them out."""
    by_number = {m.number: m for m in matches}
    unnumbered = [m for m in matches if m.stage_kind != rounds.KNOCKOUT and not m.round_name]
    for number, day in rounds.matchdays([_fixture(m) for m in unnumbered]).items():
        by_number[number] = replace(by_number[number], round_name=f"Matchday {day}")
    repeats = []
    for stage in {m.stage for m in matches if m.stage_kind == rounds.KNOCKOUT}:
        in_stage = [_fixture(m) for m in matches if m.stage == stage and m.leg is None]
        for number, leg in rounds.legs(in_stage).items():
            by_number[number] = replace(by_number[number], leg=leg, round_name=rounds.leg_name(leg))
        repeats += [by_number.pop(number) for number in rounds.repeated(in_stage)]
    return sorted(by_number.values(), key=lambda m: m.number), repeats


def _fixture(match: ImportedMatch) -> rounds.Fixture:
    return rounds.Fixture(match.number, match.home, match.away, match.kickoff.date())


def _once_each(matches: Sequence[ImportedMatch]) -> tuple[list[ImportedMatch], list[ImportedMatch]]:
    """The matches with any repeat of the same stage, clubs and leg left out."""
    seen: set[tuple[str, str, str, int | None]] = set()
    kept: list[ImportedMatch] = []
    repeats: list[ImportedMatch] = []
    for match in matches:
        identity = (match.stage, match.home, match.away, match.leg)
        (repeats if identity in seen else kept).append(match)
        seen.add(identity)
    return kept, repeats
