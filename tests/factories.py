"""Small factories for tests that need the database: each makes one valid object."""

import datetime as dt
import itertools

from django.contrib.auth.models import Group, User
from django.utils.text import slugify

from fixtures_app.models import Competition, LineupEntry, Match, Player, Season, Stage, Team, Tie, Venue

_serial = itertools.count(1)
KICKOFF = dt.datetime(2024, 4, 18, 19, 0, tzinfo=dt.UTC)


def make_competition(name: str = "", **fields) -> Competition:
    name = name or f"Competition {next(_serial)}"
    return Competition.objects.create(name=name, slug=slugify(name), **fields)


def make_season(competition: Competition | None = None, name: str = "2023/24", **fields) -> Season:
    competition = competition or make_competition()
    return Season.objects.create(
        competition=competition, name=name, slug=slugify(name.replace("/", "-")), **fields
    )


def make_stage(season: Season | None = None, name: str = "League", **fields) -> Stage:
    season = season or make_season()
    return Stage.objects.create(season=season, name=name, slug=slugify(name), **fields)


def make_team(name: str = "", **fields) -> Team:
    name = name or f"Team {next(_serial)}"
    return Team.objects.create(name=name, slug=slugify(name), **fields)


def make_player(known_as: str = "", **fields) -> Player:
    known_as = known_as or f"Player {next(_serial)}"
    fields.setdefault("name", known_as)
    return Player.objects.create(known_as=known_as, **fields)


def make_venue(name: str = "", **fields) -> Venue:
    return Venue.objects.create(name=name or f"Stadium {next(_serial)}", **fields)


def make_match(
    home: Team | None = None, away: Team | None = None, stage: Stage | None = None, **fields
) -> Match:
    fields.setdefault("kickoff", KICKOFF)
    return Match.objects.create(
        stage=stage or make_stage(),
        home_team=home or make_team(),
        away_team=away or make_team(),
        **fields,
    )


def make_tie(stage: Stage | None = None, **fields) -> Tie:
    return Tie.objects.create(
        stage=stage or make_stage(name="Quarter-finals", kind=Stage.Kind.KNOCKOUT), **fields
    )


def add_to_lineup(match: Match, team: Team, *known_as: str, starter: bool = True) -> list[Player]:
    """Puts new players with these names in the team's line-up for the match."""
    players = []
    for order, name in enumerate(known_as, start=1):
        player = make_player(name)
        LineupEntry.objects.create(match=match, team=team, player=player, starter=starter, order=order)
        players.append(player)
    return players


def make_editor(username: str = "editor") -> User:
    user = User.objects.create_user(username=username, password="pass-for-tests-only")
    user.groups.add(Group.objects.get_or_create(name="editors")[0])
    return user


def make_poll(match: Match | None = None, **fields):
    """A poll on the match (a new one by default): "Who will win?" with home, draw and away."""
    from polls.services import poll_create_for_match

    return poll_create_for_match(match=match or make_match(), **fields)


def make_open_poll(**fields):
    """A poll on a match that kicks off tomorrow, so it takes votes now."""
    from django.utils import timezone

    match = make_match(kickoff=timezone.now() + dt.timedelta(days=1))
    return make_poll(match, **fields)


def make_result(
    home: Team | None = None, away: Team | None = None, stage: Stage | None = None, score=(1, 0), **fields
) -> Match:
    """A match over (full time by default) with this score, home goals first."""
    fields.setdefault("status", "full_time")
    return make_match(home, away, stage, home_score=score[0], away_score=score[1], **fields)
