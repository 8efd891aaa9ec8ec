"""Small inline feeds in each provider's layout, written for these tests (not real data)."""

import itertools

SB_HOME, SB_AWAY = {"id": 1, "name": "Reds"}, {"id": 2, "name": "Blues"}
OPTA_HOME, OPTA_AWAY = "home-id", "away-id"
_serial = itertools.count(1)


# StatsBomb: a list of events in match order, and a line-ups file.


def sb_person(number: int) -> dict:
    return {"id": number, "name": f"Player {number}"}


def sb_event(
    type_id: int, name: str, period: int, minute: int, second: int = 0, team=SB_HOME, **fields
) -> dict:
    return {
        "index": next(_serial),
        "period": period,
        "minute": minute,
        "second": second,
        "type": {"id": type_id, "name": name},
        "team": team,
        **fields,
    }


def sb_starting_eleven(team: dict, first: int) -> dict:
    lineup = [
        {
            "player": sb_person(number),
            "position": {"id": 1, "name": "Goalkeeper" if number == first else "Center Back"},
        }
        for number in range(first, first + 11)
    ]
    return sb_event(35, "Starting XI", 1, 0, team=team, tactics={"formation": 442, "lineup": lineup})


def sb_shot(
    period, minute, second, player, outcome, *, team=SB_HOME, kind="Open Play", xg=0.1, body="Right Foot"
):
    shot = {
        "statsbomb_xg": xg,
        "outcome": {"name": outcome},
        "type": {"name": kind},
        "body_part": {"name": body},
    }
    return sb_event(16, "Shot", period, minute, second, team=team, player=sb_person(player), shot=shot)


def sb_card(period, minute, player, name, *, team=SB_HOME, behaviour=False):
    key = "bad_behaviour" if behaviour else "foul_committed"
    type_id, type_name = (24, "Bad Behaviour") if behaviour else (22, "Foul Committed")
    card = {key: {"card": {"name": name}}}
    return sb_event(type_id, type_name, period, minute, team=team, player=sb_person(player), **card)


def sb_whistle(type_id: int, name: str, period: int, minute: int, second: int = 0) -> list[dict]:
    return [sb_event(type_id, name, period, minute, second, team=team) for team in (SB_HOME, SB_AWAY)]


def sb_passes(period: int, home: int, away: int) -> list[dict]:
    return [sb_event(30, "Pass", period, 10, team=SB_HOME) for _ in range(home)] + [
        sb_event(30, "Pass", period, 10, team=SB_AWAY) for _ in range(away)
    ]


def statsbomb_events() -> list[dict]:
    """Reds 3-1 Blues (HT 1-1): a red card, a penalty, an own goal, a missed penalty, a second
    yellow, a substitution and a goal in added time."""
    return [
        sb_starting_eleven(SB_HOME, 1),
        sb_starting_eleven(SB_AWAY, 101),
        *sb_whistle(18, "Half Start", 1, 0),
        *sb_passes(1, 3, 1),
        sb_shot(1, 4, 45, 9, "Saved", xg=0.0885, body="Head"),
        sb_card(1, 11, 2, "Yellow Card"),
        sb_shot(1, 18, 21, 10, "Goal", xg=0.1455),
        sb_shot(1, 20, 0, 105, "Off T", team=SB_AWAY, xg=0.02),
        sb_card(1, 32, 3, "Red Card"),
        sb_shot(1, 46, 30, 110, "Goal", team=SB_AWAY, kind="Penalty", xg=0.76),
        *sb_whistle(34, "Half End", 1, 48, 1),
        *sb_whistle(18, "Half Start", 2, 45),
        *sb_passes(2, 1, 1),
        sb_event(
            19,
            "Substitution",
            2,
            45,
            team=SB_AWAY,
            player=sb_person(108),
            substitution={"replacement": sb_person(112)},
        ),
        sb_event(20, "Own Goal Against", 2, 52, 12, team=SB_AWAY, player=sb_person(104)),
        sb_event(25, "Own Goal For", 2, 52, 12, team=SB_HOME),
        sb_shot(2, 60, 0, 9, "Saved", kind="Penalty", xg=0.76),
        sb_card(2, 70, 2, "Second Yellow", behaviour=True),
        sb_shot(2, 80, 0, 110, "Blocked", team=SB_AWAY),
        sb_shot(2, 91, 42, 10, "Goal", kind="Free Kick", xg=0.27),
        *sb_whistle(34, "Half End", 2, 93, 8),
    ]


def statsbomb_lineups() -> list[dict]:
    def team(team: dict, numbers) -> dict:
        rows = [
            {
                "player_id": number,
                "player_name": f"Player {number}",
                "player_nickname": f"P{number}" if number % 2 else None,
                "jersey_number": number % 100,
            }
            for number in numbers
        ]
        return {"team_id": team["id"], "team_name": team["name"], "lineup": rows}

    return [team(SB_AWAY, range(101, 114)), team(SB_HOME, range(1, 14))]


# Opta MA3: matchInfo and liveData.event.


def opta_event(type_id, period, minute, second=0, team=OPTA_HOME, player=None, qualifiers=(), event_id=None):
    found = {
        "id": next(_serial),
        "eventId": event_id or next(_serial),
        "typeId": type_id,
        "periodId": period,
        "timeMin": minute,
        "timeSec": second,
        "contestantId": team,
        "timeStamp": f"2021-09-11T18:{minute % 60:02d}:{second:02d}Z",
        "qualifier": [{"qualifierId": key, "value": value} for key, value in dict(qualifiers).items()],
    }
    if player:
        found |= {"playerId": player, "playerName": f"N. {player.title()}"}
    return found


def opta_set_up(team: str, prefix: str, captain: str) -> dict:
    qualifiers = {
        30: ", ".join(f"{prefix}{number}" for number in range(1, 15)),
        59: ", ".join(str(number) for number in range(1, 15)),
        44: ", ".join(["1", *["2"] * 4, *["3"] * 4, "4", "4", "5", "5", "5"]),
        131: ", ".join([*(str(number) for number in range(1, 12)), "0", "0", "0"]),
        194: captain,
    }
    return opta_event(34, 16, 0, team=team, qualifiers=qualifiers)


def opta_whistle(type_id: int, period: int, minute: int, second: int = 0) -> list[dict]:
    return [opta_event(type_id, period, minute, second, team=team) for team in (OPTA_HOME, OPTA_AWAY)]


def opta_feed() -> dict:
    """Hamburger SV 2-1 Sandhausen (HT 1-0): an own goal, a second yellow, a penalty goal, a
    missed penalty, a card for an official, a straight red and a winner at 90+6'."""
    home, away = OPTA_HOME, OPTA_AWAY
    events = [
        opta_set_up(home, "h", "h5"),
        opta_set_up(away, "a", "a4"),
        *opta_whistle(32, 1, 0),
        opta_event(1, 1, 3, team=home, player="h2"),
        opta_event(1, 1, 4, team=home, player="h3"),
        opta_event(1, 1, 5, team=away, player="a2"),
        opta_event(15, 1, 1, 42, team=away, player="a9", qualifiers={15: None}),
        opta_event(17, 1, 10, 13, team=away, player="a7", qualifiers={31: None}),
        opta_event(13, 1, 20, team=home, player="h10"),
        opta_event(15, 1, 30, team=home, player="h11", qualifiers={82: None}),
        opta_event(16, 1, 44, 30, team=home, player="a4", qualifiers={28: None}),
        *opta_whistle(30, 1, 45, 2),
        *opta_whistle(32, 2, 45),
        opta_event(18, 2, 60, 46, team=home, player="h10", event_id=709, qualifiers={55: "710"}),
        opta_event(19, 2, 60, 46, team=home, player="h12", event_id=710, qualifiers={55: "709"}),
        opta_event(17, 2, 71, 48, team=away, player="a7", qualifiers={32: None}),
        opta_event(16, 2, 73, 39, team=away, player="a8", qualifiers={9: None}),
        opta_event(14, 2, 80, team=away, player="a10", qualifiers={9: None}),
        opta_event(17, 2, 93, 53, team=away, qualifiers={31: None}),
        opta_event(17, 2, 94, team=home, player="h3", qualifiers={33: None}),
        opta_event(16, 2, 95, 22, team=home, player="h9", qualifiers={15: None}),
        *opta_whistle(30, 2, 97, 38),
        *opta_whistle(30, 14, 0),
    ]
    contestants = [
        {"id": away, "name": "Sandhausen", "position": "away", "country": {"name": "Germany"}},
        {"id": home, "name": "Hamburger SV", "shortName": "Hamburg", "code": "HSV", "position": "home"},
    ]
    return {
        "matchInfo": {
            "date": "2021-09-11Z",
            "time": "18:30:00Z",
            "competition": {"name": "2. Bundesliga"},
            "venue": {"longName": "Volksparkstadion"},
            "contestant": contestants,
        },
        "liveData": {"event": events},
    }
