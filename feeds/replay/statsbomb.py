"""StatsBomb open-data events (and line-ups) read into a replay.

The events file is a list in match order. The two "Starting XI" events name the teams,
the home side's first, and their starters; the line-ups file adds the bench with shirt
numbers and the names fans know. A shot carries its xG and its outcome: "Goal" is a goal,
a penalty not scored is a missed penalty, and "Saved" or "Saved To Post" was on target.
"Own Goal Against" is the own goal, on the side of the player who scored it; its twin
"Own Goal For" adds nothing. Cards come with fouls and with bad behaviour. The feed gives
no date, competition or captain: the replay supplies what it needs.

A Starting XI carries the formation (4231 is 4-2-3-1). Its starters are put in the order the
line-ups draw them: goalkeeper first, each line from the back (StatsBomb numbers its positions
from the goalkeeper forwards), and each line from its right to its left (Right Back, Right
Center Back, Center Back, Left Center Back, Left Back).
"""

from collections import Counter

from feeds.replay.formations import FormedTeam, formation_of
from feeds.replay.steps import (
    FeedError,
    ReplayMatch,
    ReplayPlayer,
    ReplayStep,
    ReplayTeam,
    Shot,
    StepKind,
    match_minute,
    playing_position,
    possession_split,
    side_for,
)
from football.events import GoalType, Period
from football.formation import FormationError, parse_formation

STARTING_XI = 35
HALF_START = 18
HALF_END = 34
PASS = 30
SHOT = 16
OWN_GOAL_AGAINST = 20
FOUL_COMMITTED = 22
BAD_BEHAVIOUR = 24
SUBSTITUTION = 19
CARDS = {"Yellow Card": StepKind.YELLOW, "Second Yellow": StepKind.SECOND_YELLOW, "Red Card": StepKind.RED}
ON_TARGET = frozenset({"Goal", "Saved", "Saved To Post"})
SHOT_DETAILS = {"Free Kick": "free kick", "Corner": "corner"}
# Where a position stands across its line, from the right: "Right Back" 0, "Left Wing" 4.
SIDES_ACROSS = (("Right Center", 1), ("Left Center", 3), ("Right", 0), ("Left", 4))
CENTRE_ACROSS = 2


def is_statsbomb(data) -> bool:
    return isinstance(data, list) and bool(data) and isinstance(data[0], dict) and "type" in data[0]


def parse_statsbomb(events: list[dict], lineups: list[dict] | None = None) -> ReplayMatch:
    """The replay of a StatsBomb events list; `lineups` is the match's line-ups file, if any."""
    if not is_statsbomb(events):
        raise FeedError("This is not a StatsBomb events list.")
    elevens = [event for event in events if _type(event) == STARTING_XI]
    if len(elevens) != 2:
        raise FeedError(f"A StatsBomb match has two 'Starting XI' events; this feed has {len(elevens)}.")
    home, away = (_team(eleven, events, lineups or []) for eleven in elevens)
    passes = Counter((event["period"], event["team"]["id"]) for event in events if _type(event) == PASS)
    steps = []
    for event in events:
        steps.extend(_steps(event, home, away, passes))
    return ReplayMatch(provider="StatsBomb", home=home, away=away, steps=tuple(_deduplicated(steps)))


def _type(event: dict) -> int:
    return event["type"]["id"]


def _team(eleven: dict, events: list[dict], lineups: list[dict]) -> ReplayTeam:
    team_id = eleven["team"]["id"]
    formation = formation_of(eleven["tactics"].get("formation"))
    starting = _starting_order(eleven["tactics"]["lineup"], formation)
    starters = {row["player"]["id"]: row for row in starting}
    listed = next((team["lineup"] for team in lineups if team["team_id"] == team_id), None)
    if listed is None:
        listed = [_listed(event["substitution"]["replacement"]) for event in _substitutions(events, team_id)]
    known = {row["player_id"] for row in listed}
    listed = [
        *(
            _listed(row["player"], row.get("jersey_number"))
            for row in starters.values()
            if row["player"]["id"] not in known
        ),
        *listed,
    ]
    players = tuple(_player(row, starters.get(row["player_id"])) for row in listed)
    order = {player_id: index for index, player_id in enumerate(starters)}
    players = tuple(sorted(players, key=lambda player: (not player.starter, order.get(int(player.id), 99))))
    return FormedTeam(id=str(team_id), name=eleven["team"]["name"], players=players, formation=formation)


def _starting_order(lineup: list[dict], formation: str) -> list[dict]:
    """The starters goalkeeper first, then each line from the back, each line from its right."""
    from_the_back = sorted(lineup, key=lambda row: row["position"]["id"])
    try:
        lines = parse_formation(formation)
    except FormationError:
        return from_the_back
    if len(from_the_back) != 1 + sum(lines):
        return from_the_back
    ordered, start = from_the_back[:1], 1
    for size in lines:
        ordered.extend(sorted(from_the_back[start : start + size], key=_across))
        start += size
    return ordered


def _across(row: dict) -> int:
    name = row["position"]["name"]
    return next((rank for side, rank in SIDES_ACROSS if name.startswith(side)), CENTRE_ACROSS)


def _substitutions(events: list[dict], team_id: int) -> list[dict]:
    return [event for event in events if _type(event) == SUBSTITUTION and event["team"]["id"] == team_id]


def _listed(player: dict, jersey: int | None = None) -> dict:
    return {"player_id": player["id"], "player_name": player["name"], "jersey_number": jersey}


def _player(row: dict, starting: dict | None) -> ReplayPlayer:
    return ReplayPlayer(
        id=str(row["player_id"]),
        name=row["player_name"],
        known_as=row.get("player_nickname") or row["player_name"],
        shirt_number=row.get("jersey_number"),
        starter=starting is not None,
        position=playing_position(starting["position"]["name"]) if starting else "",
    )


def _steps(event: dict, home: ReplayTeam, away: ReplayTeam, passes: Counter) -> list[ReplayStep]:
    kind = _type(event)
    if kind == HALF_START:
        return [_step(event, home, away, StepKind.PERIOD_START, side=False)]
    if kind == HALF_END:
        counts = (passes[(event["period"], int(home.id))], passes[(event["period"], int(away.id))])
        return [
            _step(event, home, away, StepKind.PERIOD_END, side=False, possession=possession_split(*counts))
        ]
    if kind == SHOT:
        return [_shot(event, home, away)]
    if kind == OWN_GOAL_AGAINST:
        return [_step(event, home, away, StepKind.GOAL, goal_type=GoalType.OWN_GOAL)]
    if kind == SUBSTITUTION:
        player_in = str(event["substitution"]["replacement"]["id"])
        return [_step(event, home, away, StepKind.SUBSTITUTION, player_in=player_in)]
    card = (event.get("foul_committed") or event.get("bad_behaviour") or {}).get("card")
    if kind in (FOUL_COMMITTED, BAD_BEHAVIOUR) and card and card["name"] in CARDS:
        return [_step(event, home, away, CARDS[card["name"]])]
    return []


def _shot(event: dict, home: ReplayTeam, away: ReplayTeam) -> ReplayStep:
    shot = event["shot"]
    outcome, shot_type = shot["outcome"]["name"], shot["type"]["name"]
    figures = Shot(expected_goals=shot.get("statsbomb_xg"), on_target=outcome in ON_TARGET)
    detail = "header" if shot.get("body_part", {}).get("name") == "Head" else SHOT_DETAILS.get(shot_type, "")
    if outcome == "Goal":
        goal_type = GoalType.PENALTY if shot_type == "Penalty" else GoalType.OPEN_PLAY
        return _step(event, home, away, StepKind.GOAL, goal_type=goal_type, shot=figures, detail=detail)
    kind = StepKind.MISSED_PENALTY if shot_type == "Penalty" else StepKind.SHOT
    return _step(event, home, away, kind, shot=figures, detail=detail)


def _step(event: dict, home: ReplayTeam, away: ReplayTeam, kind: StepKind, *, side=True, **fields):
    period = Period(event["period"])
    clock = event["minute"] * 60 + event["second"]
    minute, added = match_minute(period, clock)
    if side:
        fields["side"] = side_for(str(event["team"]["id"]), home, away)
        fields["player"] = str(event.get("player", {}).get("id", ""))
    return ReplayStep(kind=kind, period=period, clock=clock, minute=minute, added_minute=added, **fields)


def _deduplicated(steps: list[ReplayStep]) -> list[ReplayStep]:
    """Both teams report each half's start and end: one whistle each."""
    seen, kept = set(), []
    for step in steps:
        if step.kind in (StepKind.PERIOD_START, StepKind.PERIOD_END):
            if (step.kind, step.period) in seen:
                continue
            seen.add((step.kind, step.period))
        kept.append(step)
    return kept
