"""Writes a season read from openfootball's football.json: its stages, clubs, ties and matches.

Safe to run again: a match is known by its stage, its two clubs and its leg, and is updated
in place, never duplicated. Everything is written in one transaction, so a failure part
way imports nothing.
"""

import datetime as dt
import re
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from feeds import openfootball
from feeds.clubs import ClubIndex
from fixtures_app.models import Competition, Match, Season, Stage, Team, Tie
from football import rounds, standings
from polls.services import poll_open_for_new_match

SEASON_WORDS = re.compile(r"^(\d{4})[-/](\d{2}|\d{4})$")
STAGE_KINDS = {
    rounds.LEAGUE: Stage.Kind.LEAGUE,
    rounds.GROUP: Stage.Kind.GROUP,
    rounds.KNOCKOUT: Stage.Kind.KNOCKOUT,
}

Progress = Callable[[Sequence[openfootball.ImportedMatch]], Iterable[openfootball.ImportedMatch]]


class SeasonImportError(ValueError):
    pass


@dataclass(frozen=True)
class ImportReport:
    season: Season
    created: int
    updated: int
    unchanged: int
    kept: int  # matches an editor keeps through their events: left as they are
    teams_created: int
    problems: tuple[str, ...]

    @property
    def matches(self) -> int:
        return self.created + self.updated + self.unchanged + self.kept


def season_import(
    *,
    data: Mapping,
    competition_name: str,
    season_name: str,
    rules: str,
    zone: str,
    progress: Progress | None = None,
) -> ImportReport:
    """Imports every sound match of `data`; the entries left out are in the report's problems."""
    try:
        standings.rules_for(rules)
        read = openfootball.read_season(data, zone=zoneinfo.ZoneInfo(zone))
    except (standings.UnknownRules, openfootball.EntryError) as error:
        raise SeasonImportError(str(error)) from None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SeasonImportError(f"Unknown time zone {zone!r}.") from None
    if not read.matches:
        raise SeasonImportError("The file holds no match that could be imported.")
    with transaction.atomic():
        season = _season(competition_name, season_name, rules, read.matches)
        clubs = ClubIndex()
        book = MatchBook(season, _stages(season, read.matches))
        outcomes = Counter(book.save(m, clubs) for m in (progress or list)(read.matches))
    return ImportReport(
        season=season,
        created=outcomes["created"],
        updated=outcomes["updated"],
        unchanged=outcomes["unchanged"],
        kept=outcomes["kept"],
        teams_created=clubs.created,
        problems=read.problems,
    )


def season_names(text: str) -> tuple[str, str]:
    """A season's name and slug from either spelling: `2023/24` or `2023-24`."""
    text = text.strip()
    found = SEASON_WORDS.match(text)
    name = f"{found[1]}/{found[2]}" if found else text
    slug = slugify(name.replace("/", "-"))
    if not slug:
        raise SeasonImportError(f"{text!r} is not a season (e.g. 2023/24).")
    return name, slug


def _season(
    competition_name: str, season_name: str, rules: str, matches: Sequence[openfootball.ImportedMatch]
) -> Season:
    competition = _competition(competition_name, rules, matches)
    name, slug = season_names(season_name)
    season, _ = Season.objects.get_or_create(competition=competition, slug=slug, defaults={"name": name})
    season.rules = rules
    season.starts_on = min(m.kickoff for m in matches).date()
    season.save(update_fields=["rules", "starts_on"])
    return season


def _competition(name: str, rules: str, matches: Sequence[openfootball.ImportedMatch]) -> Competition:
    name = " ".join(name.split())
    if not slugify(name):
        raise SeasonImportError(f"{name!r} is not a competition name.")
    found = (
        Competition.objects.filter(slug=slugify(name)).first()
        or Competition.objects.filter(name__iexact=name).first()
    )
    if found:
        return found
    return Competition.objects.create(
        name=name, slug=slugify(name), rules=rules, kind=_competition_kind(matches)
    )


def _competition_kind(matches: Sequence[openfootball.ImportedMatch]) -> str:
    stages = {m.stage for m in matches}
    if "League Phase" in stages:
        return Competition.Kind.LEAGUE_PHASE
    if any(m.stage_kind != rounds.LEAGUE for m in matches):
        return Competition.Kind.CUP
    return Competition.Kind.LEAGUE


def _stages(season: Season, matches: Sequence[openfootball.ImportedMatch]) -> dict[str, Stage]:
    """The season's stages, in the order they start, created or brought up to date."""
    starts: dict[str, dt.date] = {}
    kinds = {m.stage: m.stage_kind for m in matches}
    for match in matches:
        starts[match.stage] = min(starts.get(match.stage, match.kickoff.date()), match.kickoff.date())
    stages = {}
    for order, name in enumerate(sorted(starts, key=lambda stage: (starts[stage], stage)), start=1):
        stages[name], _ = Stage.objects.update_or_create(
            season=season,
            slug=slugify(name),
            defaults={"name": name, "kind": STAGE_KINDS[kinds[name]], "order": order},
        )
    return stages


class MatchBook:
    """The season's matches already stored, by stage, clubs and leg; saves imported ones."""

    def __init__(self, season: Season, stages: Mapping[str, Stage]) -> None:
        self.now = timezone.now()
        self.stages = stages
        stored = list(Match.objects.filter(stage__season=season))
        self.matches = {(m.stage_id, m.home_team_id, m.away_team_id, m.leg): m for m in stored}
        self.ties = {
            (m.stage_id, frozenset((m.home_team_id, m.away_team_id))): m.tie_id for m in stored if m.tie_id
        }
        with_events = Match.objects.filter(stage__season=season, events__isnull=False)
        self.with_events = set(with_events.values_list("pk", flat=True))

    def save(self, imported: openfootball.ImportedMatch, clubs: ClubIndex) -> str:
        """Creates or updates the match; says which ("created", "updated", "unchanged", "kept")."""
        stage = self.stages[imported.stage]
        home = clubs.find_or_create(imported.home, country=imported.home_country)
        away = clubs.find_or_create(imported.away, country=imported.away_country)
        values = _values(imported, self._tie_id(stage, home, away, imported.leg))
        stored = self.matches.get((stage.pk, home.pk, away.pk, imported.leg))
        if stored is None:
            match = Match.objects.create(stage=stage, home_team=home, away_team=away, **values)
            self.matches[(stage.pk, home.pk, away.pk, imported.leg)] = match
            poll_open_for_new_match(match=match, now=self.now)  # fixtures still to play get one
            return "created"
        if stored.pk in self.with_events:
            return "kept"
        return _update(stored, values)

    def _tie_id(self, stage: Stage, home: Team, away: Team, leg: int | None) -> int | None:
        if leg is None:
            return None
        key = (stage.pk, frozenset((home.pk, away.pk)))
        if key not in self.ties:
            self.ties[key] = Tie.objects.create(stage=stage).pk
        return self.ties[key]


def _values(imported: openfootball.ImportedMatch, tie_id: int | None) -> dict:
    scores = imported.scores
    values = {
        "round_name": imported.round_name,
        "tie_id": tie_id,
        "leg": imported.leg,
        "kickoff": imported.kickoff,
        "status": str(scores.status),
    }
    for prefix, pair in (
        ("", scores.score),
        ("half_time_", scores.half_time),
        ("normal_time_", scores.normal_time),
    ):
        values[f"home_{prefix}score"], values[f"away_{prefix}score"] = pair or (None, None)
    values["home_penalties"], values["away_penalties"] = scores.penalties or (None, None)
    return values


def _update(match: Match, values: Mapping) -> str:
    changed = [field for field, value in values.items() if getattr(match, field) != value]
    if not changed:
        return "unchanged"
    for field in changed:
        setattr(match, field, values[field])
    match.version += 1
    match.save(update_fields=[*changed, "version"])
    return "updated"
