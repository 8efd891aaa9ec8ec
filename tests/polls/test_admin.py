import pytest

from polls.models import Poll
from tests.factories import make_match, make_open_poll

pytestmark = pytest.mark.django_db


def test_editors_see_each_poll_with_its_vote_count(admin_client):
    make_open_poll()
    response = admin_client.get("/admin/polls/poll/")
    assert response.status_code == 200
    assert b"Who will win?" in response.content


def test_editors_add_a_poll_with_its_answers_closing_at_kick_off(admin_client):
    match = make_match()
    response = admin_client.post(
        "/admin/polls/poll/add/",
        {
            "match": match.pk,
            "question": "Who scores first?",
            "order": 1,
            "closed": "",
            "options-TOTAL_FORMS": 2,
            "options-INITIAL_FORMS": 0,
            "options-MIN_NUM_FORMS": 2,
            "options-MAX_NUM_FORMS": 1000,
            "options-0-order": 0,
            "options-0-key": "salah",
            "options-0-label": "Salah",
            "options-1-order": 1,
            "options-1-key": "nobody",
            "options-1-label": "Nobody",
        },
    )
    assert response.status_code == 302, response.content
    poll = Poll.objects.get(question="Who scores first?")
    assert poll.closes_at == match.kickoff
    assert [o.key for o in poll.options.all()] == ["salah", "nobody"]


@pytest.mark.parametrize(("action", "closed"), [("close_polls", True), ("reopen_polls", False)])
def test_editors_close_and_reopen_polls(admin_client, action, closed):
    poll = make_open_poll()
    response = admin_client.post("/admin/polls/poll/", {"action": action, "_selected_action": [poll.pk]})
    assert response.status_code == 302
    poll.refresh_from_db()
    assert poll.closed is closed
