"""After a vote the fan is thanked once, not by two lines saying the same."""

import re

import pytest

from tests.factories import make_open_poll

pytestmark = pytest.mark.django_db


def test_a_form_vote_is_thanked_by_one_visible_line(client):
    poll = make_open_poll()
    option = poll.options.order_by("pk").last()
    response = client.post(f"/polls/{poll.pk}/vote/", {"option": option.pk}, follow=True)
    html = response.content.decode()
    assert f"Thanks, your vote for {option.label} is in." in html
    state = re.search(r'<p class="poll__state"([^>]*)>', html)
    assert state and "hidden" in state.group(1), "the state line still says thanks beside the message"


def test_a_fan_who_voted_earlier_is_still_told_so(client):
    poll = make_open_poll()
    option = poll.options.order_by("pk").first()
    client.post(f"/polls/{poll.pk}/vote/", {"option": option.pk}, follow=True)
    html = client.get(poll.match.get_absolute_url()).content.decode()
    assert '<p class="poll__state">Thanks for voting.</p>' in html
