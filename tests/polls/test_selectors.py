import datetime as dt
import json

import pytest

from polls import selectors
from polls.models import Vote
from polls.selectors import match_poll, match_polls, poll_counts, poll_for_fans, poll_tally
from polls.services import poll_create_for_match, poll_seed_votes, poll_vote
from tests.factories import KICKOFF, make_match, make_poll, make_team

pytestmark = pytest.mark.django_db

BEFORE_KICKOFF = KICKOFF - dt.timedelta(hours=1)


@pytest.fixture
def seed_poll():
    match = make_match(home=make_team("Atalanta"), away=make_team("Liverpool"))
    poll = make_poll(match, options=[("home", "Atalanta BC"), ("away", "Liverpool")])
    poll_seed_votes(poll=poll, counts={"home": 122, "away": 269}, now=BEFORE_KICKOFF)
    return poll


def test_the_seed_poll_shows_391_votes_split_31_2_and_68_8(seed_poll):
    poll = match_poll(match=seed_poll.match, voter_key=None, now=BEFORE_KICKOFF)
    assert poll["title"] == "Atalanta vs Liverpool"
    assert poll["question"] == "Who will win?"
    assert poll["total"] == 391
    assert [(o["label"], o["votes"], o["percent"]) for o in poll["options"]] == [
        ("Atalanta BC", 122, 31.2),
        ("Liverpool", 269, 68.8),
    ]
    assert poll["anchor"] == "poll"
    assert poll["vote_url"] == f"/polls/{seed_poll.pk}/vote/"


def test_the_fans_own_choice_is_marked(seed_poll):
    away = seed_poll.options.get(key="away")
    poll_vote(poll=seed_poll, option_id=away.pk, voter_key="anon:me", now=BEFORE_KICKOFF)
    mine = match_poll(match=seed_poll.match, voter_key="anon:me", now=BEFORE_KICKOFF)
    someone_else = match_poll(match=seed_poll.match, voter_key="anon:you", now=BEFORE_KICKOFF)
    assert mine["choice"] == away.pk
    assert [o["chosen"] for o in mine["options"]] == [False, True]
    assert someone_else["choice"] is None
    assert not any(o["chosen"] for o in someone_else["options"])


def test_a_poll_without_votes_shows_nought_everywhere():
    poll = match_poll(match=make_poll().match, voter_key=None, now=BEFORE_KICKOFF)
    assert poll["total"] == 0
    assert [o["percent"] for o in poll["options"]] == [0.0, 0.0, 0.0]
    assert poll["is_open"]


def test_a_poll_is_closed_from_kick_off(seed_poll):
    assert not match_poll(match=seed_poll.match, voter_key=None, now=KICKOFF)["is_open"]


def test_a_match_without_a_poll_has_none():
    assert match_poll(match=make_match(), voter_key=None) is None
    assert match_polls(match=make_match(), voter_key=None) == []


def test_the_main_poll_comes_first_and_the_others_have_their_own_anchors():
    match = make_match()
    main = make_poll(match)
    other = poll_create_for_match(match=match, question="Man of the match?", options=[("a", "A"), ("b", "B")])
    polls = match_polls(match=match, voter_key=None)
    assert [(p["id"], p["anchor"]) for p in polls] == [(main.pk, "poll"), (other.pk, f"poll-{other.pk}")]


def test_the_tally_for_the_live_push_is_the_same_for_every_fan_and_serialises(seed_poll):
    tally = poll_tally(seed_poll.pk, now=BEFORE_KICKOFF)
    assert json.loads(json.dumps(tally)) == tally
    assert tally["total"] == 391
    assert [o["percent"] for o in tally["options"]] == [31.2, 68.8]
    assert "choice" not in tally
    assert poll_tally(999_999) is None


def test_a_small_poll_is_counted_afresh_on_every_read(seed_poll):
    poll_counts(seed_poll.pk)
    Vote.objects.filter(poll=seed_poll).delete()
    assert poll_counts(seed_poll.pk) == {}


def test_a_big_polls_counts_are_kept_in_the_cache_for_the_configured_time(seed_poll, settings, monkeypatch):
    monkeypatch.setattr(selectors, "CACHE_FROM_VOTES", 391)
    settings.POLLS_TALLY_CACHE_SECONDS = 60
    before = poll_counts(seed_poll.pk)
    Vote.objects.filter(poll=seed_poll).delete()
    assert poll_counts(seed_poll.pk) == before
    settings.POLLS_TALLY_CACHE_SECONDS = 0
    assert poll_counts(seed_poll.pk) == {}


def test_a_fresh_count_ignores_the_cache_and_refreshes_it_for_the_pages(seed_poll, settings, monkeypatch):
    monkeypatch.setattr(selectors, "CACHE_FROM_VOTES", 10)
    settings.POLLS_TALLY_CACHE_SECONDS = 60
    poll_counts(seed_poll.pk)
    Vote.objects.filter(poll=seed_poll, voter_key__endswith=":0").delete()
    fresh = poll_counts(seed_poll.pk, fresh=True)
    assert sum(fresh.values()) == 389
    assert poll_counts(seed_poll.pk) == fresh


def test_several_fans_see_one_count_each_with_their_own_choice(seed_poll, django_assert_max_num_queries):
    home, away = seed_poll.options.order_by("order")
    with django_assert_max_num_queries(4):
        seen = poll_for_fans(poll=seed_poll, choices=[home.pk, away.pk, None], now=BEFORE_KICKOFF)
    assert [fan["choice"] for fan in seen] == [home.pk, away.pk, None]
    assert [[o["chosen"] for o in fan["options"]] for fan in seen] == [
        [True, False],
        [False, True],
        [False, False],
    ]
    assert seen[1] == match_poll(match=seed_poll.match, voter_key=None, now=BEFORE_KICKOFF) | {
        "choice": away.pk,
        "options": seen[1]["options"],
    }
    assert {fan["total"] for fan in seen} == {391}
