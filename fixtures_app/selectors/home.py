"""The home page: the football in play, the rest of today's, the results of the last days and
what comes in the next ones, each by day, minute-by-minute reports, and the table of the day's
featured match.

Every list is a fixed number of queries, however many matches it holds.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Exists, OuterRef
from django.urls import reverse

from fixtures_app.models import Match, MatchEvent, Season
from fixtures_app.models.competition import Sport
from fixtures_app.selectors.fixtures import GameLine, day_bounds, game_line
from fixtures_app.selectors.tables import TablePayload, table_for_match
from football.clock import clock_display
from football.events import EventKind, Period
from football.status import FINISHED, PLAYING_PERIODS, SHORT_STATUS_LABELS, Status

RECENT_DAYS = UPCOMING_DAYS = 7
RECENT_LIMIT = 20  # a busy week of results
FALLBACK_LIMIT = UPCOMING_LIMIT = 10
REPORTS_LIMIT = 5


@dataclass(frozen=True)
class HomeRow:
    """A game as a line of the home page, with what stands where the kick-off time would."""

    game: GameLine
    clock: str  # `67'`, `45+2'`, `HT`, `FT`; empty before kick-off, when the time says more
    period_started_at: str  # when the period being played kicked off (ISO), for the browser's clock


@dataclass(frozen=True)
class HomeDay:
    day: dt.date
    label: str  # `Today`, `Yesterday`, `Tomorrow`, `Sun 29 Nov`
    rows: list[HomeRow]


@dataclass(frozen=True)
class CompetitionLink:
    name: str
    url: str  # the season's fixtures and results


@dataclass(frozen=True)
class HomePage:
    """The football matches by when they are (the editors' console lists these too)."""

    live: list[Match]
    today: list[Match]  # today's others, by kick-off
    recent: list[Match]  # the last week's results, newest first; else the latest few
    reports: list[Match]  # older matches with a minute-by-minute report (commentary), newest first
    upcoming: list[Match]  # the next week's fixtures, soonest first; else the next few


@dataclass(frozen=True)
class FrontPage:
    """The home page as fans read it: rows with their clocks, results and fixtures by day."""

    live: list[HomeRow]
    today: list[HomeRow]
    recent: list[HomeDay]  # newest day first
    reports: list[HomeRow]
    upcoming: list[HomeDay]  # soonest day first
    table: TablePayload | None  # of the featured match: the first live, else today's, else the latest
    competitions: list[CompetitionLink]  # where to look when nothing is coming up


def home_page(*, now: dt.datetime, tz: dt.tzinfo) -> HomePage:
    matches = Match.objects.football().with_teams()
    day_start, day_end = day_bounds(now.astimezone(tz).date(), tz)
    live = list(matches.in_play().order_by("kickoff", "pk"))
    live_ids = {match.pk for match in live}
    today = matches.between(day_start, day_end).exclude(pk__in=live_ids).order_by("kickoff", "pk")
    played = matches.finished().filter(kickoff__lt=day_start).order_by("-kickoff", "-pk")
    recent = list(played.filter(kickoff__gte=day_start - dt.timedelta(days=RECENT_DAYS))[:RECENT_LIMIT])
    recent = recent or list(played[:FALLBACK_LIMIT])
    # A minute-by-minute report is a match told as it was played, in our own words.
    covered = Exists(MatchEvent.objects.filter(match=OuterRef("pk"), kind=EventKind.COMMENTARY))
    reports = played.filter(covered).exclude(pk__in=[match.pk for match in recent])
    return HomePage(
        live=live,
        today=list(today),
        recent=recent,
        reports=list(reports[:REPORTS_LIMIT]),
        upcoming=_upcoming(matches, day_end),
    )


def front_page(*, now: dt.datetime, tz: dt.tzinfo) -> FrontPage:
    page = home_page(now=now, tz=tz)
    today = now.astimezone(tz).date()
    featured = next(iter(page.live or page.today or page.recent), None)

    def rows(found: Iterable[Match]) -> list[HomeRow]:
        return [home_row(match, now=now, tz=tz) for match in found]

    return FrontPage(
        live=rows(page.live),
        today=rows(page.today),
        recent=_days(rows(page.recent), today),
        reports=rows(page.reports),
        upcoming=_days(rows(page.upcoming), today),
        table=table_for_match(featured) if featured else None,
        competitions=[] if page.upcoming else competition_links(),
    )


def _upcoming(matches, day_end: dt.datetime) -> list[Match]:
    """The scheduled games of the next days; failing those, the next ones whenever they are."""
    scheduled = matches.filter(kickoff__gte=day_end, status=Status.SCHEDULED).order_by("kickoff", "pk")
    soon = list(scheduled.filter(kickoff__lt=day_end + dt.timedelta(days=UPCOMING_DAYS))[:UPCOMING_LIMIT])
    return soon or list(scheduled[:UPCOMING_LIMIT])


def home_row(match: Match, *, now: dt.datetime, tz: dt.tzinfo) -> HomeRow:
    started = match.period_started_at if clock_runs(match) else None
    return HomeRow(
        game=game_line(match, tz=tz),
        clock=clock_word(match, now=now),
        period_started_at=started.isoformat() if started else "",
    )


def clock_runs(match: Match) -> bool:
    """Whether the game's minute moves by itself: football, in a period with a running clock."""
    period = PLAYING_PERIODS.get(Status(match.status))
    football = match.stage.season.competition.sport == Sport.FOOTBALL
    return football and period is not None and period is not Period.PENALTIES


def clock_word(match: Match, *, now: dt.datetime | None) -> str:
    """What a list shows where the kick-off time was, once a game has started: the minute
    (`67'`, `45+2'`) while the clock runs, else `HT`, `FT`, `AET`, `Pens`, `Postponed`;
    another sport's game `Live` or `Final`. Without `now` (a part kept between changes, whose
    minute would go stale) a running clock is `Live`, and the browser shows the minute."""
    status = Status(match.status)
    if match.stage.season.competition.sport != Sport.FOOTBALL:
        if status in FINISHED:
            return "Final"
        return "Live" if match.has_started and status is not Status.ABANDONED else SHORT_STATUS_LABELS[status]
    if now is None and clock_runs(match):
        return "Live"
    return clock_display(status, match.period_started_at, now) if now else SHORT_STATUS_LABELS[status]


def day_label(day: dt.date, today: dt.date) -> str:
    """A day as a list of games heads it: `Today`, `Yesterday`, `Tomorrow`, `Sun 29 Nov`, and
    the year when it is not this one (`Sat 18 May 2024`)."""
    relative = {0: "Today", -1: "Yesterday", 1: "Tomorrow"}.get((day - today).days)
    if relative:
        return relative
    return f"{day:%a} {day.day} {day:%b}" + ("" if day.year == today.year else f" {day.year}")


def _days(rows: list[HomeRow], today: dt.date) -> list[HomeDay]:
    """The rows by their day in the reader's zone, in the order given."""
    return [
        HomeDay(day, day_label(day, today), list(day_rows))
        for day, day_rows in groupby(rows, key=lambda row: row.game.kickoff.date())
    ]


def competition_links() -> list[CompetitionLink]:
    """Each football competition's latest season, by name: where its fixtures will appear."""
    seasons = (
        Season.objects.filter(competition__sport=Sport.FOOTBALL)
        .select_related("competition")
        .order_by("competition__name", "-slug")
    )
    latest = {season.competition_id: season for season in reversed(list(seasons))}
    return [
        CompetitionLink(
            season.competition.name,
            reverse("fixtures_app:fixtures", args=[season.competition.slug, season.slug]),
        )
        for season in sorted(latest.values(), key=lambda season: season.competition.name)
    ]
