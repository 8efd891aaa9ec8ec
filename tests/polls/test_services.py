import datetime as dt

import pytest
from django.db.models import RestrictedError

from fixtures_app.models import Match
from polls.models import Vote
from polls.selectors import poll_counts
from polls.services import (
    Ballot,
    PollClosedError,
    PollError,
    PollOptionError,
    VoteOutcome,
    poll_cast_many,
    poll_close,
    poll_create_for_match,
    poll_open_for_new_match,
    poll_reopen,
    poll_seed_votes,
    poll_vote,
    poll_vote_many,
)
from tests.factories import (
    KICKOFF,
    make_competition,
    make_match,
    make_open_poll,
    make_poll,
    make_season,
    make_stage,
    make_team,
)

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


def ballot(poll, key, voter_key, when=BEFORE_KICKOFF):
    return Ballot(option_id=option_id(poll, key), voter_key=voter_key, cast_at=when)


def test_many_fans_votes_are_counted_in_one_go_each_once(django_assert_max_num_queries):
    poll = make_poll()
    ballots = [ballot(poll, ("home", "away")[n % 2], f"anon:{n}") for n in range(200)]
    with django_assert_max_num_queries(5):
        outcomes = poll_vote_many(poll=poll, ballots=ballots)
    assert all(outcome.counted for outcome in outcomes)
    assert poll_counts(poll.pk) == {option_id(poll, "home"): 100, option_id(poll, "away"): 100}
    assert [outcome.vote.voter_key for outcome in outcomes] == [b.voter_key for b in ballots]


def test_a_fan_twice_in_one_go_keeps_the_first_answer():
    poll = make_poll()
    first, second = poll_vote_many(
        poll=poll, ballots=[ballot(poll, "away", "anon:a"), ballot(poll, "home", "anon:a")]
    )
    assert (first.counted, second.counted) == (True, False)
    assert first.vote.option.key == second.vote.option.key == "away"
    assert Vote.objects.get().option.key == "away"


def test_a_fan_who_voted_before_keeps_that_vote_in_a_batch():
    poll = make_poll()
    poll_vote(poll=poll, option_id=option_id(poll, "draw"), voter_key="anon:a", now=BEFORE_KICKOFF)
    again, new = poll_vote_many(
        poll=poll, ballots=[ballot(poll, "home", "anon:a"), ballot(poll, "home", "anon:b")]
    )
    assert (again.counted, again.vote.option.key) == (False, "draw")
    assert (new.counted, new.vote.option.key) == (True, "home")


def test_refused_ballots_leave_the_others_of_the_batch_counted():
    poll, other = make_poll(), make_poll()
    late = ballot(poll, "home", "anon:late", when=AFTER_KICKOFF)
    stranger = Ballot(option_id=option_id(other, "home"), voter_key="anon:b", cast_at=BEFORE_KICKOFF)
    outcomes = poll_vote_many(poll=poll, ballots=[late, stranger, ballot(poll, "home", "anon:c")])
    assert [type(outcome) for outcome in outcomes] == [PollClosedError, PollOptionError, VoteOutcome]
    assert list(Vote.objects.values_list("voter_key", flat=True)) == ["anon:c"]


def test_a_vote_is_kept_as_the_time_it_was_cast():
    poll = make_poll()
    [outcome] = poll_vote_many(poll=poll, ballots=[ballot(poll, "home", "anon:a")])
    assert Vote.objects.get(pk=outcome.vote.pk).created_at == BEFORE_KICKOFF


def test_a_new_football_match_still_to_play_gets_the_who_will_win_poll_once():
    match = make_match(home=make_team("Atalanta"), away=make_team("Liverpool"))
    poll = poll_open_for_new_match(match=match, now=BEFORE_KICKOFF)
    assert (poll.question, poll.closes_at) == ("Who will win?", KICKOFF)
    assert [option.label for option in poll.options.all()] == ["Atalanta", "Draw", "Liverpool"]
    assert poll_open_for_new_match(match=match, now=BEFORE_KICKOFF) is None
    assert match.polls.count() == 1


def test_a_match_already_played_or_of_another_sport_gets_no_poll():
    assert poll_open_for_new_match(match=make_match(), now=AFTER_KICKOFF) is None
    american = make_stage(make_season(make_competition("NFL", sport="american_football")))
    assert poll_open_for_new_match(match=make_match(stage=american), now=BEFORE_KICKOFF) is None


def test_a_vote_sent_again_answers_as_the_first_send_did_and_counts_nothing_more():
    """A retry (the first answer was lost) carries the same fan and the same answer."""
    poll = make_poll()
    first = poll_vote(poll=poll, option_id=option_id(poll, "away"), voter_key="anon:a", now=BEFORE_KICKOFF)
    again = poll_vote(poll=poll, option_id=option_id(poll, "away"), voter_key="anon:a", now=BEFORE_KICKOFF)
    changed = poll_vote(poll=poll, option_id=option_id(poll, "home"), voter_key="anon:a", now=BEFORE_KICKOFF)
    assert (first.is_in, first.counted, first.resent) == (True, True, False)
    assert (again.is_in, again.counted, again.resent) == (True, False, True)
    assert (changed.is_in, changed.counted, changed.resent) == (False, False, False)
    assert again.vote.pk == changed.vote.pk == first.vote.pk
    assert list(Vote.objects.values_list("option__key", flat=True)) == ["away"]


def test_a_vote_sent_twice_in_one_batch_is_one_vote_answered_alike():
    poll = make_poll()
    first, again = poll_vote_many(
        poll=poll, ballots=[ballot(poll, "draw", "anon:a"), ballot(poll, "draw", "anon:a")]
    )
    assert (first.is_in, again.is_in) == (True, True)
    assert Vote.objects.count() == 1


def test_cast_many_says_what_each_ballot_did_without_making_votes():
    poll = make_open_poll()
    options = {option.pk: option for option in poll.options.all()}
    home, away = (poll.options.get(key=key).pk for key in ("home", "away"))
    sends = [
        Ballot(option_id=option, voter_key="anon:a", cast_at=BEFORE_KICKOFF) for option in (home, home, away)
    ]
    casts = poll_cast_many(poll=poll, options=options, ballots=sends)
    assert [(cast.option_id, cast.counted, cast.resent) for cast in casts] == [
        (home, True, False),  # counted
        (home, False, True),  # the same vote sent again
        (home, False, False),  # another answer: the first stands
    ]
    assert len({cast.vote_id for cast in casts}) == 1
    assert Vote.objects.filter(poll=poll).count() == 1
