"""The shapes of the demo's data (seed_tie.py, today.py, league_round.py, premier_league.py), as the
loader reads them."""

from typing import NotRequired, TypedDict

# (minute, added minute, kind, team, player, the event's other fields: text, detail, player_in...)
EventRow = tuple[int, int, str, str | None, str | None, dict[str, str]]
# (short name, code, primary colour, secondary colour)
ClubRow = tuple[str, str, str, str]


class SeasonSpec(TypedDict):
    competition: str
    season: str
    round: str


class TeamSpec(TypedDict):
    short_name: NotRequired[str]
    code: str
    country: str
    colours: tuple[str, str]


class VenueSpec(TypedDict):
    city: str
    country: str
    timezone: str


class LineupSpec(TypedDict):
    starting: list[str]
    bench: NotRequired[list[str]]
    captain: NotRequired[str]


class PlayedSpec(TypedDict):
    """What `builders.play` needs of a match: its line-ups, added time and events."""

    home: str
    away: str
    added_time: tuple[int, int]  # first half, second half
    lineups: dict[str, LineupSpec]
    events: list[EventRow]


class MatchSpec(PlayedSpec):
    kickoff: str
    venue: str
    referee: str
    attendance: NotRequired[int]


class LiveMatchSpec(PlayedSpec):
    minutes_ago: int
    formations: dict[str, str]
    # shots, on target, xG, possession (%)
    first_half_stats: dict[str, tuple[int, int, str, int]]


class UpcomingSpec(TypedDict):
    home: str
    away: str
    uk_time: tuple[int, int]


class OtherSportSpec(TypedDict):
    competition: str
    stage: str
    sport: str
    teams: dict[str, ClubRow]
    # (UK kick-off, away, home)
    games: list[tuple[tuple[int, int], str, str]]
