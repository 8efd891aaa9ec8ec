import pytest

from polls.throttle import tally_push_delay


@pytest.mark.parametrize(
    ("last_push_at", "push_pending", "now", "expected"),
    [
        (None, False, 100.0, 0.0),  # The first vote goes out at once.
        (100.0, False, 100.5, 0.0),  # A quiet spell longer than the interval: at once.
        (100.0, False, 100.1, 0.15),  # Too soon: wait for the end of the interval.
        (100.0, False, 100.25, 0.0),  # Exactly one interval later.
        (100.0, True, 100.1, None),  # A push is already waiting: it carries this vote.
        (None, True, 100.0, None),
    ],
)
def test_a_poll_is_pushed_at_most_once_an_interval_and_no_vote_is_left_behind(
    last_push_at, push_pending, now, expected
):
    delay = tally_push_delay(last_push_at=last_push_at, push_pending=push_pending, now=now, interval=0.25)
    assert delay == (None if expected is None else pytest.approx(expected))
