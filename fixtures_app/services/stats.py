"""Match statistics entered by editors or feeds: one side's figures for one period."""

from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from fixtures_app.models import Match, MatchStat, Team
from fixtures_app.services.events import lock_match
from fixtures_app.services.updates import Written, earlier_write, match_log_update, repeated_write
from football.events import PERIOD_LABELS, Period
from football.statistics import StatLine, check_figures


def match_record_stats(
    *,
    match: Match,
    team: Team,
    period: int,
    shots: int | None = None,
    shots_on_target: int | None = None,
    expected_goals: Decimal | None = None,
    possession: int | None = None,
    by: AbstractBaseUser | None = None,
    client_key: str = "",
) -> Written:
    """Sets a side's figures for a period (None leaves a figure unknown)."""
    line = StatLine(shots, shots_on_target, expected_goals, possession)
    with transaction.atomic():
        match = lock_match(match)
        period = _period(match, period)
        if team.pk not in (match.home_team_id, match.away_team_id):
            raise ValidationError(f"{team} is not playing in {match}.", code="team")
        earlier = earlier_write(match=match, client_key=client_key)
        if earlier is not None:
            return repeated_write(match, earlier)
        other = MatchStat.objects.filter(match=match, period=period).exclude(team=team).first()
        try:
            check_figures(line, other_possession=other.possession if other else None)
        except ValueError as error:
            raise ValidationError(str(error), code="stats") from None
        stat, _ = MatchStat.objects.update_or_create(
            match=match,
            team=team,
            period=period,
            defaults={**line.__dict__, "updated_by": by if by and by.is_authenticated else None},
        )
        update = match_log_update(
            match=match,
            kind="stats_changed",
            summary=f"Stats, {team}, {PERIOD_LABELS[period].lower()}: {_summary(line)}",
            by=by,
            client_key=client_key,
        )
    return Written(match=match, update=update, stat=stat)


def _period(match: Match, period: int) -> Period:
    try:
        period = Period(period)
    except ValueError:
        raise ValidationError(f"There is no period {period}.", code="period") from None
    if period is Period.PENALTIES:
        raise ValidationError("Statistics are kept for the halves, not the shoot-out.", code="period")
    if match.period_start(period) is None:
        raise ValidationError(f"The {PERIOD_LABELS[period].lower()} has not started.", code="period")
    return period


def _summary(line: StatLine) -> str:
    parts = {
        "shots": line.shots,
        "on target": line.shots_on_target,
        "xG": line.expected_goals,
        "possession": f"{line.possession}%" if line.possession is not None else None,
    }
    return ", ".join(f"{name} {value}" for name, value in parts.items() if value is not None) or "cleared"
