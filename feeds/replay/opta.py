"""Opta (Stats Perform MA3) match events read into a replay.

`matchInfo` names the home and away contestants, the kick-off, the competition and the
venue. Each side's "team set-up" event (type 34) lists its squad: player ids, shirt
numbers, a formation place (0 for the bench) and the captain; players' names come from
the events that mention them, so a substitute who never came on is known by his number.
Events are put in match order by period and clock. Type 32 starts a period and type 30
ends it (both sides report each); 16 is a goal (qualifier 9 a penalty, 28 an own goal);
13, 14 and 15 are shots that missed, hit the woodwork or were saved (15 with qualifier 82
was blocked, so not on target); a penalty that was not scored is a missed penalty. Type
17 is a card (qualifiers 31, 32, 33: yellow, second yellow, red); a card with no player
was shown to a team official. A substitution is a type 18 (off) and a type 19 (on) that
name each other (qualifier 55, numbered within the contestant's events). Type 1 is a
pass. This feed carries no xG.

The team set-up names the formation by number (qualifier 130: 4 is 4-3-3) and each starter's
role (qualifier 44: goalkeeper, defender, midfielder, forward). Its players come in formation
places (qualifier 131), which mix the lines; the starters are put goalkeeper first, then
defenders, midfielders and forwards. Opta numbers the places after the classic shirt numbers,
so within a role place 2 or 7 (right back, right winger) goes first and place 3 or 11 (left back,
left winger) last; the others keep the feed's order between them.
"""

import datetime as dt
from collections import Counter

from feeds.replay.formations import FormedTeam, opta_formation
from feeds.replay.steps import (
    FeedError,
    ReplayMatch,
    ReplayPlayer,
    ReplayStep,
    ReplayTeam,
    Shot,
    StepKind,
    match_minute,
    possession_split,
    side_for,
)
from football.events import GoalType, Period, Side

PASS, SHOTS, GOAL, CARD, OFF, ON, PERIOD_END, PERIOD_START, TEAM_SET_UP = (
    1,
    (13, 14, 15),
    16,
    17,
    18,
    19,
    30,
    32,
    34,
)
SAVED = 15
PENALTY, OWN_GOAL, BLOCKED, HEAD, FREE_KICK, RELATED, CAPTAIN, FORMATION = 9, 28, 82, 15, 26, 55, 194, 130
CARDS = {31: StepKind.YELLOW, 32: StepKind.SECOND_YELLOW, 33: StepKind.RED}
CARD_NAMES = {
    StepKind.YELLOW: "Yellow card",
    StepKind.SECOND_YELLOW: "Second yellow card",
    StepKind.RED: "Red card",
}
POSITIONS = {"1": "Goalkeeper", "2": "Defender", "3": "Midfielder", "4": "Forward"}
ROLE_ORDER = list(POSITIONS.values())
# Formation places on the right (first in their line) and on the left (last).
RIGHT_PLACES, LEFT_PLACES = frozenset({"2", "7"}), frozenset({"3", "11"})
MATCH_PERIODS = frozenset(int(period) for period in Period)


def is_opta(data) -> bool:
    return isinstance(data, dict) and "matchInfo" in data and "liveData" in data


def parse_opta(feed: dict) -> ReplayMatch:
    """The replay of an MA3 match events feed."""
    if not is_opta(feed):
        raise FeedError("This is not an Opta MA3 feed (it needs matchInfo and liveData).")
    info, events = feed["matchInfo"], feed["liveData"].get("event", [])
    names = {event["playerId"]: event["playerName"] for event in events if event.get("playerName")}
    home, away = (_team(info, events, names, position) for position in ("home", "away"))
    played = sorted(
        (event for event in events if event.get("periodId") in MATCH_PERIODS),
        key=lambda event: (event["periodId"], event["timeMin"], event["timeSec"], event.get("timeStamp", "")),
    )
    passes = Counter(
        (event["periodId"], event["contestantId"]) for event in played if event["typeId"] == PASS
    )
    related = {(event["contestantId"], event["eventId"]): event for event in played}
    steps, seen = [], set()
    for event in played:
        for step in _steps(event, home, away, passes, related):
            if step.kind in (StepKind.PERIOD_START, StepKind.PERIOD_END):
                if (step.kind, step.period) in seen:
                    continue
                seen.add((step.kind, step.period))
            steps.append(step)
    return ReplayMatch(
        provider="Opta",
        home=home,
        away=away,
        steps=tuple(steps),
        kickoff=_kickoff(info),
        competition=info.get("competition", {}).get("name", ""),
        venue=info.get("venue", {}).get("longName", ""),
    )


def _kickoff(info: dict) -> dt.datetime | None:
    day, time = info.get("date", "").rstrip("Z"), info.get("time", "").rstrip("Z")
    if not day:
        return None
    return dt.datetime.fromisoformat(f"{day}T{time or '00:00:00'}").replace(tzinfo=dt.UTC)


def _qualifiers(event: dict) -> dict[int, str | None]:
    return {qualifier["qualifierId"]: qualifier.get("value") for qualifier in event.get("qualifier", [])}


def _listed(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _team(info: dict, events: list[dict], names: dict[str, str], position: str) -> ReplayTeam:
    contestant = next((team for team in info.get("contestant", []) if team.get("position") == position), None)
    if contestant is None:
        raise FeedError(f"The feed names no {position} team.")
    set_up = next(
        (e for e in events if e["typeId"] == TEAM_SET_UP and e["contestantId"] == contestant["id"]), None
    )
    return FormedTeam(
        id=contestant["id"],
        name=contestant["name"],
        players=_players(set_up, names, contestant["name"]) if set_up else (),
        short_name=contestant.get("shortName", ""),
        code=contestant.get("code", ""),
        country=contestant.get("country", {}).get("name", ""),
        formation=opta_formation(_qualifiers(set_up).get(FORMATION)) if set_up else "",
    )


def _players(set_up: dict, names: dict[str, str], team: str) -> tuple[ReplayPlayer, ...]:
    qualifiers = _qualifiers(set_up)
    ids, shirts = _listed(qualifiers.get(30)), _listed(qualifiers.get(59))
    places, positions = _listed(qualifiers.get(131)), _listed(qualifiers.get(44))
    players = []
    for index, player_id in enumerate(ids):
        shirt = int(shirts[index]) if index < len(shirts) else None
        known_as = names.get(player_id) or f"No. {shirt or '?'}"
        place = places[index] if index < len(places) else "0"
        player = ReplayPlayer(
            id=player_id,
            name=known_as if player_id in names else f"{team} {known_as}",
            known_as=known_as,
            shirt_number=shirt,
            starter=place != "0",
            captain=player_id == qualifiers.get(CAPTAIN),
            position=POSITIONS.get(positions[index], "") if index < len(positions) else "",
        )
        players.append((_sheet_order(player, place), player))
    return tuple(player for _, player in sorted(players, key=lambda pair: pair[0]))


def _sheet_order(player: ReplayPlayer, place: str) -> tuple[bool, int, int]:
    """Starters first: goalkeeper, defenders, midfielders, forwards, each role from the right;
    the bench after, in the feed's order (the sort keeps it wherever the keys are equal)."""
    if not player.starter:
        return (True, 0, 0)
    role = ROLE_ORDER.index(player.position) if player.position in ROLE_ORDER else len(ROLE_ORDER)
    across = 0 if place in RIGHT_PLACES else 2 if place in LEFT_PLACES else 1
    return (False, role, across)


def _steps(event, home, away, passes, related) -> list[ReplayStep]:
    kind, qualifiers = event["typeId"], _qualifiers(event)
    if kind == PERIOD_START:
        return [_step(event, home, away, StepKind.PERIOD_START)]
    if kind == PERIOD_END:
        counts = (passes[(event["periodId"], home.id)], passes[(event["periodId"], away.id)])
        return [_step(event, home, away, StepKind.PERIOD_END, possession=possession_split(*counts))]
    if kind == GOAL or kind in SHOTS:
        return [_shot(event, qualifiers, home, away)]
    if kind == CARD:
        return [_card(event, qualifiers, home, away)] if set(qualifiers) & set(CARDS) else []
    if kind == OFF:
        coming_on = related.get((event["contestantId"], _number(qualifiers.get(RELATED))))
        player_in = coming_on["playerId"] if coming_on and coming_on["typeId"] == ON else ""
        return [
            _step(
                event, home, away, StepKind.SUBSTITUTION, side=_side(event, home, away), player_in=player_in
            )
        ]
    return []


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _shot(event, qualifiers, home, away) -> ReplayStep:
    kind = event["typeId"]
    own_goal = kind == GOAL and OWN_GOAL in qualifiers
    figures = (
        None if own_goal else Shot(on_target=kind == GOAL or (kind == SAVED and BLOCKED not in qualifiers))
    )
    detail = "header" if HEAD in qualifiers else "free kick" if FREE_KICK in qualifiers else ""
    fields = {"side": _side(event, home, away), "shot": figures, "detail": detail}
    if kind == GOAL:
        goal_type = GoalType.OWN_GOAL if own_goal else GoalType.PENALTY if PENALTY in qualifiers else None
        return _step(event, home, away, StepKind.GOAL, goal_type=goal_type or GoalType.OPEN_PLAY, **fields)
    if PENALTY in qualifiers:
        return _step(event, home, away, StepKind.MISSED_PENALTY, **fields)
    return _step(event, home, away, StepKind.SHOT, **fields)


def _card(event, qualifiers, home, away) -> ReplayStep:
    kind = next(CARDS[qualifier] for qualifier in CARDS if qualifier in qualifiers)
    side = _side(event, home, away)
    if event.get("playerId"):
        return _step(event, home, away, kind, side=side)
    team = home.name if side is Side.HOME else away.name
    text = f"{CARD_NAMES[kind]} shown to a {team} official."
    return _step(event, home, away, StepKind.NOTE, side=side, text=text)


def _side(event: dict, home: ReplayTeam, away: ReplayTeam) -> Side | None:
    """The side of the player named (an own goal's scorer included), else of the event's team."""
    player_id = event.get("playerId")
    for team, side in ((home, Side.HOME), (away, Side.AWAY)):
        if player_id and any(player.id == player_id for player in team.players):
            return side
    return side_for(event.get("contestantId", ""), home, away)


def _step(event: dict, home: ReplayTeam, away: ReplayTeam, kind: StepKind, **fields) -> ReplayStep:
    period = Period(event["periodId"])
    clock = event["timeMin"] * 60 + event["timeSec"]
    minute, added = match_minute(period, clock)
    fields.setdefault("player", event.get("playerId", "") if kind is not StepKind.NOTE else "")
    return ReplayStep(kind=kind, period=period, clock=clock, minute=minute, added_minute=added, **fields)
