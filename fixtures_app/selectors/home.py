"""The home page: live matches first, then today's, recent results and what comes next."""

import datetime as dt
from dataclasses import dataclass

from fixtures_app.models import Match


@dataclass(frozen=True)
class HomePage:
    live: list[Match]
    today: list[Match]
    recent: list[Match]
    upcoming: list[Match]


def home_page(*, now: dt.datetime, tz: dt.tzinfo, limit: int = 20) -> HomePage:
    matches = Match.objects.football().with_teams()
    local_midnight = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    day_start, day_end = local_midnight, local_midnight + dt.timedelta(days=1)
    live = list(matches.in_play())
    live_ids = {match.pk for match in live}
    today = [match for match in matches.between(day_start, day_end) if match.pk not in live_ids]
    return HomePage(
        live=live,
        today=today,
        recent=list(matches.finished().filter(kickoff__lt=day_start).order_by("-kickoff")[:limit]),
        upcoming=list(matches.filter(kickoff__gte=day_end, status="scheduled")[:limit]),
    )
