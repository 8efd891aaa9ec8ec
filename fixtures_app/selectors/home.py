"""The home page: live matches first, then today's, minute-by-minute reports of recent
matches, other recent results, and what comes next."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from fixtures_app.models import Match, MatchEvent


@dataclass(frozen=True)
class HomePage:
    live: list[Match]
    today: list[Match]
    reports: list[Match]
    recent: list[Match]
    upcoming: list[Match]


def home_page(*, now: dt.datetime, tz: dt.tzinfo, limit: int = 10) -> HomePage:
    matches = Match.objects.football().with_teams()
    local_midnight = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    day_start, day_end = local_midnight, local_midnight + dt.timedelta(days=1)
    live = list(matches.in_play())
    live_ids = {match.pk for match in live}
    today = [match for match in matches.between(day_start, day_end) if match.pk not in live_ids]
    covered = Exists(MatchEvent.objects.filter(match=OuterRef("pk")))
    earlier = matches.finished().filter(kickoff__lt=day_start).order_by("-kickoff")
    return HomePage(
        live=live,
        today=today,
        reports=list(earlier.filter(covered)[:limit]),
        recent=list(earlier.exclude(covered)[:limit]),
        upcoming=list(matches.filter(kickoff__gte=day_end, status="scheduled")[:limit]),
    )
