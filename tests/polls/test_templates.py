import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from polls.selectors import match_poll
from polls.services import poll_close, poll_seed_votes, poll_vote
from tests.factories import KICKOFF, make_match, make_poll, make_team

pytestmark = pytest.mark.django_db

BEFORE_KICKOFF = KICKOFF - dt.timedelta(hours=1)


def render_poll(match, voter_key=None, now=BEFORE_KICKOFF):
    poll = match_poll(match=match, voter_key=voter_key, now=now)
    return render_to_string("polls/_poll.html", {"poll": poll}, request=RequestFactory().get("/"))


@pytest.fixture
def seed_match():
    match = make_match(home=make_team("Atalanta"), away=make_team("Liverpool"))
    poll = make_poll(match, options=[("home", "Atalanta BC"), ("away", "Liverpool")])
    poll_seed_votes(poll=poll, counts={"home": 122, "away": 269}, now=BEFORE_KICKOFF)
    return match


def test_the_seed_poll_reads_as_the_captured_page(seed_match):
    html = render_poll(seed_match, now=KICKOFF)
    assert 'id="poll"' in html and 'aria-labelledby="poll-title"' in html
    assert "How you voted: Atalanta vs Liverpool" in html
    assert "31.2%" in html and "68.8%" in html
    assert "391 votes" in html
    assert "Voting has closed." in html


def test_an_open_poll_is_a_form_with_a_button_per_answer_and_a_csrf_token(seed_match):
    html = render_poll(seed_match)
    assert 'name="csrfmiddlewaretoken"' in html
    assert html.count('name="option"') == 2
    assert " disabled" not in html


def test_the_fans_choice_is_marked_and_the_form_done(seed_match):
    poll = seed_match.polls.get()
    poll_vote(poll=poll, option_id=poll.options.get(key="away").pk, voter_key="anon:me", now=BEFORE_KICKOFF)
    html = render_poll(seed_match, voter_key="anon:me")
    assert html.count('aria-pressed="true"') == 1
    assert html.count("Your vote</span>") == 2  # One shown, one hidden.
    assert html.count(" hidden>Your vote") == 1
    assert "392 votes" in html
    assert " disabled" in html


def test_a_poll_without_votes_says_so():
    html = render_poll(make_poll().match)
    assert "No votes yet." in html
    assert "0.0%" in html and "nan" not in html.lower()


def test_a_closed_poll_takes_no_votes():
    poll = poll_close(poll=make_poll())
    html = render_poll(poll.match)
    assert "Voting has closed." in html and " disabled" in html
