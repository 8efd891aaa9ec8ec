"""Builds the match a replay plays into: clubs, venue, competition, season, stage, line-ups.

Every replay lives in the "Replays" competition, so a replayed match never moves a real
competition's table. Its season follows the kick-off date (a season turns on 1 July:
2018-09-23 is in 2018/19). Its stage is named after the feed's competition ("2. Bundesliga",
or "Replays" when the feed names none); a stage is a knock-out only when the feed goes
to extra time, as a level knock-out must. Each side's formation and shirt numbers are the
feed's. The match carries the feed's name as its round name, and replaying the same feed
again resets that match (same address, fresh events, line-ups, stats and update log) rather
than making another one; open pages are sent a fresh snapshot.
"""

import datetime as dt
import json
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from feeds.clubs import ClubIndex
from feeds.replay.formations import team_formation
from feeds.replay.steps import ReplayMatch, ReplayTeam
from fixtures_app.models import (
    Competition,
    LineupEntry,
    Match,
    MatchEvent,
    MatchStat,
    MatchUpdate,
    Player,
    Season,
    Stage,
    Team,
    Venue,
)
from fixtures_app.models.match import PERIOD_START_FIELDS
from fixtures_app.selectors.live import snapshot
from fixtures_app.services.results import SCORE_FIELDS
from football.events import Period
from football.status import Status
from live import realtime

REPLAYS = "Replays"
REPLAY_USERNAME = "replay"


@dataclass(frozen=True)
class ReplayFixture:
    match: Match
    players: dict[str, Player]
    reset: bool


def replay_user() -> User:
    """The system user a replay's writes are recorded by: it cannot sign in."""
    user, created = User.objects.get_or_create(username=REPLAY_USERNAME, defaults={"is_active": False})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def season_name(day: dt.date) -> tuple[str, str]:
    """The season a date falls in, as (name, slug): 2018-09-23 → ("2018/19", "2018-19")."""
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}", f"{start}-{(start + 1) % 100:02d}"


def replay_prepare(
    *, replay: ReplayMatch, key: str, kickoff: dt.datetime, competition: str = ""
) -> ReplayFixture:
    """The match to play `replay` into, with its line-ups: made anew, or reset when it exists."""
    with transaction.atomic():
        stage = _stage(competition or replay.competition or REPLAYS, kickoff, knockout=_extra_time(replay))
        clubs = ClubIndex()
        home, away = _club(clubs, replay.home), _club(clubs, replay.away)
        fields = {
            "stage": stage,
            "home_team": home,
            "away_team": away,
            "kickoff": kickoff,
            "venue": _venue(replay.venue),
            "home_formation": team_formation(replay.home),
            "away_formation": team_formation(replay.away),
        }
        match = Match.objects.filter(
            stage__season__competition=stage.season.competition, round_name=key
        ).first()
        reset = match is not None
        match = _reset(match, fields) if match is not None else Match.objects.create(round_name=key, **fields)
        players: dict[str, Player] = {}
        _lineup(match, home, replay.home, players)
        _lineup(match, away, replay.away, players)
        if reset:
            transaction.on_commit(lambda: _send_snapshot(match.pk))
    return ReplayFixture(match=match, players=players, reset=reset)


def _extra_time(replay: ReplayMatch) -> bool:
    return any(period >= Period.EXTRA_FIRST_HALF for period in replay.periods)


def _stage(name: str, kickoff: dt.datetime, *, knockout: bool) -> Stage:
    competition, _ = Competition.objects.get_or_create(
        slug=slugify(REPLAYS), defaults={"name": REPLAYS, "kind": Competition.Kind.CUP}
    )
    season_label, season_slug = season_name(timezone.localdate(kickoff))
    season, _ = Season.objects.get_or_create(
        competition=competition, slug=season_slug, defaults={"name": season_label}
    )
    stage_name = f"{name} (knock-out)" if knockout else name
    kind = Stage.Kind.KNOCKOUT if knockout else Stage.Kind.LEAGUE
    stage, _ = Stage.objects.get_or_create(
        season=season,
        slug=slugify(stage_name)[:60] or "replays",
        defaults={"name": stage_name[:60], "kind": kind},
    )
    return stage


def _club(clubs: ClubIndex, team: ReplayTeam) -> Team:
    club = clubs.find_or_create(team.name, country=team.country)
    blanks = {"short_name": team.short_name, "code": team.code[:4]}
    missing = {name: value for name, value in blanks.items() if value and not getattr(club, name)}
    if missing:
        for name, value in missing.items():
            setattr(club, name, value)
        club.save(update_fields=list(missing))
    return club


def _venue(name: str) -> Venue | None:
    return Venue.objects.get_or_create(name=name, city="")[0] if name else None


def _reset(match: Match, fields: dict) -> Match:
    match = Match.objects.select_for_update().get(pk=match.pk)
    for model in (MatchEvent, MatchStat, LineupEntry, MatchUpdate):
        model.objects.filter(match=match).delete()
    for name, value in fields.items():
        setattr(match, name, value)
    for name in (*PERIOD_START_FIELDS.values(), *SCORE_FIELDS):
        setattr(match, name, None)
    match.status = Status.SCHEDULED
    # The sequence keeps counting up, so a page that missed the reset asks for a snapshot.
    match.seq += 1
    match.version += 1
    match.save()
    return match


def _send_snapshot(match_id: int) -> None:
    frame = snapshot(Match.objects.get(pk=match_id), now=timezone.now())
    realtime.publish(realtime.match_group(match_id), json.dumps(frame, separators=(",", ":")))


def _lineup(match: Match, team: Team, side: ReplayTeam, players: dict[str, Player]) -> None:
    """Adds a side's line-up, each feed player his own Player (even two of the same name)."""
    for order, entry in enumerate(side.players, start=1):
        player = _player(entry.name, entry.known_as, taken={player.pk for player in players.values()})
        players[entry.id] = player
        LineupEntry.objects.create(
            match=match,
            team=team,
            player=player,
            shirt_number=entry.shirt_number if entry.shirt_number and 1 <= entry.shirt_number <= 99 else None,
            starter=entry.starter,
            captain=entry.captain,
            position=entry.position[:20],
            order=order,
        )


def _player(name: str, known_as: str, *, taken: set[int]) -> Player:
    """The player of that name, reused from earlier replays and imports, else a new one."""
    player = Player.objects.filter(name=name[:100], known_as=known_as[:60]).exclude(pk__in=taken).first()
    return player or Player.objects.create(name=name[:100], known_as=known_as[:60])
