"""Points deductions: a club loses points from its season's total, for a stated reason."""

from django.db import transaction

from fixtures_app.models import Match, PointsDeduction, Season, Team


class DeductionError(ValueError):
    pass


def team_deduct_points(*, season: Season, team: Team, points: int, reason: str) -> PointsDeduction:
    """Records that `team` loses `points` in `season`; its tables show the new total and why."""
    reason = " ".join(reason.split())
    if isinstance(points, bool) or not isinstance(points, int) or points < 1:
        raise DeductionError(f"A deduction is a whole number of points, at least 1 (not {points!r}).")
    if not reason:
        raise DeductionError("Give the reason for the deduction: the table shows it.")
    if len(reason) > PointsDeduction._meta.get_field("reason").max_length:
        raise DeductionError("The reason is too long: keep it under 200 characters.")
    with transaction.atomic():
        if not _takes_part(season, team):
            raise DeductionError(f"{team} has no match in {season}: there is nothing to deduct from.")
        return PointsDeduction.objects.create(season=season, team=team, points=points, reason=reason)


def _takes_part(season: Season, team: Team) -> bool:
    matches = Match.objects.filter(stage__season=season)
    return (matches.filter(home_team=team) | matches.filter(away_team=team)).exists()
