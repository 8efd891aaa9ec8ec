"""Keeps a match's result of record in step with its events."""

from fixtures_app.models import Match
from fixtures_app.selectors.facts import event_facts, match_events
from football import scoring
from football.events import Period

# The match's fields that hold its result; kept from the events, or cleared with them.
SCORE_FIELDS = (
    "home_score",
    "away_score",
    "home_half_time_score",
    "away_half_time_score",
    "home_normal_time_score",
    "away_normal_time_score",
    "home_penalties",
    "away_penalties",
)
RESULT_FIELDS = [*SCORE_FIELDS, "version"]


def match_refresh_result(*, match: Match) -> Match:
    """Recomputes the score from the events and raises the match's version.

    Called inside the transaction of the write that changed the events or the status.
    """
    facts = event_facts(match, match_events(match))
    if match.has_started:
        match.home_score, match.away_score = _pair(scoring.score(facts))
    half_time_over = match.period_start(Period.SECOND_HALF) is not None or match.status == "half_time"
    match.home_half_time_score, match.away_half_time_score = (
        _pair(scoring.half_time_score(facts)) if half_time_over else (None, None)
    )
    went_to_extra_time = match.period_start(Period.EXTRA_FIRST_HALF) is not None
    match.home_normal_time_score, match.away_normal_time_score = (
        _pair(scoring.normal_time_score(facts)) if went_to_extra_time else (None, None)
    )
    shootout = scoring.shootout_score(facts)
    match.home_penalties, match.away_penalties = _pair(shootout) if shootout else (None, None)
    match.version += 1
    match.save(update_fields=RESULT_FIELDS)
    return match


def _pair(score: scoring.Score) -> tuple[int, int]:
    return score.home, score.away


def match_record_result(
    *, match: Match, home_score: int, away_score: int, status: str = "full_time"
) -> Match:
    """Records the result of a match that has no events (an import, a past season)."""
    if home_score < 0 or away_score < 0:
        raise ValueError("Scores cannot be negative.")
    match.home_score, match.away_score, match.status = home_score, away_score, status
    match.save(update_fields=["home_score", "away_score", "status"])
    return match
