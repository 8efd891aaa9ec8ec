"""Filters for lists of games kept between changes (today's games beside a match): what they
may show of a game's clock without a minute that would go stale, and when its clock started,
for the browser to tick it (static/site/scores.js)."""

from django import template

from fixtures_app.models import Match
from fixtures_app.selectors.home import clock_runs
from fixtures_app.selectors.home import clock_word as word_for

register = template.Library()


@register.filter
def clock_word(match: Match) -> str:
    """`Live` while the clock runs (the browser shows the minute), else `HT`, `FT`, `Final`…"""
    return word_for(match, now=None)


@register.filter
def running_clock_start(match: Match) -> str:
    """When the period being played kicked off (ISO), if its clock runs; else empty."""
    started = match.period_started_at if clock_runs(match) else None
    return started.isoformat() if started else ""
