"""The match page's statistics: the whole match, then each half that has figures."""

from dataclasses import dataclass

from fixtures_app.models import Match, MatchStat
from football.events import PERIOD_LABELS, EventFact, Period, Side
from football.statistics import StatLine, StatRow, cards, combine, stat_rows


@dataclass(frozen=True)
class StatsSection:
    title: str
    rows: list[StatRow]


def match_stats(match: Match, facts: list[EventFact]) -> list[StatsSection]:
    lines: dict[tuple[Side, Period], StatLine] = {}
    for stat in MatchStat.objects.filter(match=match):
        side = Side.HOME if stat.team_id == match.home_team_id else Side.AWAY
        lines[(side, Period(stat.period))] = StatLine(
            stat.shots, stat.shots_on_target, stat.expected_goals, stat.possession
        )
    periods = sorted({period for _, period in lines} | {fact.period for fact in facts if fact.period < 5})
    sections = [_section("Match", lines, facts, periods, None)]
    for period in periods:
        if any((side, period) in lines for side in Side):
            sections.append(_section(PERIOD_LABELS[period], lines, facts, [period], period))
    return sections


def _section(title, lines, facts, periods, period) -> StatsSection:
    home = combine([lines.get((Side.HOME, p), StatLine()) for p in periods])
    away = combine([lines.get((Side.AWAY, p), StatLine()) for p in periods])
    return StatsSection(
        title, stat_rows(home, away, cards(facts, Side.HOME, period), cards(facts, Side.AWAY, period))
    )
