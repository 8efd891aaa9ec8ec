"""Loads the demo: the seed's tie, a finished league round, and a Premier League season up to today.

Safe to run again: what exists is left as it is; only the fixtures placed around today
are placed anew, and only once they have gone stale.
"""

import datetime as dt
import json
import zoneinfo
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction
from django.utils.text import slugify

from demo import europa_league, fixture_list, league_round, matchday, premier_league, season, seed_tie, today
from demo.articles import load_articles
from demo.builders import add_lineup, ensure_players, ensure_team, ensure_venue, play, record_stats, whistles
from demo.premier_league import CLUBS
from feeds.imports import season_import
from fixtures_app.models import Competition, Match, Season, Stage, Team, Tie
from fixtures_app.services.results import match_record_result
from football.status import Status
from polls.services import poll_create_for_match, poll_seed_votes

EDITOR = ("editor", "matchcentre-demo")
UK = zoneinfo.ZoneInfo("Europe/London")
STALE_AFTER = dt.timedelta(minutes=100)
# The draw of the demo season's fixture list; the same every time, so is the season.
SCHEDULE_SEED = "matchcentre-demo-2026-27"


# The seed page's sidebar: the Europa League 2024/25 league phase after four rounds (to
# 7 November 2024). The file ships with the demo (demo/data/README.md): a fresh clone has no
# ../shared beside it.
LEAGUE_PHASE_FILE = Path(__file__).resolve().parent / "data" / "uefa.el-2024-25.json"
LEAGUE_PHASE_UNTIL = "2024-11-07"


def load_demo(*, now: dt.datetime) -> list[str]:
    """Loads what is missing; returns notes on what could not be loaded."""
    with transaction.atomic():
        editor = _editor()
        _seed_tie(editor)
        _league_round()
        _today(now, editor)
        load_articles(now=now)
        return _league_phase()


def _league_phase() -> list[str]:
    if not LEAGUE_PHASE_FILE.is_file():
        return [f"No League Phase table: {LEAGUE_PHASE_FILE} is missing (it ships with the project)."]
    data = json.loads(LEAGUE_PHASE_FILE.read_text(encoding="utf-8"))
    europa_league.clubs_ensure()
    first_four = [
        m for m in data["matches"] if m["round"] == "League phase" and m["date"] <= LEAGUE_PHASE_UNTIL
    ]
    season_import(
        data={**data, "matches": first_four},
        competition_name="UEFA Europa League",
        season_name="2024/25",
        rules="uefa-league-phase",
        zone="Europe/Paris",
    )
    return []


def _editor() -> User:
    group, _ = Group.objects.get_or_create(name="editors")
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=["fixtures_app", "polls"]))
    user, created = User.objects.get_or_create(username=EDITOR[0], defaults={"is_staff": True})
    if created:
        user.set_password(EDITOR[1])
        user.save()
    user.groups.add(group)
    return user


def _stage(competition: str, season: str, stage: str, **options) -> Stage:
    comp, _ = Competition.objects.get_or_create(
        slug=slugify(competition),
        defaults={
            "name": competition,
            **{key: options.pop(key) for key in ("kind", "rules", "short_name", "sport") if key in options},
        },
    )
    season_obj, _ = Season.objects.get_or_create(
        competition=comp,
        slug=season.replace("/", "-"),
        defaults={"name": season, "rules": options.pop("season_rules", "")},
    )
    return Stage.objects.get_or_create(
        season=season_obj, slug=slugify(stage), defaults={"name": stage, **options}
    )[0]


def _seed_tie(editor: User) -> None:
    stage = _stage(
        "UEFA Europa League",
        "2023/24",
        "Quarter-finals",
        short_name="Europa League",
        kind=Competition.Kind.LEAGUE_PHASE,
        rules="uefa-league-phase",
        season_rules="uefa-group",
        order=5,
    )
    stage.kind = Stage.Kind.KNOCKOUT
    stage.save(update_fields=["kind"])
    teams = {
        name: ensure_team(
            name,
            short_name=info["short_name"],
            code=info["code"],
            country=info["country"],
            colours=info["colours"],
        )
        for name, info in seed_tie.TEAMS.items()
    }
    if Match.objects.filter(stage=stage, home_team=teams["Atalanta"], away_team=teams["Liverpool"]).exists():
        return
    players = {}
    for squad in seed_tie.PLAYERS.values():
        players.update(ensure_players(squad))
    tie = Tie.objects.create(stage=stage)
    for leg, spec in ((1, seed_tie.FIRST_LEG), (2, seed_tie.SECOND_LEG)):
        venue = ensure_venue(spec["venue"], **seed_tie.VENUES[spec["venue"]])
        match = Match.objects.create(
            stage=stage,
            tie=tie,
            leg=leg,
            home_team=teams[spec["home"]],
            away_team=teams[spec["away"]],
            venue=venue,
            kickoff=dt.datetime.fromisoformat(spec["kickoff"]),
            referee=spec["referee"],
            attendance=spec.get("attendance"),
            round_name="",
            home_formation=seed_tie.FORMATIONS[leg][spec["home"]],
            away_formation=seed_tie.FORMATIONS[leg][spec["away"]],
        )
        for team_name, lineup in spec["lineups"].items():
            add_lineup(match, teams[team_name], lineup, players, seed_tie.SHIRT_NUMBERS[team_name])
        play(
            match, spec, teams=teams, players=players, until=match.kickoff + dt.timedelta(hours=3), by=editor
        )
    second_leg = Match.objects.get(tie=tie, leg=2)
    _seed_poll(second_leg)
    # The report's one figure: Liverpool had 0.11 xG from two shots in the second half.
    record_stats(
        second_leg,
        at=whistles(second_leg.kickoff, seed_tie.SECOND_LEG["added_time"])[2],
        team=teams["Liverpool"],
        period=2,
        shots=2,
        expected_goals=Decimal("0.11"),
    )


def _seed_poll(match: Match) -> None:
    """The seed's "How you voted": 122 for Atalanta, 269 for Liverpool (31.2% / 68.8%, 391 votes)."""
    poll = poll_create_for_match(match=match, options=[("home", "Atalanta BC"), ("away", "Liverpool")])
    poll_seed_votes(poll=poll, counts={"home": 122, "away": 269}, now=match.kickoff - dt.timedelta(hours=1))


def _league_round() -> None:
    info = league_round.SEASON
    stage = _stage(info["competition"], info["season"], "League", rules="premier-league")
    kickoff = dt.datetime.fromisoformat(league_round.KICKOFF)
    for home, home_goals, away_goals, away in league_round.RESULTS:
        home_team, away_team = (_league_team(name) for name in (home, away))
        match, created = Match.objects.get_or_create(
            stage=stage,
            home_team=home_team,
            away_team=away_team,
            defaults={"kickoff": kickoff, "round_name": info["round"]},
        )
        if created:
            match_record_result(match=match, home_score=home_goals, away_score=away_goals)


def _league_team(name: str) -> Team:
    short_name, code, primary, secondary = league_round.TEAMS[name]
    return ensure_team(
        name, short_name=short_name, code=code, country="England", colours=(primary, secondary)
    )


def _today(now: dt.datetime, editor: User) -> None:
    """The Premier League 2026/27 up to today, placed anew around `now` once it has gone stale."""
    stage = _stage(premier_league.SEASON["competition"], premier_league.SEASON["season"], "League")
    if not _stale(stage, now):
        return
    Match.objects.filter(stage=stage).delete()
    teams, grounds = season.clubs_ensure(), season.grounds_ensure()
    squads = season.squads_ensure(stage, teams)
    big_two = [(spec["home"], spec["away"]) for spec in (today.LIVE_MATCH, today.UPCOMING)]
    rounds = fixture_list.fixture_list(list(CLUBS), fixed=big_two, matchday=12, seed=SCHEDULE_SEED)
    live = matchday.live_match_place(stage, teams, squads, now, editor)
    matchday.season_so_far_write(
        stage, rounds, now, live.kickoff, teams=teams, grounds=grounds, squads=squads
    )
    matchday.upcoming_match_place(stage, teams, now)
    _other_sport(now)


def _stale(stage: Stage, now: dt.datetime) -> bool:
    live = Match.objects.filter(
        stage=stage, round_name=premier_league.SEASON["round"], home_team__name=today.LIVE_MATCH["home"]
    ).first()
    return live is None or now - live.kickoff > STALE_AFTER


def _other_sport(now: dt.datetime) -> None:
    spec = today.OTHER_SPORT
    season_name, week = fixture_list.nfl_week(now.astimezone(UK).date())
    stage = _stage(
        spec["competition"], season_name, spec["stage"], sport=spec["sport"], rules="premier-league"
    )
    # Last time's slate goes, with any stage an older demo named otherwise (`Week 12`).
    Stage.objects.filter(season__competition=stage.season.competition).exclude(pk=stage.pk).delete()
    Match.objects.filter(stage=stage).delete()
    for name, (short_name, code, primary, secondary) in spec["teams"].items():
        ensure_team(
            name,
            short_name=short_name,
            code=code,
            country="USA",
            colours=(primary, secondary),
            sport=spec["sport"],
        )
    for (hour, minute), away, home in spec["games"]:
        Match.objects.create(
            stage=stage,
            home_team=Team.objects.get(name=home),
            away_team=Team.objects.get(name=away),
            kickoff=matchday.uk_time(now, hour, minute),
            round_name=f"Week {week}",
            status=Status.SCHEDULED,
        )
