"""The match-flow chart on the page and in the live messages."""

import datetime as dt
from decimal import Decimal

import pytest

from fixtures_app.selectors.chart import match_chart, stat_lines
from fixtures_app.selectors.live import change_message, chart_html, snapshot
from fixtures_app.selectors.match import match_page
from fixtures_app.services.events import match_record_event
from fixtures_app.services.stats import match_record_stats
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    home = make_team("Atalanta", code="ATA", primary_colour="#1e71b8", secondary_colour="#000000")
    away = make_team("Liverpool", code="LIV", primary_colour="#c8102e", secondary_colour="#f6eb61")
    match = make_match(home, away)
    add_to_lineup(match, away, "Salah", "Núñez")
    add_to_lineup(match, home, "Hien")
    return match


def kick_off(match):
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()


def salah_scores(match):
    salah = match.lineup.get(player__known_as="Salah").player
    match_record_event(
        match=match, kind="goal", minute=7, team=match.away_team, player=salah, goal_type="penalty"
    )
    match.refresh_from_db()


def test_no_chart_before_kick_off(match):
    assert match_chart(match_page(match, now=KICKOFF), {}) is None
    assert "starts at kick-off" in chart_html(match_page(match, now=KICKOFF))


def test_chart_tells_the_match_in_words_and_in_team_colours(match):
    kick_off(match)
    salah_scores(match)
    match_record_stats(match=match, team=match.away_team, period=1, shots=2, expected_goals=Decimal("0.11"))
    chart = match_chart(match_page(match, now=KICKOFF), stat_lines(match))
    assert chart.summary.startswith(
        "Atalanta 0, Liverpool 1. Salah scored a penalty for Liverpool on 7 minutes. "
        "First half: Liverpool 0.11 xG from 2 shots"
    )
    assert (chart.home.light, chart.away.light, chart.away.dark) == ("#1e71b8", "#c8102e", "#f6eb61")


def test_a_match_in_play_is_drawn_to_the_minute_being_played(match):
    kick_off(match)
    salah_scores(match)
    page = match_page(match, now=KICKOFF)
    at_ten = match_chart(page, {}, now=KICKOFF + dt.timedelta(minutes=10))
    at_forty = match_chart(page, {}, now=KICKOFF + dt.timedelta(minutes=40))
    assert at_ten.flow.lines[0].points[-1].x < at_forty.flow.lines[0].points[-1].x


def test_chart_is_an_svg_image_with_a_title_and_a_description(match):
    kick_off(match)
    salah_scores(match)
    html = chart_html(match_page(match, now=KICKOFF))
    dom_id = f"match-chart-{match.pk}"
    assert f'role="img" aria-labelledby="{dom_id}-title {dom_id}-desc"' in html
    assert f'<title id="{dom_id}-title">Match flow' in html
    assert f'<desc id="{dom_id}-desc">Atalanta 0, Liverpool 1. Salah scored a penalty' in html
    assert "LIV 1" in html
    assert "http" not in html.replace("http://www.w3.org", "")  # nothing to download


def test_stat_lines_take_one_query(match, django_assert_num_queries):
    kick_off(match)
    match_record_stats(match=match, team=match.home_team, period=1, shots=3)
    with django_assert_num_queries(1):
        lines = stat_lines(match)
    assert [(side.value, period.value, line.shots) for (side, period), line in lines.items()] == [
        ("home", 1, 3)
    ]


@pytest.mark.parametrize(
    ("kind", "event_kind", "has_chart"),
    [
        ("event_added", "goal", True),
        ("event_added", "red", True),
        ("event_added", "substitution", True),
        ("event_corrected", "var", True),
        ("event_deleted", "yellow", True),
        ("status_changed", "", True),
        ("stats_changed", "", True),
        ("event_added", "yellow", False),
        ("event_added", "commentary", False),
    ],
)
def test_live_messages_carry_the_chart_when_it_may_have_changed(match, kind, event_kind, has_chart):
    kick_off(match)
    message = change_message(
        match, kind=kind, seq=match.seq, event_id=None, event_kind=event_kind, now=KICKOFF
    )
    assert ("chart_html" in message) is has_chart


def test_goal_message_and_snapshot_carry_the_new_chart(match):
    kick_off(match)
    salah_scores(match)
    update = match.updates.order_by("-seq").first()
    assert "LIV 1" in update.message["chart_html"]
    assert "LIV 1" in snapshot(match, now=KICKOFF)["chart_html"]
