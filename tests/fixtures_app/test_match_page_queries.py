"""The match page asks the database the same number of questions however much happened in the match."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fixtures_app.services.events import match_record_event
from fixtures_app.services.stats import match_record_stats
from fixtures_app.services.status import match_change_status
from polls.services import poll_create_for_match
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team

pytestmark = pytest.mark.django_db


def queries(client, match, *, cached: bool) -> int:
    """Queries of one page load; with `cached` off, the match's parts are rendered anew."""
    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(match.get_absolute_url()).status_code == 200
    return len(captured)


def a_busy_hour(match, home_players, away_players) -> None:
    """Goals (an own goal, one disallowed by VAR), cards up to a sending-off, substitutions, commentary."""
    home, away = match.home_team, match.away_team
    record = match_record_event
    record(match=match, kind="goal", minute=4, team=home, player=home_players[9])
    record(match=match, kind="goal", minute=11, team=home, player=home_players[3], goal_type="own_goal")
    disallowed = record(match=match, kind="goal", minute=15, team=away, player=away_players[9]).event
    record(match=match, kind="var", minute=16, team=away, reverses=disallowed, var_decision="goal_disallowed")
    for minute, player in zip((20, 24, 28), home_players[4:7], strict=True):
        record(match=match, kind="yellow", minute=minute, team=home, player=player)
    record(match=match, kind="yellow", minute=33, team=away, player=away_players[5])
    record(match=match, kind="yellow", minute=38, team=away, player=away_players[5])  # second yellow: off
    for n, minute in enumerate((40, 41, 42)):
        record(
            match=match,
            kind="substitution",
            minute=minute,
            team=home,
            player=home_players[n],
            player_in=home_players[11 + n],
        )
    for minute in range(1, 45, 2):
        record(match=match, kind="commentary", minute=minute, text=f"Minute {minute}: pressure builds.")


def test_match_page_query_count_does_not_grow_with_goals_cards_substitutions_or_commentary(client):
    home, away = make_team("Home"), make_team("Away")
    match = make_match(home, away)
    home_players = add_to_lineup(match, home, *[f"Home {n}" for n in range(11)])
    home_players += add_to_lineup(match, home, *[f"Home bench {n}" for n in range(5)], starter=False)
    away_players = add_to_lineup(match, away, *[f"Away {n}" for n in range(11)])
    poll_create_for_match(match=match)
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match_record_stats(match=match, team=home, period=1, shots=3, shots_on_target=1, possession=55)
    quiet = queries(client, match, cached=False), queries(client, match, cached=True)
    a_busy_hour(match, home_players, away_players)
    assert match.events.count() > 30
    assert (queries(client, match, cached=False), queries(client, match, cached=True)) == quiet
