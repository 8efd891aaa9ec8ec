"""A season's leaders read from its matches' events: top scorers, assists, yellow and red cards."""

from dataclasses import dataclass

from fixtures_app.models import MatchEvent, Player, Season, Team
from fixtures_app.selectors.facts import event_fact
from fixtures_app.selectors.fixtures import team_url
from football import leaders
from football.events import EventFact, EventKind

# What the leaders are counted from: goals, cards, and the VAR decisions that reverse them.
LEADER_KINDS = (EventKind.GOAL, EventKind.YELLOW, EventKind.SECOND_YELLOW, EventKind.RED, EventKind.VAR)


@dataclass(frozen=True)
class LeaderLine:
    rank: str  # `1`, `=2`
    player: str
    player_url: str
    team: str
    team_url: str
    value: int
    penalties: int


@dataclass(frozen=True)
class LeaderBoard:
    slug: str
    title: str  # `Top scorers`
    figure: str  # the column's heading: `Goals`
    lines: list[LeaderLine]
    more: int  # players left out level with the last one listed
    last_value: int


@dataclass(frozen=True)
class SeasonLeaders:
    boards: list[LeaderBoard]
    assists_known: bool

    @property
    def empty(self) -> bool:
        return not any(board.lines for board in self.boards)


def season_leaders(season: Season, limit: int = leaders.LIMIT) -> SeasonLeaders:
    """The season's leaders (one query, however many events)."""
    events = (
        MatchEvent.objects.filter(match__stage__season=season, kind__in=LEADER_KINDS)
        .select_related("match", "player", "team", "assist")
        .order_by("match__kickoff", "match_id", "period", "minute", "added_minute", "pk")
    )
    by_match: dict[int, list[EventFact]] = {}
    assists: dict[int, int] = {}
    people: dict[int, tuple[Player, Team | None]] = {}
    for event in events:
        by_match.setdefault(event.match_id, []).append(event_fact(event, event.match))
        for player in (event.player, event.assist):
            if player is not None:
                people[player.pk] = (player, event.team)
        if event.assist_id is not None:
            assists[event.pk] = event.assist_id
    names = {pk: player.name for pk, (player, _) in people.items()}
    found = leaders.season_leaders(by_match.values(), assists=assists, names=names, limit=limit)
    boards = [
        _board("scorers", "Top scorers", "Goals", found.scorers, people),
        _board("assists", "Assists", "Assists", found.assists, people) if found.assists else None,
        _board("yellow-cards", "Yellow cards", "Cards", found.yellow_cards, people),
        _board("red-cards", "Red cards", "Cards", found.red_cards, people),
    ]
    return SeasonLeaders([board for board in boards if board is not None], found.assists is not None)


def _board(
    slug: str, title: str, figure: str, board: leaders.Board, people: dict[int, tuple[Player, Team | None]]
) -> LeaderBoard:
    return LeaderBoard(
        slug,
        title,
        figure,
        [_line(leader, *people[leader.player_id]) for leader in board.leaders],
        board.more,
        board.last_value,
    )


def _line(leader: leaders.Leader, player: Player, team: Team | None) -> LeaderLine:
    return LeaderLine(
        rank=leader.rank_label,
        player=player.name,
        player_url=player.get_absolute_url(),
        team=team.name if team is not None else "",
        team_url=team_url(team) if team is not None else "",
        value=leader.value,
        penalties=leader.penalties,
    )
