"""The match-flow chart's payload: geometry, words and team colours, built from the match page."""

import datetime as dt
from dataclasses import dataclass

from fixtures_app.models import Match, MatchStat
from fixtures_app.selectors.match import MatchPage
from football.clock import live_minute
from football.colours import DARK_BACKGROUND, LIGHT_BACKGROUND, side_colours
from football.events import Period, Side
from football.flow_summary import flow_summary
from football.momentum import MatchFlow, Moment, StatLines, match_flow
from football.statistics import StatLine
from football.status import PLAYING_PERIODS, Status


@dataclass(frozen=True)
class ChartSide:
    side: Side
    name: str
    code: str
    light: str
    dark: str


@dataclass(frozen=True)
class MatchChart:
    dom_id: str
    title: str
    summary: str
    flow: MatchFlow
    home: ChartSide
    away: ChartSide


def stat_lines(match: Match) -> StatLines:
    """Each side's figures per period, as entered (one query)."""
    return {
        (Side.HOME if stat.team_id == match.home_team_id else Side.AWAY, Period(stat.period)): StatLine(
            stat.shots, stat.shots_on_target, stat.expected_goals, stat.possession
        )
        for stat in MatchStat.objects.filter(match=match)
    }


def match_chart(page: MatchPage, stats: StatLines, *, now: dt.datetime | None = None) -> MatchChart | None:
    """The chart of a match under way or played; None before kick-off or when no event was kept.

    With `now`, a match in play is drawn up to the minute being played.
    """
    match = page.match
    if not match.has_started or not page.facts:
        return None
    teams = {Side.HOME: match.home_team, Side.AWAY: match.away_team}
    codes = {side: team.initials for side, team in teams.items()}
    names = {side: team.name for side, team in teams.items()}
    flow = match_flow(
        page.facts, stats, codes=codes, finished=match.is_finished, playing=_playing(match, now)
    )
    return MatchChart(
        dom_id=f"match-chart-{match.pk}",
        title="Match flow: goals, sendings-off and substitutions, minute by minute",
        summary=flow_summary(page.facts, stats, names=names),
        flow=flow,
        **_sides(teams, codes),
    )


def _playing(match: Match, now: dt.datetime | None) -> Moment | None:
    period = PLAYING_PERIODS.get(Status(match.status))
    if now is None or period is None or period is Period.PENALTIES or match.period_started_at is None:
        return None
    return (period, *live_minute(period, match.period_started_at, now))


def _sides(teams: dict, codes: dict[Side, str]) -> dict[str, ChartSide]:
    colours = {
        scheme: side_colours(_colours(teams[Side.HOME]), _colours(teams[Side.AWAY]), background)
        for scheme, background in (("light", LIGHT_BACKGROUND), ("dark", DARK_BACKGROUND))
    }
    return {
        side.value: ChartSide(
            side, teams[side].name, codes[side], colours["light"][index], colours["dark"][index]
        )
        for index, side in enumerate(Side)
    }


def _colours(team) -> tuple[str, str]:
    return (team.primary_colour, team.secondary_colour)
