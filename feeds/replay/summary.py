"""A replayed match read back as JSON: the snapshot the live API sends (without its HTML),
with the plain facts a script checks: score, half-time score, goals, sendings-off, stats."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict

from fixtures_app.models import Match
from fixtures_app.selectors.facts import event_facts, match_events
from fixtures_app.selectors.live import snapshot
from fixtures_app.selectors.match import match_for_page, match_page
from football import scoring
from football.clock import minute_label
from football.events import SENDING_OFF_KINDS, EventFact, EventKind, Side


def replay_summary(match: Match, *, now: dt.datetime, refusals: Sequence[str] = ()) -> dict:
    match = match_for_page(match.pk)
    frame = snapshot(match, now=now)
    facts = event_facts(match, match_events(match))
    names = {Side.HOME: match.home_team.name, Side.AWAY: match.away_team.name}
    return {
        "type": frame["type"],
        "match": frame["match"],
        "seq": frame["seq"],
        "state": {name: value for name, value in frame["state"].items() if not name.endswith("_html")},
        "order": frame["order"],
        "url": match.get_absolute_url(),
        "competition": f"{match.stage.season} · {match.stage.name}",
        "kickoff": match.kickoff.isoformat(),
        "home": names[Side.HOME],
        "away": names[Side.AWAY],
        "score": _pair(match.home_score, match.away_score),
        "half_time_score": _pair(match.home_half_time_score, match.away_half_time_score),
        "goals": goal_lines(facts, names),
        "sendings_off": [
            _line(fact, names) for fact in scoring.counted(facts) if fact.kind in SENDING_OFF_KINDS
        ],
        "stats": [asdict(section) for section in match_page(match, now=now).stats],
        "refusals": list(refusals),
    }


def goal_lines(facts: list[EventFact], names: dict[Side, str]) -> list[dict]:
    """Each goal that counts, in match order, with the score after it (shoot-out kicks left out)."""
    lines, score = [], scoring.Score()
    for fact in scoring.counted(facts):
        if fact.kind is not EventKind.GOAL or fact.period == 5:
            continue
        score = score.with_goal(scoring.scoring_side(fact))
        line = _line(fact, names)
        lines.append({**line, "goal_type": str(fact.goal_type), "score": [score.home, score.away]})
    return lines


def _line(fact: EventFact, names: dict[Side, str]) -> dict:
    return {
        "minute": minute_label(fact.minute, fact.added_minute),
        "period": int(fact.period),
        "team": names[fact.side] if fact.side else None,
        "player": fact.player_name,
        "kind": str(fact.kind),
    }


def _pair(home: int | None, away: int | None) -> list[int | None] | None:
    return None if home is None else [home, away]
