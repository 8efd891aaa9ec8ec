"""Today's Matchday 12 of the demo's Premier League, and the season up to it: the match in play
(played event by event through the editors' services), the one to come, the rest of the round
around them, the eleven matchdays before and the one after."""

import datetime as dt
import zoneinfo
from decimal import Decimal

from django.contrib.auth.models import User

from demo import fixture_list, premier_league, season, today
from demo.builders import add_lineup, ensure_venue, play, record_stats
from fixtures_app.models import Match, Stage, Team
from polls.services import poll_create_for_match, poll_seed_votes

UK = zoneinfo.ZoneInfo("Europe/London")
# A game of Matchday 12 that kicked off this long ago is over: it is shown played.
FINISHED_AFTER = dt.timedelta(hours=2)


def season_so_far_write(
    stage: Stage, rounds: list[list[tuple[str, str]]], now: dt.datetime, live_kickoff: dt.datetime, **known
) -> None:
    """Matchdays 1 to 11 played, the rest of Matchday 12 around the match in play, Matchday 13 to come."""
    first_days = fixture_list.first_days(now.astimezone(UK).date())
    played: list[season.Fixture] = []
    to_come: list[season.Fixture] = []
    for number, fixtures in enumerate(rounds[:11], start=1):
        kickoffs = fixture_list.round_kickoffs(first_days[number], UK)
        played += [
            (home, away, kickoff, f"Matchday {number}")
            for (home, away), kickoff in zip(fixtures, kickoffs, strict=True)
        ]
    for (home, away), kickoff in zip(
        rounds[11][2:], fixture_list.todays_kickoffs(live_kickoff, now, UK), strict=True
    ):
        finished = kickoff + FINISHED_AFTER <= now
        (played if finished else to_come).append((home, away, kickoff, premier_league.SEASON["round"]))
    kickoffs = fixture_list.round_kickoffs(first_days[13], UK)
    to_come += [
        (home, away, kickoff, "Matchday 13")
        for (home, away), kickoff in zip(rounds[12], kickoffs, strict=True)
    ]
    season.matches_played_write(stage, played, **known)
    season.matches_scheduled_write(stage, to_come, teams=known["teams"], grounds=known["grounds"])


def live_match_place(
    stage: Stage, teams: dict[str, Team], squads: season.Squads, now: dt.datetime, editor: User
) -> Match:
    """Arsenal v Chelsea, kicked off `minutes_ago` and played through the services up to `now`."""
    spec = today.LIVE_MATCH
    players = {**squads[spec["home"]], **squads[spec["away"]]}
    kickoff = (now - dt.timedelta(minutes=spec["minutes_ago"])).replace(second=0, microsecond=0)
    venue = ensure_venue("Emirates Stadium", city="London", country="England", timezone="Europe/London")
    match = Match.objects.create(
        stage=stage,
        home_team=teams[spec["home"]],
        away_team=teams[spec["away"]],
        kickoff=kickoff,
        venue=venue,
        round_name=premier_league.SEASON["round"],
        referee="Michael Oliver",
        home_formation=spec["formations"][spec["home"]],
        away_formation=spec["formations"][spec["away"]],
    )
    numbers = {
        p.known_as: p.shirt_number
        for club in (spec["home"], spec["away"])
        for p in premier_league.squads()[club]
    }
    for team_name, lineup in spec["lineups"].items():
        add_lineup(match, teams[team_name], lineup, squads[team_name], numbers)
    poll = poll_create_for_match(match=match)
    poll_seed_votes(
        poll=poll, counts={"home": 58, "draw": 21, "away": 44}, now=kickoff - dt.timedelta(hours=1)
    )
    play(match, spec, teams=teams, players=players, until=now, by=editor)
    for team_name, figures in spec["first_half_stats"].items():
        shots, on_target, expected_goals, possession = figures
        record_stats(
            match,
            # Entered once the first half's figures were in, while the second half went on.
            at=now,
            team=teams[team_name],
            period=1,
            shots=shots,
            shots_on_target=on_target,
            expected_goals=Decimal(expected_goals),
            possession=possession,
            by=editor,
        )
    return match


def upcoming_match_place(stage: Stage, teams: dict[str, Team], now: dt.datetime) -> None:
    """Liverpool v Manchester City at 20:00 UK time today, or tomorrow if that is too close."""
    spec = today.UPCOMING
    kickoff = uk_time(now, *spec["uk_time"])
    if kickoff < now + dt.timedelta(minutes=30):
        kickoff += dt.timedelta(days=1)
    venue = ensure_venue("Anfield", city="Liverpool", country="England", timezone="Europe/London")
    match = Match.objects.create(
        stage=stage,
        home_team=teams[spec["home"]],
        away_team=teams[spec["away"]],
        kickoff=kickoff,
        venue=venue,
        round_name=premier_league.SEASON["round"],
    )
    poll_create_for_match(match=match)


def uk_time(now: dt.datetime, hour: int, minute: int) -> dt.datetime:
    return now.astimezone(UK).replace(hour=hour, minute=minute, second=0, microsecond=0).astimezone(dt.UTC)
