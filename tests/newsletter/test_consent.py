"""Double opt-in: who is sent a confirmation link, and when it is sent again."""

import datetime as dt

import pytest

from newsletter.consent import Outcome, Standing, sends_email, signup_outcome

NOW = dt.datetime(2024, 4, 18, 19, 0, tzinfo=dt.UTC)
FIVE_MINUTES = dt.timedelta(minutes=5)


def ago(**delta):
    return NOW - dt.timedelta(**delta)


@pytest.mark.parametrize(
    ("standing", "outcome"),
    [
        (None, Outcome.SENT),
        (Standing(confirmed=False, unsubscribed=False, last_sent_at=ago(minutes=1)), Outcome.RECENTLY_SENT),
        (Standing(confirmed=False, unsubscribed=False, last_sent_at=ago(minutes=5)), Outcome.RESENT),
        (Standing(confirmed=False, unsubscribed=False, last_sent_at=ago(days=3)), Outcome.RESENT),
        (Standing(confirmed=False, unsubscribed=False, last_sent_at=None), Outcome.RESENT),  # never went out
        (
            Standing(confirmed=True, unsubscribed=False, last_sent_at=ago(seconds=10)),
            Outcome.ALREADY_SUBSCRIBED,
        ),
        (
            Standing(confirmed=True, unsubscribed=False, last_sent_at=ago(days=300)),
            Outcome.ALREADY_SUBSCRIBED,
        ),
        (Standing(confirmed=True, unsubscribed=True, last_sent_at=ago(days=30)), Outcome.SENT),
        (Standing(confirmed=False, unsubscribed=True, last_sent_at=ago(days=30)), Outcome.SENT),
        # Someone who left a minute ago and signs up again waits for the interval like anyone.
        (Standing(confirmed=True, unsubscribed=True, last_sent_at=ago(minutes=1)), Outcome.RECENTLY_SENT),
    ],
)
def test_signup_outcome(standing, outcome):
    assert signup_outcome(standing, now=NOW, resend_after=FIVE_MINUTES) is outcome


@pytest.mark.parametrize(
    ("outcome", "sends"),
    [
        (Outcome.SENT, True),
        (Outcome.RESENT, True),
        (Outcome.RECENTLY_SENT, False),
        (Outcome.ALREADY_SUBSCRIBED, False),
    ],
)
def test_only_a_new_or_resent_link_is_emailed(outcome, sends):
    assert sends_email(outcome) is sends
