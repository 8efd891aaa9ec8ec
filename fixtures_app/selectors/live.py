"""What fans' pages receive live: the state of the match and the timeline entries that
changed, rendered once with the page's own templates and sent to every fan alike."""

import datetime as dt

from django.template.loader import render_to_string

from fixtures_app.models import Match
from fixtures_app.selectors.chart import match_chart, stat_lines
from fixtures_app.selectors.match import MatchPage, match_for_page, match_page
from fixtures_app.selectors.tables import stage_table
from football import matchups
from football.events import CARD_KINDS, EventKind
from football.timeline import TimelineEntry

ANNOUNCED = frozenset({"goal", "own_goal", "red", "second_yellow"})
LINEUP_KINDS = frozenset({*ANNOUNCED, "yellow", "substitution"})
SCORE_CHANGING = frozenset({"event_corrected", "event_deleted", "status_changed"})
# Events that change the card counts of the stats panel: a card, or a VAR decision that may cancel one.
CARD_COUNT_KINDS = frozenset({*CARD_KINDS, EventKind.VAR})
# Changes the match-flow chart draws: goals, sendings-off, substitutions, VAR reversals.
CHART_KINDS = frozenset({"goal", "second_yellow", "red", "substitution", "var"})
CHART_CHANGES = frozenset({"event_deleted", "status_changed", "stats_changed"})
PERIOD_KINDS = frozenset({EventKind.PERIOD_START, EventKind.PERIOD_END})


def live_state(page: MatchPage) -> dict:
    match = page.match
    # Without a start, the page's clock does not tick: another sport's minute is no football minute.
    started = match.period_started_at if page.football else None
    return {
        "status": match.status,
        "status_label": match.status_label,
        "score": None if match.home_score is None else [match.home_score, match.away_score],
        "status_line": page.status_line,
        "period_started_at": started.isoformat() if started else None,
        "scoreboard_html": render_to_string("fixtures_app/_scoreboard.html", _scoreboard(page)),
    }


def _scoreboard(page: MatchPage) -> dict:
    """The scoreboard's sides and score in the order its sport writes them: US sports put the
    visitors first (`Vikings 17 @ Bears 20`), football the home side."""
    match = page.match
    sides, scores = (page.home, page.away), (match.home_score, match.away_score)
    if match.stage.season.competition.sport in matchups.AWAY_FIRST_SPORTS:
        sides, scores = sides[::-1], scores[::-1]
    return {"page": page, "match": match, "sides": sides, "scores": scores}


def entry_html(page: MatchPage, entry: TimelineEntry) -> str:
    return render_to_string("fixtures_app/_timeline_entry.html", {"entry": entry, "match": page.match})


def snapshot(match: Match, *, now: dt.datetime) -> dict:
    page = match_page(match_for_page(match.pk), now=now)
    return {
        "type": "snapshot",
        "match": match.pk,
        "seq": match.seq,
        "state": live_state(page),
        "entries": {str(entry.event_id): entry_html(page, entry) for entry in page.timeline},
        "order": [entry.event_id for entry in page.timeline],
        "lineups_html": lineups_html(page),
        "stats_html": stats_html(page),
        "chart_html": chart_html(page, now=now),
    }


def change_message(
    match: Match, *, kind: str, seq: int, event_id: int | None, event_kind: str, now: dt.datetime
) -> dict:
    """The message for one change: new state, changed entries, the timeline's new order."""
    page = match_page(match_for_page(match.pk), now=now)
    touched = _touched_entries(page.timeline, event_id, kind)
    message = {
        "type": kind,
        "match": match.pk,
        "seq": seq,
        "event_id": event_id,
        "state": live_state(page),
        "entries": {str(entry.event_id): entry_html(page, entry) for entry in touched},
        "order": [entry.event_id for entry in page.timeline],
    }
    this = next((entry for entry in page.timeline if entry.event_id == event_id), None)
    if this and kind == "event_added" and this.kind in ANNOUNCED and not this.reversed:
        message["announce"] = _announcement(page, this)
    if event_kind in LINEUP_KINDS or kind in ("event_deleted", "lineups_changed"):
        message["lineups_html"] = lineups_html(page)
    if kind == "stats_changed" or event_kind in CARD_COUNT_KINDS or kind == "event_deleted":
        message["stats_html"] = stats_html(page)
    if event_kind in CHART_KINDS or kind in CHART_CHANGES:
        message["chart_html"] = chart_html(page, now=now)
    if page.football and match.stage.has_table and (event_kind == "goal" or kind in SCORE_CHANGING):
        message["table_html"] = table_html(match)
    return message


def table_html(match: Match) -> str:
    """The match's own table, moved by its live score (the provisional table)."""
    table = stage_table(match.stage, highlight=(match.home_team_id, match.away_team_id))
    return render_to_string("fixtures_app/_table.html", {"table": table, "highlight": table.highlight})


def _touched_entries(
    newest_first: list[TimelineEntry], event_id: int | None, kind: str
) -> list[TimelineEntry]:
    """The entries a change may have altered. A new event can move the running score only
    of the goals after it: a goal at the latest minute sends itself, not every goal again."""
    if kind != "event_added":
        return [entry for entry in newest_first if _touched(entry, event_id, kind)]
    position = next((n for n, entry in enumerate(newest_first) if entry.event_id == event_id), 0)
    return [
        entry
        for n, entry in enumerate(newest_first)
        if entry.event_id == event_id
        or entry.reversed
        or entry.kind == "var"
        or (n < position and entry.score_after is not None)
    ]


def _touched(entry: TimelineEntry, event_id: int | None, kind: str) -> bool:
    """The changed event, every goal (their running scores may have moved) or reversal, and on a
    status change the periods' starts and ends (the change added one, which has no event_id)."""
    return (
        entry.event_id == event_id
        or entry.score_after is not None
        or entry.reversed
        or entry.kind == "var"
        or (kind == "status_changed" and entry.kind in PERIOD_KINDS)
    )


def _announcement(page: MatchPage, entry: TimelineEntry) -> str:
    match = page.match
    score = f"{match.home_team.name} {match.home_score}, {match.away_team.name} {match.away_score}."
    if entry.kind in (EventKind.RED, EventKind.SECOND_YELLOW):
        return f"Red card, {entry.minute}: {entry.description}"
    return f"{entry.headline} {entry.minute}: {entry.description} {score}"


def stats_html(page: MatchPage) -> str:
    return render_to_string("fixtures_app/_stats.html", {"page": page, "match": page.match})


def chart_html(page: MatchPage, *, now: dt.datetime | None = None) -> str:
    """The match-flow chart, rendered once per change for every fan."""
    chart = match_chart(page, stat_lines(page.match), now=now)
    return render_to_string("fixtures_app/_match_chart.html", {"chart": chart, "match": page.match})


def lineups_html(page: MatchPage) -> str:
    return render_to_string("fixtures_app/_lineups.html", {"page": page, "sides": (page.home, page.away)})
