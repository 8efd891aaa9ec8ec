"""Floods of votes: past a fan's or an address's rate, counted in fixed windows; "0" is no limit."""

import pytest
from django.test import RequestFactory

from polls import floods
from polls.floods import CountersOutOfReach, Rate, parse_rate, vote_is_flood, votes_are_floods

NOW = 1_700_000_000.0  # a whole number of minutes


def request(address="10.0.0.1"):
    return RequestFactory().post("/polls/1/vote/", REMOTE_ADDR=address)


@pytest.mark.parametrize(
    ("text", "rate"),
    [("10/m", Rate(10, 60)), ("100/5m", Rate(100, 300)), ("5/h", Rate(5, 3600)), ("0", None), ("", None)],
)
def test_rates_read_as_a_limit_per_window(text, rate):
    assert parse_rate(text) == rate


def test_a_fan_past_the_rate_is_a_flood(settings):
    settings.POLLS_VOTE_RATE_PER_FAN = "2/m"
    assert [vote_is_flood(request(), "anon:a") for _ in range(3)] == [False, False, True]
    assert not vote_is_flood(request(), "anon:b")


def test_an_address_past_the_rate_is_a_flood_whoever_votes(settings):
    settings.POLLS_VOTE_RATE_PER_ADDRESS = "2/m"
    assert [vote_is_flood(request(), f"anon:{n}") for n in range(3)] == [False, False, True]
    assert not vote_is_flood(request("10.0.0.2"), "anon:9")


def test_a_batch_is_counted_as_its_votes_one_after_another(settings):
    settings.POLLS_VOTE_RATE_PER_FAN = "2/m"
    votes = [(request(), "anon:a"), (request(), "anon:b"), (request(), "anon:a"), (request(), "anon:a")]
    assert votes_are_floods(votes, now=NOW) == [False, False, False, True]
    assert votes_are_floods([(request(), "anon:a")], now=NOW) == [True]


def test_a_new_window_starts_the_count_again(settings):
    settings.POLLS_VOTE_RATE_PER_FAN = "1/m"
    assert votes_are_floods([(request(), "anon:a")] * 2, now=NOW) == [False, True]
    assert votes_are_floods([(request(), "anon:a")], now=NOW + 60) == [False]


def test_one_household_on_ipv6_is_one_address(settings):
    settings.POLLS_VOTE_RATE_PER_ADDRESS = "1/m"
    first, second = request("2001:db8:1:2::10"), request("2001:db8:1:2::20")
    assert votes_are_floods([(first, "anon:a"), (second, "anon:b")], now=NOW) == [False, True]


@pytest.mark.parametrize("rate", ["0", ""])
def test_a_rate_of_nought_is_no_limit(settings, rate):
    settings.POLLS_VOTE_RATE_PER_FAN = settings.POLLS_VOTE_RATE_PER_ADDRESS = rate
    assert not any(vote_is_flood(request(), "anon:a") for _ in range(200))


def test_votes_are_refused_when_the_counters_are_out_of_reach(settings, monkeypatch):
    settings.POLLS_VOTE_RATE_PER_FAN = "10/m"

    def unreachable(*args):
        raise ConnectionError("Redis went away")

    monkeypatch.setattr(floods, "_add", unreachable)
    with pytest.raises(CountersOutOfReach):  # refused by the caller, saying voting is paused
        votes_are_floods([(request(), "anon:a")])
