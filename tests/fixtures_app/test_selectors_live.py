import pytest

from fixtures_app.models import MatchUpdate
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    home, away = make_team("Atalanta"), make_team("Liverpool")
    match = make_match(home, away)
    add_to_lineup(match, home, "Lookman", "Scamacca")
    add_to_lineup(match, away, "Salah")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


def goal(match, minute, who):
    entry = match.lineup.select_related("player", "team").get(player__known_as=who)
    return match_record_event(
        match=match, kind="goal", minute=minute, team=entry.team, player=entry.player
    ).event


def sent_entries(event) -> set[int]:
    message = MatchUpdate.objects.filter(match=event.match).latest("seq").message
    return {int(event_id) for event_id in message["entries"]}


def test_a_goal_at_the_latest_minute_sends_only_itself_not_every_goal_again(match):
    goal(match, 10, "Lookman")
    goal(match, 30, "Salah")
    latest = goal(match, 40, "Scamacca")

    assert sent_entries(latest) == {latest.pk}


def test_a_goal_entered_late_sends_the_later_goals_whose_running_score_moved(match):
    first = goal(match, 10, "Lookman")
    later = goal(match, 30, "Salah")
    late_entry = goal(match, 20, "Scamacca")

    sent = sent_entries(late_entry)

    assert sent == {late_entry.pk, later.pk}
    assert first.pk not in sent
