"""How a fixture reads in a strip of games, as each sport's fans write it.

Football puts the home side first: `Atalanta v Liverpool`. The American sports (American
football, basketball, ice hockey) put the visitors first, "away at home":
`Vikings @ Bears`. Kick-offs are written as a UK newspaper writes them: `6pm`, `9.05pm`,
`12.30am`, with `noon` and `midnight` for the two twelves on the hour.
"""

import datetime as dt

AWAY_FIRST_SPORTS = frozenset({"american_football", "basketball", "ice_hockey"})


def matchup(sport: str, home: str, away: str) -> str:
    """The fixture as its sport's fans write it: `Home v Away`, or `Away @ Home` US style."""
    if sport in AWAY_FIRST_SPORTS:
        return f"{away} @ {home}"
    return f"{home} v {away}"


def kickoff_time(time: dt.time) -> str:
    """A kick-off time, UK-newspaper style: `6pm`, `9.05pm`, `noon`, `midnight`."""
    if time.minute == 0 and time.hour in (0, 12):
        return "midnight" if time.hour == 0 else "noon"
    hour = time.hour % 12 or 12
    minutes = f".{time.minute:02d}" if time.minute else ""
    return f"{hour}{minutes}{'am' if time.hour < 12 else 'pm'}"


def strip_line(sport: str, home: str, away: str, time: dt.time) -> str:
    """A line of a "today's games" strip: `6pm Vikings @ Bears`."""
    return f"{kickoff_time(time)} {matchup(sport, home, away)}"


def scoreline(sport: str, home_score: int, away_score: int) -> str:
    """The score in the order the sport writes the sides: `0-1`, or away first US style."""
    if sport in AWAY_FIRST_SPORTS:
        return f"{away_score}-{home_score}"
    return f"{home_score}-{away_score}"


def result_line(sport: str, home: str, away: str, home_score: int, away_score: int) -> str:
    """A result as fans write it: `Atalanta 0-1 Liverpool`, or `Vikings 21 @ Bears 17`."""
    if sport in AWAY_FIRST_SPORTS:
        return f"{away} {away_score} @ {home} {home_score}"
    return f"{home} {home_score}-{away_score} {away}"
