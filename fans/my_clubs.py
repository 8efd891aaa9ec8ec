"""The "My clubs" strip of the home page: for each club a fan follows, its match in play, its
next match and its last result; then the matches the fan follows. Each game comes as the home
page's own row (templates/fixtures_app/_match_row.html), so the page's scores script keeps it
live like every other row.

Built from what a club's page reads (fixtures_app.selectors.fixtures.team_matches): two queries
per club, one for the followed matches, however many matches each club has played.
"""

import datetime as dt
from dataclasses import dataclass

from django.template.loader import render_to_string

from fixtures_app.models import Match, Team
from fixtures_app.selectors.fixtures import GameLine, team_matches, team_url
from fixtures_app.selectors.home import home_row


@dataclass(frozen=True)
class Game:
    """One game of the strip: the row's HTML, and what the page's script needs to alert on it."""

    match: int
    home_team: int
    away_team: int
    state: str  # "scheduled", "live", "final", "off"
    score: list[int] | None  # [home, away], None before kick-off
    line: str  # `Arsenal v Chelsea`
    html: str


@dataclass(frozen=True)
class Club:
    id: int
    name: str
    url: str
    live: list[Game]
    next: Game | None
    last: Game | None


@dataclass(frozen=True)
class MyClubs:
    clubs: list[Club]  # in the order the ids were asked
    matches: list[Game]  # the followed matches, soonest kick-off first

    def as_json(self) -> dict:
        return {
            "clubs": [club.__dict__ | _games_json(club) for club in self.clubs],
            "matches": [game.__dict__ for game in self.matches],
        }


def _games_json(club: Club) -> dict:
    return {
        "live": [game.__dict__ for game in club.live],
        "next": club.next.__dict__ if club.next else None,
        "last": club.last.__dict__ if club.last else None,
    }


def my_clubs(*, team_ids: list[int], match_ids: list[int], now: dt.datetime, tz: dt.tzinfo) -> MyClubs:
    """The strip for these clubs and matches; ids of clubs or matches that are gone are left out."""
    teams = {team.pk: team for team in Team.objects.filter(pk__in=team_ids)}
    clubs = [_club(teams[pk], now=now, tz=tz) for pk in dict.fromkeys(team_ids) if pk in teams]
    matches = Match.objects.with_teams().filter(pk__in=match_ids).order_by("kickoff", "pk")
    return MyClubs(clubs=clubs, matches=[_game(match, now=now, tz=tz) for match in matches])


def _club(team: Team, *, now: dt.datetime, tz: dt.tzinfo) -> Club:
    found = team_matches(team.slug, tz=tz)
    coming = [line for line in found.fixtures if line.state == "scheduled"]
    played = [line for line in found.results if line.score]
    return Club(
        id=team.pk,
        name=team.display_name,
        url=team_url(team),
        live=[_game(line.match, now=now, tz=tz) for line in found.live],
        next=_first(coming, now=now, tz=tz),
        last=_first(played, now=now, tz=tz),
    )


def _first(lines: list[GameLine], *, now: dt.datetime, tz: dt.tzinfo) -> Game | None:
    return _game(lines[0].match, now=now, tz=tz) if lines else None


def _game(match: Match, *, now: dt.datetime, tz: dt.tzinfo) -> Game:
    row = home_row(match, now=now, tz=tz)
    return Game(
        match=match.pk,
        home_team=match.home_team_id,
        away_team=match.away_team_id,
        state=row.game.state,
        score=None if match.home_score is None else [match.home_score, match.away_score or 0],
        line=row.game.line,
        html=render_to_string("fixtures_app/_match_row.html", {"row": row, "show_date": True}).strip(),
    )
