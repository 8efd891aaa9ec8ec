"""When a failed webhook is tried again: pure, no database."""

import pytest

from partners.backoff import retry_delay


@pytest.mark.parametrize(
    ("failures", "draw", "seconds"),
    [
        (1, 0.999999, 1.0),  # the longest the first wait may be
        (1, 0.0, 0.5),  # jitter: never less than half
        (2, 0.999999, 2.0),
        (3, 0.999999, 4.0),
        (4, 0.0, 4.0),
        (9, 0.999999, 256.0),
        (10, 0.999999, 300.0),  # capped
        (10_000, 0.999999, 300.0),  # no overflow after days of failures
        (0, 0.999999, 1.0),
    ],
)
def test_retry_delay_doubles_with_jitter_up_to_the_most(failures, draw, seconds):
    assert retry_delay(failures, first=1, most=300, draw=draw) == pytest.approx(seconds, abs=1e-3)
