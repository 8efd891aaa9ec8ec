"""Run by bench/pages.py in the server's environment: two bench matches in play, one with 10
events and one with 60 (goals, cards, substitutions, commentary), and each page's database
queries counted in process: rendered (a reader's own page), kept (an anonymous reader's page from
the cache of whole pages) and a conditional GET answered 304. Empties the bench's cache first, so
that no page of an earlier run is kept. Prints one line of JSON.

Usage: python bench/page_data.py <live match path>
"""

import datetime as dt
import json
import sys

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from fixtures_app.models import LineupEntry, Match, Player, Team  # noqa: E402
from fixtures_app.selectors.tables import table_stage_for_match  # noqa: E402
from fixtures_app.services.events import match_record_event  # noqa: E402
from fixtures_app.services.status import match_change_status  # noqa: E402
from polls.services import poll_create_for_match  # noqa: E402

SIZES = (10, 60)


def bench_match(events: int, *, now: dt.datetime) -> Match:
    """A match in its second half with `events` events, made once (placed anew when stale)."""
    home, away = (_team(f"Bench {side} {events}") for side in ("Home", "Away"))
    live = Match.objects.football().in_play().exclude(home_team__name__startswith="Bench").first()
    match = Match.objects.filter(
        home_team=home, away_team=away, kickoff__gte=now - dt.timedelta(minutes=100)
    ).first()
    if match is not None and match.events.count() >= events:
        return match
    Match.objects.filter(home_team=home, away_team=away).delete()
    kickoff = now - dt.timedelta(minutes=70)
    match = Match.objects.create(stage=live.stage, home_team=home, away_team=away, kickoff=kickoff)
    squads = {team: _squad(match, team) for team in (home, away)}
    poll_create_for_match(match=match, closes_at=kickoff)
    match_change_status(match=match, status="first_half", at=kickoff)
    match_change_status(match=match, status="half_time", at=kickoff + dt.timedelta(minutes=47))
    match_change_status(match=match, status="second_half", at=kickoff + dt.timedelta(minutes=62))
    for n, (kind, minute, team, player, player_in) in enumerate(_events(events, squads)):
        match_record_event(
            match=match,
            kind=kind,
            minute=minute,
            team=team,
            player=player,
            player_in=player_in,
            text=f"Bench event {n}: a long ball forward, cleared.",
        )
    return match


def _team(name: str) -> Team:
    return Team.objects.get_or_create(name=name, defaults={"slug": name.lower().replace(" ", "-")})[0]


def _squad(match: Match, team: Team) -> list[Player]:
    players = []
    for number in range(1, 19):
        player = Player.objects.create(
            name=f"{team.name} Player {number}", known_as=f"{team.name[:9]} {number}"
        )
        LineupEntry.objects.create(match=match, team=team, player=player, starter=number <= 11, order=number)
        players.append(player)
    return players


def _events(count: int, squads: dict[Team, list[Player]]):
    """Goals, yellow cards and substitutions in proportion, commentary for the rest, in match order."""
    (home, home_players), (away, away_players) = squads.items()
    special = max(1, count // 10)
    plan = []
    for n in range(special):
        team, players = (home, home_players) if n % 2 == 0 else (away, away_players)
        plan += [
            ("goal", team, players[n % 11], None),
            ("yellow", team, players[(n + 5) % 11], None),
            ("substitution", team, players[1 + n // 2], players[11 + n // 2]),
        ]
    plan = plan[: min(count, len(plan))]
    plan += [("commentary", None, None, None)] * (count - len(plan))
    minutes = [1 + (n * 88) // count for n in range(count)]
    return [
        (kind, minute, team, player, player_in)
        for minute, (kind, team, player, player_in) in zip(minutes, plan, strict=True)
    ]


def queries(path: str) -> dict[str, int]:
    """Database queries of one request of the page, in process, caches warm: rendered for a fan
    who voted (a page of their own), kept for an anonymous reader, and a 304."""
    anonymous, voter = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    voter.cookies["voter"] = "bench-voter"
    etag = anonymous.get(path)["ETag"]
    voter.get(path)
    return {
        "rendered": _counted(voter, path, {}, 200),
        "kept": _counted(anonymous, path, {}, 200),
        "304": _counted(anonymous, path, {"HTTP_IF_NONE_MATCH": etag}, 304),
    }


def _counted(client: Client, path: str, headers: dict, status: int) -> int:
    count = 0

    def counting(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        assert client.get(path, **headers).status_code == status
    return count


def table_path(match: Match) -> str:
    """The table page of the season whose table the seed's page shows beside the match."""
    season = table_stage_for_match(match).season
    return reverse("fixtures_app:table", args=[season.competition.slug, season.slug])


def main() -> None:
    cache.clear()
    now = timezone.now()
    live_path = sys.argv[1]
    matches = {size: bench_match(size, now=now) for size in SIZES}
    seed = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool", leg=2)
    paths = {
        "home": "/",
        "seed": seed.get_absolute_url(),
        "table": table_path(seed),
        "live": live_path,
        **{f"events{size}": match.get_absolute_url() for size, match in matches.items()},
    }
    events = {f"events{size}": match.events.count() for size, match in matches.items()}
    print(
        json.dumps(
            {"paths": paths, "events": events, "queries": {name: queries(p) for name, p in paths.items()}}
        )
    )


if __name__ == "__main__":
    main()
