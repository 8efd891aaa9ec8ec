"""The match page's parts that show the match alone, rendered once per change of the match.

Every change to a match raises its `seq` in the transaction that makes it (an event
recorded, corrected or deleted, a status change, stats, line-ups), and the page reads the
match row afresh on every load. So parts kept under the match's `seq` are never shown
stale: the first load after a change finds nothing under the new number and renders anew.
The key also holds everything else the parts show: the match row itself (an edit in the
admin keeps `seq`), the clock's minute, the reader's time zone and the site's address.
Line-ups edited and players renamed in the admin go into the update log too, so they raise
`seq` as well. Parts are kept PARTS_SECONDS at most, for what may still change without
touching the match's row (a club renamed in the admin).

The table beside the match is kept the same way under its stage's matches: their number and
the sums of their `seq` and `version` (which every change raises), and the season's points
deductions, so a goal recorded, corrected or deleted in any of them shows at once.

What the page shows around the match (its article, "Read next", past meetings, today's
games) is kept the same way, under a key that changes with everything those parts show: the
articles (their number, last edit and how many are due by now, so a scheduled one appears
when its time comes), and today's and the two clubs' matches (number, `seq` and `version`).
Two small aggregate queries stand for some ten queries and their rendering.

The parts are rendered with the same templates and functions as the live messages
(selectors/live.py), so the page and its live updates cannot disagree.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.models import Article
from articles.selectors import match_article, match_social, read_next
from fixtures_app.models import Match, PointsDeduction
from fixtures_app.selectors.fixtures import day_bounds, game_history, todays_games
from fixtures_app.selectors.live import chart_html, entry_html, lineups_html, live_state, stats_html
from fixtures_app.selectors.match import match_page
from fixtures_app.selectors.structured_data import match_graph
from fixtures_app.selectors.tables import stage_table, table_stage_for_match
from football.clock import clock_display
from football.status import Status
from matchcentre.structured_data import json_ld

PARTS_SECONDS = 300


@dataclass(frozen=True)
class MatchParts:
    leg_label: str
    meta: str  # Open Graph and Twitter card tags
    scoreboard: str
    share: str
    chart: str
    timeline: str  # the entries, newest first; empty before the first
    stats: str
    lineups: str


@dataclass(frozen=True)
class AroundParts:
    article: str  # the match's preview or report; "" when it has none
    read_next: str
    game_history: str
    todays_games: str


def match_parts(match: Match, *, now: dt.datetime, site_url: str) -> MatchParts:
    """The parts as of the match's current `seq` (`match` read afresh, with its teams and stage)."""
    key = parts_key(match, now=now, site_url=site_url)
    parts = cache.get(key)
    if parts is None:
        parts = _render(match, now=now, site_url=site_url)
        cache.set(key, parts, PARTS_SECONDS)
    return parts


def parts_key(match: Match, *, now: dt.datetime, site_url: str) -> str:
    clock = clock_display(Status(match.status), match.period_started_at, now)
    shown = [
        *(getattr(match, field.attname) for field in match._meta.concrete_fields),
        *(str(related) for related in (match.home_team, match.away_team, match.venue, match.stage)),
        match.home_team.slug,
        match.away_team.slug,
        clock,
        timezone.get_current_timezone_name(),
        site_url,
    ]
    digest = fingerprint(shown)
    return f"match-parts:{match.pk}:{match.seq}:{digest}"


def fingerprint(shown: object) -> str:
    """A short digest of everything a cached part shows, for its key."""
    return hashlib.blake2b(repr(shown).encode(), digest_size=12).hexdigest()


def table_part(match: Match) -> str:
    """The table beside the match, rendered, or "" when it has none."""
    stage = table_stage_for_match(match)
    if stage is None:
        return ""
    results = Match.objects.filter(stage=stage).aggregate(
        matches=Count("pk"), last=Max("pk"), changes=Sum("seq"), edits=Sum("version")
    )
    deductions = PointsDeduction.objects.filter(season_id=stage.season_id).aggregate(
        count=Count("pk"), last=Max("pk"), points=Sum("points")
    )
    highlight = (match.home_team_id, match.away_team_id)
    shown = [stage.pk, sorted(results.items()), sorted(deductions.items()), highlight]
    key = f"match-table:{fingerprint(shown)}"
    html = cache.get(key)
    if html is None:
        table = stage_table(stage, highlight=highlight)
        html = render_to_string("fixtures_app/_table.html", {"table": table, "highlight": table.highlight})
        cache.set(key, html, PARTS_SECONDS)
    return html


def _render(match: Match, *, now: dt.datetime, site_url: str) -> MatchParts:
    page = match_page(match, now=now)
    social = match_social(match, page=page, site_url=site_url)
    return MatchParts(
        leg_label=page.leg_label,
        meta=render_to_string("fixtures_app/_social_meta.html", {"social": social})
        + _feed_link(match)
        + json_ld(match_graph(match, social=social, site_url=site_url)),
        scoreboard=live_state(page)["scoreboard_html"],
        share=render_to_string("fixtures_app/_share.html", {"social": social}),
        chart=chart_html(page, now=now),
        # Joined, the entries (each escaped by its template) would be plain text, escaped again.
        timeline=mark_safe("".join(entry_html(page, entry) for entry in page.timeline)),
        stats=stats_html(page),
        lineups=lineups_html(page),
    )


def _feed_link(match: Match) -> str:
    """Lets a feed reader find the match's Atom feed from its page."""
    return format_html(
        '<link rel="alternate" type="application/atom+xml" title="{}" href="{}">\n',
        f"{match.home_team.display_name} v {match.away_team.display_name}: minute by minute",
        reverse("fixtures_app:match-feed", kwargs={"pk": match.pk}),
    )


def around_parts(match: Match, *, now: dt.datetime, tz: dt.tzinfo) -> AroundParts:
    """The parts around the match for a reader in the zone `tz`, as of now."""
    day = timezone.localdate(now, timezone=tz)
    key = around_key(match, now=now, tz=tz, day=day)
    parts = cache.get(key)
    if parts is None:
        parts = _render_around(match, now=now, tz=tz, day=day)
        cache.set(key, parts, PARTS_SECONDS)
    return parts


def around_key(match: Match, *, now: dt.datetime, tz: dt.tzinfo, day: dt.date) -> str:
    start, end = day_bounds(day, tz)
    pair = [match.home_team_id, match.away_team_id]
    nearby = Q(kickoff__gte=start, kickoff__lt=end) | Q(home_team_id__in=pair, away_team_id__in=pair)
    matches = Match.objects.filter(nearby).aggregate(
        count=Count("pk"), last=Max("pk"), changes=Sum("seq"), edits=Sum("version")
    )
    articles = Article.objects.aggregate(
        count=Count("pk"), edited=Max("updated_at"), due=Count("pk", filter=Q(published_at__lte=now))
    )
    shown = [
        *(match.pk, match.status, match.kickoff, match.stage_id, *pair, str(tz), day),
        sorted(matches.items()),
        sorted(articles.items()),
    ]
    return f"match-around:{match.pk}:{fingerprint(shown)}"


def _render_around(match: Match, *, now: dt.datetime, tz: dt.tzinfo, day: dt.date) -> AroundParts:
    article = match_article(match, now=now)
    return AroundParts(
        article=render_to_string("articles/_article.html", {"article": article}) if article else "",
        read_next=render_to_string(
            "articles/_read_next.html", {"read_next": read_next(article or match, now=now)}
        ),
        game_history=render_to_string(
            "fixtures_app/_game_history.html", {"history": game_history(match, tz=tz)}
        ),
        todays_games=render_to_string(
            "fixtures_app/_todays_games.html", {"todays_games": todays_games(day=day, tz=tz)}
        ),
    )
