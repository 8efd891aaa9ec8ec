"""What a match's next status depends on: whether a knock-out is level, and where a
suspended match resumes. Read by the status service and by the console's period controls."""

from fixtures_app.models import Match, Stage
from fixtures_app.selectors.facts import event_facts, match_events
from football import scoring, ties
from football.status import PLAYING_PERIODS, Status


def resume_from(match: Match) -> Status | None:
    """A suspended match resumes in the last period that kicked off."""
    started = [status for status, period in PLAYING_PERIODS.items() if match.period_start(period)]
    return started[-1] if started else None


def is_level(match: Match, current: Status) -> bool:
    """Whether a knock-out is level, so that extra time or penalties must follow."""
    if match.stage.kind != Stage.Kind.KNOCKOUT:
        return False
    facts = event_facts(match, match_events(match))
    if current is Status.PENALTIES:
        shootout = scoring.shootout_score(facts) or scoring.Score()
        return shootout.home == shootout.away
    now = scoring.score(facts)
    first_leg = _first_leg(match)
    if first_leg is None or match.tie is None:
        return match.leg != 1 and now.home == now.away
    second = ties.LegResult(match.home_team.name, match.away_team.name, now.home, now.away)
    rule = match.tie.away_goals_rule
    if current is Status.SECOND_HALF:
        return ties.needs_extra_time(first_leg, second, away_goals_rule=rule)
    return ties.tie_outcome(first_leg, second, away_goals_rule=rule).level


def _first_leg(match: Match) -> ties.LegResult | None:
    if match.tie_id is None or match.leg != 2:
        return None
    first = Match.objects.select_related("home_team", "away_team").filter(tie_id=match.tie_id, leg=1).first()
    if first is None or first.home_score is None:
        return None
    return ties.LegResult(first.home_team.name, first.away_team.name, first.home_score, first.away_score)
