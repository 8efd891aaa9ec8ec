from fixtures_app.models.competition import Competition, PointsDeduction, Season, Stage, Tie
from fixtures_app.models.event import MatchEvent
from fixtures_app.models.match import LineupEntry, Match
from fixtures_app.models.stats import MatchStat
from fixtures_app.models.team import Player, SquadMember, Team, Venue
from fixtures_app.models.update import MatchUpdate

__all__ = [
    "Competition",
    "LineupEntry",
    "Match",
    "MatchEvent",
    "MatchStat",
    "MatchUpdate",
    "Player",
    "PointsDeduction",
    "Season",
    "SquadMember",
    "Stage",
    "Team",
    "Tie",
    "Venue",
]
