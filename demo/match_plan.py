"""A played match made up for the demo: the two sides' sheets, the goals, the cards and the
changes, drawn from a random source seeded with the fixture, so the same fixture is always
played the same way.

The drawing follows the game's rules: a side starts eleven, a goalkeeper among them, and makes
up to five changes from its bench; a goal is scored by a player on the pitch at that minute,
mostly a forward or a midfielder, and most goals have an assist from a team-mate; an own goal
is put in by a defender of the other side; a player booked twice is sent off, and a player sent
off takes no further part. Scores come from each side's strength at home and away.
"""

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from demo.premier_league import REGULARS, Club, SquadPlayer

BENCH_SIZE = 9
HOME_GOALS, AWAY_GOALS = 1.45, 1.15  # a Premier League side's average goals at home and away
SCORER_WEIGHTS = {"GK": 0, "DF": 1, "MF": 3, "FW": 6}
ASSIST_WEIGHTS = {"GK": 0.1, "DF": 2, "MF": 4, "FW": 3}
BOOKING_WEIGHTS = {"GK": 0.2, "DF": 3, "MF": 3, "FW": 1.5}


@dataclass(frozen=True)
class Planned:
    """One event: `other` is the assist of a goal, or the player coming on in a change."""

    minute: int
    added: int
    kind: str
    club: str
    player: SquadPlayer
    other: SquadPlayer | None = None
    goal_type: str = ""

    @property
    def at(self) -> tuple[int, int]:
        return (self.minute, self.added)


@dataclass(frozen=True)
class Sheet:
    formation: str
    starting: list[SquadPlayer]
    bench: list[SquadPlayer]


@dataclass
class MatchPlan:
    home: str
    away: str
    sheets: dict[str, Sheet]
    added_time: tuple[int, int]
    events: list[Planned] = field(default_factory=list)

    def score(self, *, until: tuple[int, int] = (999, 0)) -> tuple[int, int]:
        goals = [e for e in self.events if e.kind == "goal" and e.at <= until]
        home = sum((e.club == self.home) != (e.goal_type == "own_goal") for e in goals)
        return home, len(goals) - home


def plan_match(
    home: str, away: str, clubs: dict[str, Club], squads: dict[str, list[SquadPlayer]]
) -> MatchPlan:
    rng = random.Random(f"matchcentre-demo:{home}:{away}")
    sheets = {club: _sheet(rng, club, clubs[club].formation, squads[club]) for club in (home, away)}
    plan = MatchPlan(
        home, away, sheets, added_time=(rng.choice([1, 2, 2, 3, 4]), rng.choice([3, 4, 5, 6, 7]))
    )
    for club in (home, away):
        _changes(rng, plan, club)
    strength = clubs[home].strength / clubs[away].strength
    _goals(rng, plan, home, away, _poisson(rng, HOME_GOALS * strength**0.8))
    _goals(rng, plan, away, home, _poisson(rng, AWAY_GOALS / strength**0.8))
    for club in (home, away):
        _cards(rng, plan, club)
    plan.events.sort(key=lambda e: e.at)
    return plan


def _sheet(rng: random.Random, club: str, formation: str, squad: list[SquadPlayer]) -> Sheet:
    """The club's regular eleven, with a change or two for the match, and a bench."""
    starting = _regulars(club, squad)
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
        rested = rng.choice(starting[1:])
        understudies = [p for p in squad if p.position == rested.position and p not in starting]
        if understudies:
            starting[starting.index(rested)] = rng.choice(understudies)
    rest = [p for p in squad if p not in starting]
    keepers = [p for p in rest if p.position == "GK"][:1]
    bench = keepers + _pick(rng, [p for p in rest if p.position != "GK"], BENCH_SIZE - len(keepers))
    return Sheet(formation, starting, bench)


def _regulars(club: str, squad: list[SquadPlayer]) -> list[SquadPlayer]:
    by_name = {p.known_as: p for p in squad}
    return [by_name[name] for name in REGULARS[club].split(", ")]


def _pick(rng: random.Random, players: list[SquadPlayer], count: int) -> list[SquadPlayer]:
    """`count` of the players, the low shirt numbers (the regulars, as often as not) more often."""
    chosen: list[SquadPlayer] = []
    pool = list(players)
    while pool and len(chosen) < count:
        player = rng.choices(pool, weights=[2 if p.shirt_number <= 11 else 1 for p in pool])[0]
        chosen.append(player)
        pool.remove(player)
    return sorted(chosen, key=players.index)


def _changes(rng: random.Random, plan: MatchPlan, club: str) -> None:
    sheet = plan.sheets[club]
    outfield = [p for p in sheet.starting if p.position != "GK"]
    substitutes = [p for p in sheet.bench if p.position != "GK"]
    coming_on = rng.sample(substitutes, min(len(substitutes), rng.choice([3, 4, 4, 5, 5])))
    minutes = sorted(rng.randint(46, 89) for _ in coming_on)
    for minute, player_in in zip(minutes, coming_on, strict=True):
        player_out = rng.choice([p for p in outfield if p in on_pitch(plan, club, (minute, 0))])
        plan.events.append(Planned(minute, 0, "substitution", club, player_out, other=player_in))


def on_pitch(plan: MatchPlan, club: str, at: tuple[int, int]) -> list[SquadPlayer]:
    """The club's players on the pitch at the minute: a change made in that minute has happened."""
    players = list(plan.sheets[club].starting)
    for event in sorted(plan.events, key=lambda e: e.at):
        if event.club != club or event.at > at:
            continue
        if event.kind == "substitution" and event.other is not None:
            coming_on = event.other
            players = [coming_on if p == event.player else p for p in players]
        elif event.kind in ("second_yellow", "red"):
            players.remove(event.player)
    return players


def _goals(rng: random.Random, plan: MatchPlan, club: str, opponent: str, count: int) -> None:
    for _ in range(count):
        at = _minute(rng, plan.added_time)
        roll = rng.random()
        if roll < 0.04:
            scorer = _weighted(rng, on_pitch(plan, opponent, at), {"GK": 0.2, "DF": 4, "MF": 1, "FW": 0.5})
            plan.events.append(Planned(*at, "goal", opponent, scorer, goal_type="own_goal"))
            continue
        players = on_pitch(plan, club, at)
        scorer = _weighted(rng, players, SCORER_WEIGHTS)
        if roll < 0.14:
            plan.events.append(Planned(*at, "goal", club, scorer, goal_type="penalty"))
            continue
        team_mates = [p for p in players if p != scorer]
        assist = _weighted(rng, team_mates, ASSIST_WEIGHTS) if rng.random() < 0.8 else None
        plan.events.append(Planned(*at, "goal", club, scorer, other=assist, goal_type="open_play"))


def _cards(rng: random.Random, plan: MatchPlan, club: str) -> None:
    for _ in range(_poisson(rng, 1.8)):
        at = (rng.randint(8, 90), 0)
        booked = [e.player for e in plan.events if e.club == club and e.kind == "yellow"]
        player = _weighted(rng, [p for p in on_pitch(plan, club, at) if p not in booked], BOOKING_WEIGHTS)
        plan.events.append(Planned(*at, "yellow", club, player))
    sending_off = rng.random()
    if sending_off < 0.05:
        _send_off(rng, plan, club, "second_yellow")
    elif sending_off < 0.08:
        _send_off(rng, plan, club, "red")


def _send_off(rng: random.Random, plan: MatchPlan, club: str, kind: str) -> None:
    """Sends off a player who does nothing later in the match; a second yellow needs a first."""
    at = (rng.randint(55, 88), 0)
    booked = {e.player for e in plan.events if e.club == club and e.kind == "yellow" and e.at < at}
    candidates = [
        p
        for p in on_pitch(plan, club, at)
        if p.position != "GK"
        and (kind == "red" or p in booked)
        and not any(p in (e.player, e.other) and e.at >= at for e in plan.events)
    ]
    if candidates:
        plan.events.append(Planned(*at, kind, club, rng.choice(candidates)))


def _minute(rng: random.Random, added_time: tuple[int, int]) -> tuple[int, int]:
    """A goal's minute; one in the 45th or the 90th may come in the time added on."""
    minute = rng.randint(1, 90)
    if minute in (45, 90) and rng.random() < 0.5:
        return (minute, rng.randint(1, added_time[minute // 90]))
    return (minute, 0)


def _weighted(rng: random.Random, players: list[SquadPlayer], weights: Mapping[str, float]) -> SquadPlayer:
    return rng.choices(players, weights=[weights[p.position] for p in players])[0]


def _poisson(rng: random.Random, mean: float) -> int:
    """A count drawn from the Poisson distribution (Knuth's method); never more than six."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit and count < 6:
        count += 1
        product *= rng.random()
    return count
