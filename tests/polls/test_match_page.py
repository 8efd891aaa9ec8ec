"""Every poll of a match is on its page, in the order they were opened, each with its own answers."""

import pytest

from polls.models import Poll
from tests.factories import make_open_poll, make_poll
from tests.feeds.api_helpers import call, editor_key

pytestmark = pytest.mark.django_db


def test_a_second_poll_opened_through_the_api_is_on_the_match_page(client):
    main = make_open_poll()
    body = {
        "question": "Man of the match?",
        "options": [{"key": "a", "label": "Saka"}, {"key": "b", "label": "Rice"}],
    }
    opened = call(client, "POST", f"/matches/{main.match_id}/polls", body, key=editor_key()[1])
    assert opened.status_code == 201
    second = Poll.objects.get(pk=opened.json()["id"])

    html = client.get(main.match.get_absolute_url()).content.decode()
    assert html.count('class="poll ') + html.count('class="poll"') == 2
    assert html.index('id="poll"') < html.index(f'id="poll-{second.pk}"')
    assert "Man of the match?" in html and ">Saka</button>" in html and ">Rice</button>" in html
    assert f'action="/polls/{second.pk}/vote/"' in html


def test_a_form_vote_on_the_second_poll_is_thanked_in_that_poll_alone(client):
    main = make_open_poll()
    second = make_poll(main.match, question="Man of the match?", options=[("a", "Saka"), ("b", "Rice")])
    response = client.post(
        f"/polls/{second.pk}/vote/", {"option": second.options.get(key="b").pk}, follow=True
    )
    assert response.redirect_chain == [(f"{main.match.get_absolute_url()}#poll-{second.pk}", 302)]
    html = response.content.decode()
    thanks = "Thanks, your vote for Rice is in."
    assert html.count(thanks) == 1
    assert html.index(f'id="poll-{second.pk}"') < html.index(thanks)
