"""Points deductions: recorded with a reason, refused when they make no sense."""

import pytest

from fixtures_app.models import PointsDeduction
from fixtures_app.services.deductions import DeductionError, team_deduct_points
from tests.factories import make_match, make_season, make_stage, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def everton():
    team = make_team("Everton")
    make_match(home=team, stage=make_stage(make_season()))
    return team


def test_deduction_is_recorded_with_its_reason(everton):
    season = everton.home_matches.get().stage.season
    deduction = team_deduct_points(
        season=season, team=everton, points=8, reason="  Breach of  financial rules "
    )
    assert (deduction.points, deduction.reason) == (8, "Breach of financial rules")
    assert PointsDeduction.objects.filter(season=season, team=everton).count() == 1


@pytest.mark.parametrize(
    ("points", "reason", "message"),
    [
        (0, "Breach", "at least 1"),
        (-4, "Breach", "at least 1"),
        (True, "Breach", "whole number"),
        (4, "   ", "Give the reason"),
        (4, "x" * 201, "too long"),
    ],
)
def test_impossible_deductions_are_refused(everton, points, reason, message):
    season = everton.home_matches.get().stage.season
    with pytest.raises(DeductionError, match=message):
        team_deduct_points(season=season, team=everton, points=points, reason=reason)
    assert PointsDeduction.objects.count() == 0


def test_a_club_that_plays_no_match_in_the_season_cannot_lose_points(everton):
    with pytest.raises(DeductionError, match="has no match in"):
        team_deduct_points(season=make_season(), team=everton, points=3, reason="Breach")
