import datetime as dt

import pytest
from django.db.models import RestrictedError

from fixtures_app.models import Match
from polls.models import Vote
from polls.selectors import poll_counts
from polls.services import (
    PollClosedError,
    PollError,
    PollOptionError,
    poll_close,
    poll_create_for_match,
    poll_reopen,
    poll_seed_votes,
    poll_vote,
)
from tests.factories import KICKOFF, make_match, make_poll, make_team

pytestmark = pytest.mark.django_db

BEFORE_KICKOFF = KICKOFF - dt.timedelta(hours=1)
AFTER_KICKOFF = KICKOFF + dt.timedelta(minutes=1)


def option_id(poll, key):
    return poll.options.get(key=key).pk


def test_a_new_poll_asks_who_will_win_and_closes_at_kick_off():
    match = make_match(home=make_team("Atalanta"), away=make_team("Liverpool"))
    poll = poll_create_for_match(match=match)
    assert poll.question == "Who will win?"
    assert [(o.key, o.label) for o in poll.options.all()] == [
        ("home", "Atalanta"),
        ("draw", "Draw"),
        ("away", "Liverpool"),
    ]
    assert poll.closes_at == match.kickoff
    assert poll.is_open_at(BEFORE_KICKOFF)
    assert not poll.is_open_at(KICKOFF)


def test_editors_add_polls_with_their_own_answers_and_close_time():
    match = make_match()
    make_poll(match)
    closes_at = KICKOFF + dt.timedelta(hours=2)
    poll = poll_create_for_match(
        match=match,
        question="Player of the match?",
        options=[("salah", "Salah"), ("hien", "Hien")],
        closes_at=closes_at,
    )
    assert poll.order == 1
    assert poll.closes_at == closes_at
    assert [o.label for o in poll.options.all()] == ["Salah", "Hien"]


@pytest.mark.parametrize(
    "options",
    [
        [("home", "Atalanta")],
        [("home", "Atalanta"), ("home", "Liverpool")],
        [("home", "Atalanta"), ("away", " ")],
    ],
)
def test_a_poll_needs_two_distinct_answers(options):
    with pytest.raises(PollError):
        poll_create_for_match(match=make_match(), options=options)


def test_a_fan_is_counted_once_and_keeps_the_first_choice():
    poll = make_poll()
    first = poll_vote(poll=poll, option_id=option_id(poll, "away"), voter_key="anon:a", now=BEFORE_KICKOFF)
    again = poll_vote(poll=poll, option_id=option_id(poll, "home"), voter_key="anon:a", now=BEFORE_KICKOFF)
    assert first.counted and not again.counted
    assert again.vote.option.key == "away"
    assert poll_counts(poll.pk) == {option_id(poll, "away"): 1}


def test_each_fan_has_a_vote():
    poll = make_poll()
    for voter_key in ["anon:a", "anon:b", "user:1"]:
        poll_vote(poll=poll, option_id=option_id(poll, "home"), voter_key=voter_key, now=BEFORE_KICKOFF)
    assert poll_counts(poll.pk) == {option_id(poll, "home"): 3}


def test_a_vote_after_kick_off_is_refused():
    poll = make_poll()
    with pytest.raises(PollClosedError, match="closed"):
        poll_vote(poll=poll, option_id=option_id(poll, "home"), voter_key="anon:a", now=AFTER_KICKOFF)
    assert not Vote.objects.exists()


def test_an_answer_of_another_poll_is_refused():
    poll, other = make_poll(), make_poll()
    with pytest.raises(PollOptionError, match="not one of this poll's answers"):
        poll_vote(poll=poll, option_id=option_id(other, "home"), voter_key="anon:a", now=BEFORE_KICKOFF)
    assert not Vote.objects.exists()


def test_an_unknown_answer_is_refused():
    poll = make_poll()
    with pytest.raises(PollOptionError):
        poll_vote(poll=poll, option_id=999_999, voter_key="anon:a", now=BEFORE_KICKOFF)
    assert not Vote.objects.exists()


def test_an_editor_closes_a_poll_before_its_close_time():
    poll = poll_close(poll=make_poll())
    assert not poll.is_open_at(BEFORE_KICKOFF)
    with pytest.raises(PollClosedError):
        poll_vote(poll=poll, option_id=option_id(poll, "home"), voter_key="anon:a", now=BEFORE_KICKOFF)


def test_an_editor_reopens_a_poll_past_its_close_time():
    poll = poll_reopen(poll=poll_close(poll=make_poll()))
    assert poll.is_open_at(AFTER_KICKOFF + dt.timedelta(days=1))
    assert poll_vote(
        poll=poll, option_id=option_id(poll, "home"), voter_key="anon:a", now=AFTER_KICKOFF
    ).counted


def test_an_editor_reopens_a_poll_until_a_new_close_time():
    until = KICKOFF + dt.timedelta(hours=3)
    poll = poll_reopen(poll=poll_close(poll=make_poll()), until=until)
    poll.refresh_from_db()
    assert poll.is_open_at(AFTER_KICKOFF)
    assert not poll.is_open_at(until)


def test_demo_votes_give_exact_counts_and_replace_themselves():
    poll = make_poll(options=[("home", "Atalanta BC"), ("away", "Liverpool")])
    poll_vote(poll=poll, option_id=option_id(poll, "home"), voter_key="anon:fan", now=BEFORE_KICKOFF)
    poll_seed_votes(poll=poll, counts={"home": 10, "away": 3}, now=BEFORE_KICKOFF)
    poll_seed_votes(poll=poll, counts={"home": 121, "away": 269}, now=BEFORE_KICKOFF)
    assert poll_counts(poll.pk) == {option_id(poll, "home"): 122, option_id(poll, "away"): 269}


def test_demo_votes_for_an_unknown_answer_are_refused():
    with pytest.raises(PollOptionError, match="penalties"):
        poll_seed_votes(poll=make_poll(), counts={"penalties": 3}, now=BEFORE_KICKOFF)
    assert not Vote.objects.exists()


def test_deleting_a_match_takes_its_polls_and_votes_with_it():
    poll = make_poll()
    poll_seed_votes(poll=poll, counts={"home": 2}, now=BEFORE_KICKOFF)
    Match.objects.filter(pk=poll.match_id).delete()
    assert not Vote.objects.exists()


def test_an_answer_with_votes_cannot_be_deleted_on_its_own():
    poll = make_poll()
    poll_seed_votes(poll=poll, counts={"home": 1}, now=BEFORE_KICKOFF)
    with pytest.raises(RestrictedError):
        poll.options.get(key="home").delete()
