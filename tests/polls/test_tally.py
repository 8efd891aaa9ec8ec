import itertools
import math

import pytest

from polls.tally import percentages, shares_in_tenths


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((122, 269), (31.2, 68.8)),  # The seed match: 391 votes.
        ((269, 122), (68.8, 31.2)),
        ((1, 1, 1), (33.4, 33.3, 33.3)),  # Equal remainders, equal votes: the first listed rounds up.
        ((100, 100, 100), (33.4, 33.3, 33.3)),
        ((2, 1, 0), (66.7, 33.3, 0.0)),
        ((1, 2, 3), (16.7, 33.3, 50.0)),
        ((1, 1, 4), (16.7, 16.6, 66.7)),  # Two tenths to hand out: most votes first, then the first listed.
        ((1, 3, 1996), (0.0, 0.2, 99.8)),  # Equal remainders: the answer with more votes rounds up.
        ((7, 7, 6), (35.0, 35.0, 30.0)),  # Exact shares need no rounding.
        ((333_333, 333_333, 333_334), (33.3, 33.3, 33.4)),
        ((1, 0, 0), (100.0, 0.0, 0.0)),
        ((0, 5, 0), (0.0, 100.0, 0.0)),
        ((1, 6), (14.3, 85.7)),
    ],
)
def test_shares_round_to_one_decimal_by_largest_remainder(counts, expected):
    assert percentages(counts) == expected


@pytest.mark.parametrize("counts", [(0, 0), (0, 0, 0), ()])
def test_a_poll_without_votes_shows_every_answer_at_nought(counts):
    assert percentages(counts) == tuple(0.0 for _ in counts)


def test_shares_always_add_up_to_exactly_one_hundred():
    for counts in itertools.product(range(13), repeat=3):
        if sum(counts) == 0:
            continue
        with_votes = percentages(counts)
        assert sum(shares_in_tenths(counts)) == 1000, counts
        assert math.fsum(with_votes) == 100.0, counts
        assert round(sum(with_votes), 1) == 100.0, counts


def test_each_share_is_within_a_tenth_of_the_exact_share():
    for counts in itertools.product(range(9), repeat=4):
        total = sum(counts)
        for count, tenths in zip(counts, shares_in_tenths(counts), strict=True):
            exact = count * 1000 / total if total else 0
            assert abs(tenths - exact) < 1, counts


def test_more_votes_never_show_a_smaller_share():
    for counts in itertools.product(range(9), repeat=4):
        shares = shares_in_tenths(counts)
        for a, b in itertools.combinations(range(len(counts)), 2):
            if counts[a] > counts[b]:
                assert shares[a] >= shares[b], counts


def test_the_same_counts_always_give_the_same_shares():
    assert shares_in_tenths((1, 1, 4)) == shares_in_tenths([1, 1, 4])


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        shares_in_tenths((3, -1))
