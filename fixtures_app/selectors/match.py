"""The match page's read payload, built once and shared by the page and the live updates."""

import datetime as dt
from dataclasses import dataclass, field

from fixtures_app.models import LineupEntry, Match, MatchEvent
from fixtures_app.models.competition import Competition, Sport, Stage
from fixtures_app.selectors.facts import event_facts
from fixtures_app.selectors.player_links import linked_summary, linked_timeline, player_urls
from fixtures_app.selectors.posts import with_posts
from fixtures_app.selectors.stats import StatsSection, match_stats
from football import matchups, scoring, ties
from football.clock import clock_display, minute_label
from football.events import EventFact, EventKind, Side
from football.scoreboard import status_line
from football.status import FINISHED, NOT_STARTED, Status
from football.summary import SideSummary, key_events
from football.timeline import TimelineEntry, timeline

LEG_LABELS: dict[int | None, str] = {1: "1st Leg", 2: "2nd Leg"}


@dataclass(frozen=True)
class LineupRow:
    entry: LineupEntry
    notes: tuple[str, ...]


@dataclass(frozen=True)
class SideView:
    side: Side
    team: object
    score: int | None
    summary: SideSummary
    starters: list[LineupRow] = field(default_factory=list)
    bench: list[LineupRow] = field(default_factory=list)


@dataclass(frozen=True)
class MatchPage:
    match: Match
    leg_label: str
    clock: str
    status_line: str
    home: SideView
    away: SideView
    aggregate_line: str
    timeline: list[TimelineEntry]
    has_lineups: bool
    stats: list[StatsSection]
    facts: list[EventFact] = field(default_factory=list)
    # False for another sport's game: the page then shows its header and score, none of
    # football's stats, line-ups, minute-by-minute, clock or table.
    football: bool = True


def match_for_page(pk: int) -> Match:
    return Match.objects.with_teams().select_related("tie").get(pk=pk)


def is_football(match: Match) -> bool:
    """Whether the match (its competition selected with it) is football, whose furniture it shows."""
    return match.stage.season.competition.sport == Sport.FOOTBALL


def match_heading(match: Match) -> str:
    """The match as its sport writes it: `Arsenal v Chelsea`, `Minnesota Vikings @ Chicago Bears`."""
    sport = match.stage.season.competition.sport
    return matchups.matchup(sport, match.home_team.name, match.away_team.name)


def match_title(match: Match) -> str:
    """The match with its score once it has one: `Arsenal 2-1 Chelsea`, `Vikings 17 @ Bears 20`."""
    if match.home_score is None or match.away_score is None:
        return match_heading(match)
    sport = match.stage.season.competition.sport
    home, away = match.home_team.name, match.away_team.name
    return matchups.result_line(sport, home, away, match.home_score, match.away_score)


def stage_line(match: Match, leg_label: str) -> str:
    """Where the match stands in its competition: `NFL · Week 12`, each part once; a league
    played as one table needs no stage (`Premier League · Matchday 12`, not `· League ·`)."""
    competition = match.stage.season.competition
    whole_league = competition.kind == Competition.Kind.LEAGUE and match.stage.kind == Stage.Kind.LEAGUE
    parts = [competition.name, "" if whole_league else match.stage.name, leg_label, match.round_name]
    return " · ".join(part for i, part in enumerate(parts) if part and part not in parts[:i])


def match_page(match: Match, *, now: dt.datetime) -> MatchPage:
    events = list(MatchEvent.objects.filter(match=match).with_people().in_match_order())
    facts = event_facts(match, events)
    # Every name under the score and in the timeline links to the player's page.
    urls = player_urls(events)
    summaries = {side: linked_summary(summary, urls) for side, summary in key_events(facts).items()}
    football = is_football(match)
    # Another sport's game has no football clock: its minute would be a football minute.
    clock = clock_display(Status(match.status), match.period_started_at, now) if football else ""
    lineup = list(LineupEntry.objects.filter(match=match).select_related("player"))
    notes = _player_notes(facts)
    entries = timeline(
        facts,
        {Side.HOME: match.home_team.name, Side.AWAY: match.away_team.name},
        {e.pk: e.text for e in events},
    )
    return MatchPage(
        match=match,
        leg_label=LEG_LABELS.get(match.leg, ""),
        clock=clock,
        status_line=_status_line(match, clock, facts) if football else _plain_status_line(match),
        home=_side(match, Side.HOME, summaries, lineup, notes),
        away=_side(match, Side.AWAY, summaries, lineup, notes),
        aggregate_line=aggregate_line(match),
        timeline=list(reversed(with_posts(linked_timeline(entries, facts, urls), events))),
        has_lineups=bool(lineup),
        stats=match_stats(match, facts),
        facts=facts,
        football=football,
    )


def _plain_status_line(match: Match) -> str:
    """Another sport's status under its score: `Final` once over, `Live` while in play."""
    status = Status(match.status)
    if status in FINISHED:
        return "Final"
    if status in NOT_STARTED or status in (Status.SUSPENDED, Status.ABANDONED):
        return match.status_label
    return "Live"


def _status_line(match: Match, clock: str, facts: list[EventFact]) -> str:
    return status_line(
        status=Status(match.status),
        clock=clock,
        score=_score(match.home_score, match.away_score),
        half_time=_score(match.home_half_time_score, match.away_half_time_score),
        normal_time=_score(match.home_normal_time_score, match.away_normal_time_score),
        penalties=_score(match.home_penalties, match.away_penalties),
    )


def _score(home: int | None, away: int | None) -> scoring.Score | None:
    return None if home is None or away is None else scoring.Score(home, away)


def _side(match, side, summaries, lineup, notes) -> SideView:
    team = match.home_team if side is Side.HOME else match.away_team
    rows = [
        LineupRow(entry, tuple(notes.get(entry.player_id, ())))
        for entry in lineup
        if entry.team_id == team.pk
    ]
    return SideView(
        side=side,
        team=team,
        score=match.home_score if side is Side.HOME else match.away_score,
        summary=summaries[side],
        starters=[row for row in rows if row.entry.starter],
        bench=[row for row in rows if not row.entry.starter],
    )


NOTE_TEXT = {
    EventKind.YELLOW: "booked",
    EventKind.SECOND_YELLOW: "sent off (2nd yellow)",
    EventKind.RED: "sent off",
}


def _player_notes(facts: list[EventFact]) -> dict[int, list[str]]:
    """What each player did, as a line-up shows it: goals, cards, on and off."""
    cancelled = scoring.reversed_ids(facts)
    notes: dict[int, list[str]] = {}
    for fact in facts:
        if fact.id in cancelled or fact.period == 5:
            continue
        when = minute_label(fact.minute, fact.added_minute)
        if fact.kind is EventKind.GOAL and fact.player_id:
            label = "o.g." if fact.goal_type == "own_goal" else "goal"
            notes.setdefault(fact.player_id, []).append(f"{label} {when}")
        elif fact.kind in NOTE_TEXT and fact.player_id:
            notes.setdefault(fact.player_id, []).append(f"{NOTE_TEXT[fact.kind]} {when}")
        elif fact.kind is EventKind.SUBSTITUTION:
            for player_id, note in ((fact.player_id, "off"), (fact.player_in_id, "on")):
                if player_id is not None:
                    notes.setdefault(player_id, []).append(f"{note} {when}")
    return notes


def aggregate_line(match: Match) -> str:
    """The tie's aggregate for the leg shown, e.g. "Atalanta win 3-1 on aggregate"."""
    if match.tie_id is None or match.leg is None or match.home_score is None or match.tie is None:
        return ""
    legs = {leg.leg: leg for leg in match.tie.legs.select_related("home_team", "away_team")}
    first, second = legs.get(1), legs.get(2)
    first_leg = _leg(first) if first is not None else None
    second_leg = _leg(second) if second is not None else None
    if second is None or first_leg is None or second_leg is None:
        return ""
    outcome = ties.tie_outcome(
        first_leg,
        second_leg,
        away_goals_rule=match.tie.away_goals_rule,
        second_leg_finished=second.is_finished,
    )
    return outcome.line


def _leg(match: Match) -> ties.LegResult | None:
    """The leg's result; None before it has one."""
    if match.home_score is None or match.away_score is None:
        return None
    return ties.LegResult(
        match.home_team.name,
        match.away_team.name,
        match.home_score,
        match.away_score,
        match.home_penalties,
        match.away_penalties,
    )
