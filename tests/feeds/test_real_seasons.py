"""Real seasons from ../shared/data: imported, the real final tables come out."""

import json
from pathlib import Path

import pytest

from feeds.imports import season_import
from fixtures_app.models import Match, Season, Stage, Team, Tie
from fixtures_app.selectors.tables import season_table
from fixtures_app.services.deductions import team_deduct_points
from football import ties

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
OPENFOOTBALL = DATA / "openfootball"

pytestmark = [
    pytest.mark.needs_data,
    pytest.mark.django_db,
    pytest.mark.skipif(not OPENFOOTBALL.is_dir(), reason=f"the real data folder {OPENFOOTBALL} is absent"),
]

PREMIER_LEAGUE_2023_24 = [
    ("Manchester City FC", 91),
    ("Arsenal FC", 89),
    ("Liverpool FC", 82),
    ("Aston Villa FC", 68),
    ("Tottenham Hotspur FC", 66),
    ("Chelsea FC", 63),
    ("Newcastle United FC", 60),
    ("Manchester United FC", 60),
    ("West Ham United FC", 52),
    ("Crystal Palace FC", 49),
    ("Brighton & Hove Albion FC", 48),
    ("AFC Bournemouth", 48),
    ("Fulham FC", 47),
    ("Wolverhampton Wanderers FC", 46),
    ("Everton FC", 40),
    ("Brentford FC", 39),
    ("Nottingham Forest FC", 32),
    ("Luton Town FC", 26),
    ("Burnley FC", 24),
    ("Sheffield United FC", 16),
]
LA_LIGA_2023_24 = [
    ("Real Madrid CF", 95),
    ("FC Barcelona", 85),
    ("Girona FC", 81),
    ("Club Atlético de Madrid", 76),
    ("Athletic Club", 68),
    ("Real Sociedad de Fútbol", 60),
    ("Real Betis Balompié", 57),
    ("Villarreal CF", 53),
    ("Valencia CF", 49),
    ("Deportivo Alavés", 46),
    ("CA Osasuna", 45),
    ("Getafe CF", 43),
    # Level on 41: Celta above Sevilla on head-to-head, though Sevilla's goal difference is better.
    ("RC Celta de Vigo", 41),
    ("Sevilla FC", 41),
    # Level on 40: Mallorca above Las Palmas on head-to-head.
    ("RCD Mallorca", 40),
    ("UD Las Palmas", 40),
    ("Rayo Vallecano de Madrid", 38),
    ("Cádiz CF", 33),
    # Level on 21: Almería above Granada on head-to-head, though Granada's goal difference is better.
    ("UD Almería", 21),
    ("Granada CF", 21),
]


def load(name: str) -> dict:
    return json.loads((OPENFOOTBALL / name).read_text(encoding="utf-8"))


def run(data: dict, competition: str, season: str, rules: str, zone: str):
    return season_import(data=data, competition_name=competition, season_name=season, rules=rules, zone=zone)


def standings_of(competition_slug: str, season_slug: str, stage: str | None = None) -> list[tuple[str, int]]:
    return [(row.team, row.points) for row in season_table(competition_slug, season_slug, stage).rows]


def test_premier_league_2023_24_with_its_deductions_gives_the_real_final_table():
    report = run(load("en.1-2023-24.json"), "Premier League", "2023/24", "premier-league", "Europe/London")
    assert (report.created, report.problems) == (380, ())
    season = Season.objects.get(slug="2023-24", competition__slug="premier-league")
    for club, points in (("Everton FC", 8), ("Nottingham Forest FC", 4)):
        team = Team.objects.get(name=club)
        team_deduct_points(season=season, team=team, points=points, reason="Profit and sustainability rules")
    assert standings_of("premier-league", "2023-24") == PREMIER_LEAGUE_2023_24
    table = season_table("premier-league", "2023-24")
    assert [row.position for row in table.rows] == list(range(1, 21))
    assert all(row.played == 38 for row in table.rows)


def test_la_liga_2023_24_gives_the_real_final_table_with_head_to_head():
    run(load("es.1-2023-24.json"), "La Liga", "2023/24", "la-liga", "Europe/Madrid")
    assert standings_of("la-liga", "2023-24") == LA_LIGA_2023_24


def test_europa_league_2024_25_league_phase_after_four_rounds():
    data = load("uefa.el-2024-25.json")
    first_four = [m for m in data["matches"] if m["round"] == "League phase" and m["date"] <= "2024-11-07"]
    run({**data, "matches": first_four}, "Europa League", "2024/25", "uefa-league-phase", "Europe/Paris")
    stage = Stage.objects.get(season__slug="2024-25")
    rounds = sorted(set(Match.objects.filter(stage=stage).values_list("round_name", flat=True)))
    assert rounds == ["Matchday 1", "Matchday 2", "Matchday 3", "Matchday 4"]
    table = season_table("europa-league", "2024-25")
    rows = table.rows
    assert len(rows) == 36
    assert all(row.played == 4 for row in rows)
    assert [(r.position, r.team, r.played, r.won, r.drawn, r.lost, r.points) for r in (rows[0], rows[1])] == [
        (1, "Lazio Roma", 4, 4, 0, 0, 12),
        (2, "AFC Ajax", 4, 3, 1, 0, 10),
    ]
    assert (rows[-1].position, rows[-1].team, rows[-1].points) == (36, "Dinamo Kiev", 0)
    # Ajax, Galatasaray, Frankfurt, Anderlecht and Athletic on 10: goal difference, then goals scored.
    assert [r.team for r in rows[1:6]] == [
        "AFC Ajax",
        "Galatasaray",
        "Eintracht Frankfurt",
        "RSC Anderlecht",
        "Athletic Club",
    ]
    assert [row.position for row in rows] == list(range(1, 37))


def test_europa_league_2024_25_whole_league_phase_follows_uefa_order():
    run(load("uefa.el-2024-25.json"), "Europa League", "2024/25", "uefa-league-phase", "Europe/Paris")
    rows = season_table("europa-league", "2024-25").rows
    assert [(r.team, r.points) for r in rows[:3]] == [
        ("Lazio Roma", 19),
        ("Athletic Club", 19),
        ("Manchester United", 18),
    ]
    assert [r.team for r in rows[-2:]] == ["OGC Nice", "Qarabağ FK"]
    for above, below in zip(rows, rows[1:], strict=False):
        assert (above.points, above.goal_difference, above.goals_for) >= (
            below.points,
            below.goal_difference,
            below.goals_for,
        )


def test_importing_again_changes_nothing():
    data = load("uefa.el-2023-24.json")
    run(data, "Europa League", "2023/24", "uefa-group", "Europe/Paris")
    counts = (Match.objects.count(), Team.objects.count(), Stage.objects.count(), Tie.objects.count())
    report = run(data, "Europa League", "2023/24", "uefa-group", "Europe/Paris")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 141)
    assert (Match.objects.count(), Team.objects.count(), Stage.objects.count(), Tie.objects.count()) == counts


def test_europa_league_2023_24_two_legged_quarter_final_sends_atalanta_through():
    run(load("uefa.el-2023-24.json"), "Europa League", "2023/24", "uefa-group", "Europe/Paris")
    legs = list(
        Match.objects.filter(stage__name="Quarter-finals", tie__legs__home_team__name="Atalanta").distinct()
    )
    first, second = sorted(legs, key=lambda m: m.leg)
    assert (first.home_team.name, first.home_score, first.away_score) == ("Liverpool FC", 0, 3)
    assert (second.home_team.name, second.home_score, second.away_score, second.tie_id) == (
        "Atalanta",
        0,
        1,
        first.tie_id,
    )
    assert second.kickoff.isoformat() == "2024-04-18T19:00:00+00:00"
    outcome = ties.tie_outcome(leg_result(first), leg_result(second))
    assert outcome.line == "Atalanta win 3-1 on aggregate"
    assert (
        Tie.objects.filter(stage__season__slug="2023-24").count() == 8 + 8 + 4 + 2
    )  # play-offs to semi-finals


def test_europa_league_2023_24_groups_spelled_either_way_become_eight_groups():
    run(load("uefa.el-2023-24.json"), "Europa League", "2023/24", "uefa-group", "Europe/Paris")
    groups = Stage.objects.filter(kind=Stage.Kind.GROUP).values_list("name", flat=True)
    assert list(groups) == [f"Group {letter}" for letter in "ABCDEFGH"]
    assert [team for team, _ in standings_of("europa-league", "2023-24", "group-f")] == [
        "Villarreal CF",
        "Stade Rennais",
        "Maccabi Haifa",
        "Panathinaikos",
    ]


def leg_result(match: Match) -> ties.LegResult:
    return ties.LegResult(
        match.home_team.name,
        match.away_team.name,
        match.home_score,
        match.away_score,
        match.home_penalties,
        match.away_penalties,
    )
