"""Tables read from the database: finished and live matches, deductions, the table beside a match."""

import pytest

from fixtures_app.models import PointsDeduction, Stage
from fixtures_app.selectors.tables import (
    StageRequired,
    season_table,
    season_tables,
    stage_table,
    table_for_match,
)
from tests.factories import (
    make_competition,
    make_match,
    make_result,
    make_season,
    make_stage,
    make_team,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def league():
    stage = make_stage(make_season(make_competition("Premier League")), name="League")
    clubs = {name: make_team(name) for name in ("Arsenal", "Chelsea", "Everton", "Luton")}
    make_result(clubs["Arsenal"], clubs["Chelsea"], stage, (2, 0))
    make_result(clubs["Everton"], clubs["Luton"], stage, (1, 1))
    return stage, clubs


def by_team(table) -> dict:
    return {row.team: row for row in table.rows}


def test_table_counts_finished_matches(league):
    stage, _ = league
    table = stage_table(stage)
    assert [(row.position, row.team, row.points) for row in table.rows] == [
        (1, "Arsenal", 3),
        (2, "Everton", 1),
        (2, "Luton", 1),
        (4, "Chelsea", 0),
    ]
    assert (table.provisional, table.rules, table.stage, table.competition) == (
        False,
        "premier-league",
        "League",
        "Premier League",
    )


def test_match_in_play_counts_with_its_current_score_and_makes_the_table_provisional(league):
    stage, clubs = league
    make_match(clubs["Chelsea"], clubs["Luton"], stage, status="second_half", home_score=1, away_score=0)
    table = stage_table(stage)
    assert table.provisional is True
    assert (by_team(table)["Chelsea"].points, by_team(table)["Chelsea"].played) == (3, 2)


@pytest.mark.parametrize("status", ["scheduled", "postponed", "abandoned"])
def test_matches_not_played_out_do_not_count_but_their_clubs_show(league, status):
    stage, _ = league
    newcomers = make_team("Newcomers")
    make_match(
        newcomers, make_team("Others"), stage, status=status, home_score=3 if status == "abandoned" else None
    )
    row = by_team(stage_table(stage))["Newcomers"]
    assert (row.played, row.points) == (0, 0)


def test_season_deductions_come_off_with_their_reason(league):
    stage, clubs = league
    PointsDeduction.objects.create(
        season=stage.season, team=clubs["Arsenal"], points=4, reason="Financial rules"
    )
    table = stage_table(stage)
    arsenal = by_team(table)["Arsenal"]
    assert (arsenal.points, arsenal.deducted, arsenal.deduction_reasons, arsenal.position) == (
        -1,
        4,
        ("Financial rules",),
        4,
    )
    assert table.deducted_rows == (arsenal,)


def test_season_rules_choose_the_tie_break_order(league):
    stage, _ = league
    stage.season.rules = "la-liga"
    stage.season.save()
    table = stage_table(stage)
    assert (table.rules, table.rules_label.startswith("La Liga")) == ("la-liga", True)


def test_season_table_by_slugs(league):
    stage, _ = league
    table = season_table("premier-league", stage.season.slug)
    assert table.rows[0].team == "Arsenal"
    assert table.url == "/competitions/premier-league/2023-24/table/?stage=league"


def test_a_season_of_groups_needs_a_stage_named(league):
    season = make_season(make_competition("Cup"))
    for name in ("Group A", "Group B"):
        make_result(stage=make_stage(season, name=name, kind=Stage.Kind.GROUP))
    with pytest.raises(StageRequired) as raised:
        season_table("cup", season.slug)
    assert raised.value.stages == ["group-a", "group-b"]
    assert season_table("cup", season.slug, "group-b").stage == "Group B"
    assert [t.stage for t in season_tables("cup", season.slug).tables] == ["Group A", "Group B"]
    with pytest.raises(Stage.DoesNotExist):
        season_table("cup", season.slug, "group-z")


def test_table_beside_a_league_match_is_its_own_with_both_clubs_highlighted(league):
    stage, clubs = league
    match = make_match(clubs["Luton"], clubs["Arsenal"], stage)
    table = table_for_match(match)
    assert (table.stage, table.highlight) == ("League", frozenset({clubs["Luton"].pk, clubs["Arsenal"].pk}))


def test_table_beside_a_knockout_match_is_the_latest_table_of_its_competition():
    competition = make_competition("Europa League")
    earlier, later = make_season(competition, "2023/24"), make_season(competition, "2024/25")
    make_result(stage=make_stage(earlier, name="Group A", kind=Stage.Kind.GROUP))
    make_result(stage=make_stage(later, name="League Phase", kind=Stage.Kind.LEAGUE))
    make_stage(later, name="Empty Phase", kind=Stage.Kind.LEAGUE, order=9)
    tie = make_match(stage=make_stage(earlier, name="Quarter-finals", kind=Stage.Kind.KNOCKOUT))
    table = table_for_match(tie)
    assert (table.stage, table.season) == ("League Phase", "2024/25")
    assert table.highlight == frozenset({tie.home_team_id, tie.away_team_id})


def test_no_table_beside_a_match_of_a_competition_without_one():
    assert table_for_match(make_match(stage=make_stage(name="Final", kind=Stage.Kind.KNOCKOUT))) is None


def test_table_takes_the_same_queries_however_many_matches(league, django_assert_num_queries):
    stage, clubs = league
    for _ in range(10):
        make_result(clubs["Luton"], clubs["Chelsea"], stage, (0, 0))
    stage = Stage.objects.select_related("season__competition").get(pk=stage.pk)
    with django_assert_num_queries(2):
        stage_table(stage)


@pytest.mark.parametrize(
    ("competition_kind", "stage_name", "title"),
    [("league", "League", "Premier League"), ("league_phase", "League Phase", "League Phase")],
    ids=["one league table", "a phase of a competition"],
)
def test_a_compact_table_is_called_by_its_competition_or_its_stage(
    client, competition_kind, stage_name, title
):
    stage = make_stage(
        make_season(make_competition("Premier League", kind=competition_kind)), name=stage_name
    )
    city = make_team("Manchester City", short_name="Man City")
    match = make_result(city, make_team("Arsenal"), stage, (1, 0))
    assert stage_table(stage).title == title
    page = client.get(match.get_absolute_url()).content.decode()
    assert f'class="league-table__stage" href="{stage_table(stage).url}">{title}</a>' in page
    # Beside the match, clubs go by the names a scoreline gives them, the full name on hover.
    assert '<a href="/teams/manchester-city/" title="Manchester City">Man City</a>' in page
