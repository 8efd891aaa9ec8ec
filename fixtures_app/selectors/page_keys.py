"""What the home page and a season's table page show, in two cheap aggregate queries, for
their ETags (fixtures_app/views/edge.py): a page answered 304 is never rendered.

Every change to a match raises its `seq` (or `version`, an edit in the admin) in the transaction
that makes it, so the matches' number and the sums of both move with any result, event or
status; the points deductions with any deduction. The minute stands for the rest: the live
games' minutes, the day's boundaries, a club renamed in the admin.
"""

import datetime as dt

from django.db.models import Count, Max, Q, Sum

from fixtures_app.models import Match, PointsDeduction


def home_key(*, now: dt.datetime) -> list[object]:
    return _key(Q(), Q(), now=now)


def season_key(competition: str, season: str, *, now: dt.datetime) -> list[object]:
    where = Q(season__competition__slug=competition, season__slug=season)
    return _key(Q(stage__season__competition__slug=competition, stage__season__slug=season), where, now=now)


def _key(matches: Q, deductions: Q, *, now: dt.datetime) -> list[object]:
    results = Match.objects.filter(matches).aggregate(
        count=Count("pk"), last=Max("pk"), changes=Sum("seq"), edits=Sum("version")
    )
    points = PointsDeduction.objects.filter(deductions).aggregate(
        count=Count("pk"), last=Max("pk"), points=Sum("points")
    )
    return [sorted(results.items()), sorted(points.items()), now.replace(second=0, microsecond=0)]
