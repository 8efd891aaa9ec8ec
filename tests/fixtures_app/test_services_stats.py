import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fixtures_app.models import MatchStat
from fixtures_app.selectors.live import change_message
from fixtures_app.services.stats import match_record_stats
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, make_editor, make_match, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


def test_editor_sets_a_sides_figures_for_a_half_and_the_page_shows_them(client, match):
    match_record_stats(match=match, team=match.away_team, period=1, shots=2, expected_goals=Decimal("0.11"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get(match.get_absolute_url()).content.decode()))
    assert "Match stats" in text
    assert "– Shots 2" in text
    assert "– Expected goals (xG) 0.11" in text


def test_setting_figures_again_replaces_them(match):
    match_record_stats(match=match, team=match.home_team, period=1, shots=3)
    match_record_stats(match=match, team=match.home_team, period=1, shots=5, shots_on_target=2)
    stat = MatchStat.objects.get(match=match)
    assert (stat.shots, stat.shots_on_target) == (5, 2)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"period": 2, "shots": 1}, "has not started"),
        ({"period": 5, "shots": 1}, "not the shoot-out"),
        ({"period": 9, "shots": 1}, "no period 9"),
        ({"period": 1, "shots": 1, "shots_on_target": 2}, "cannot exceed"),
        ({"period": 1, "possession": 60}, "more than 100"),
    ],
)
def test_impossible_figures_are_refused_and_change_nothing(match, fields, message):
    match_record_stats(match=match, team=match.away_team, period=1, possession=45)
    with pytest.raises(ValidationError, match=message):
        match_record_stats(match=match, team=match.home_team, **fields)
    assert not MatchStat.objects.filter(team=match.home_team).exists()


def test_figures_for_a_team_not_playing_are_refused(match):
    with pytest.raises(ValidationError, match="not playing"):
        match_record_stats(match=match, team=make_team("Ajax"), period=1, shots=1)


def test_stats_change_is_logged_and_sent_to_fans(match):
    before = match.seq
    match_record_stats(match=match, team=match.home_team, period=1, shots=4, by=make_editor())
    match.refresh_from_db()
    update = match.updates.get(seq=before + 1)
    assert update.kind == "stats_changed"
    assert "shots 4" in update.summary
    assert "Shots" in update.message["stats_html"]
    assert change_message(match, kind="stats_changed", seq=9, event_id=None, event_kind="", now=KICKOFF)[
        "stats_html"
    ]


def test_console_saves_stats_and_refuses_bad_figures(client, match):
    client.force_login(make_editor())
    url = f"/console/matches/{match.pk}/stats/"
    ok = client.post(
        url,
        {"team": match.home_team_id, "period": 1, "shots": 6, "possession": 58},
        HTTP_ACCEPT="application/json",
    )
    assert ok.status_code == 200 and ok.json()["ok"]
    bad = client.post(
        url, {"team": match.home_team_id, "period": 1, "shots": "many"}, HTTP_ACCEPT="application/json"
    )
    assert bad.status_code == 400
    assert MatchStat.objects.get(match=match).shots == 6


def test_fans_cannot_post_stats(client, match, django_user_model):
    client.force_login(django_user_model.objects.create_user("fan", password="x"))
    response = client.post(f"/console/matches/{match.pk}/stats/", {"team": match.home_team_id, "period": 1})
    assert response.status_code == 403
    assert not MatchStat.objects.exists()
