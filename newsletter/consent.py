"""Double opt-in: what a sign-up with an address does, by where that address stands.

- A new address, or one that unsubscribed before, is sent a confirmation link; nothing else
  is ever sent to it until that link is opened.
- An address that has confirmed is told so kindly and sent nothing.
- An address still waiting for confirmation is sent the link again, but not twice within a
  few minutes (the resend interval): a double click or an impatient fan must not flood an
  inbox, and neither may someone typing another person's address.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    SENT = "sent"
    RESENT = "resent"
    RECENTLY_SENT = "recently_sent"
    ALREADY_SUBSCRIBED = "already_subscribed"


@dataclass(frozen=True)
class Standing:
    """Where an address stands; None for an address never seen."""

    confirmed: bool
    unsubscribed: bool
    last_sent_at: dt.datetime | None


def signup_outcome(standing: Standing | None, *, now: dt.datetime, resend_after: dt.timedelta) -> Outcome:
    if standing is None:
        return Outcome.SENT
    if standing.confirmed and not standing.unsubscribed:
        return Outcome.ALREADY_SUBSCRIBED
    if _sent_recently(standing.last_sent_at, now, resend_after):
        return Outcome.RECENTLY_SENT
    return Outcome.SENT if standing.unsubscribed else Outcome.RESENT


def sends_email(outcome: Outcome) -> bool:
    return outcome in (Outcome.SENT, Outcome.RESENT)


def _sent_recently(last_sent_at: dt.datetime | None, now: dt.datetime, resend_after: dt.timedelta) -> bool:
    return last_sent_at is not None and now - last_sent_at < resend_after
