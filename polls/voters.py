"""Who is voting: a signed-in fan by the account, an anonymous fan by a signed cookie or, before
the fan has one, by the ballot id the page's script made.

A vote may be sent twice (its answer was lost, the script sends it again): the ballot id is made
on the page before the first send and sent with every send, so both are the same fan and the
same vote. The cookie is set to that same id in the answer, so cookie and ballot agree after.
The cookie is only set when an anonymous fan votes, so reading a match page sets none.
"""

import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse

VOTER_COOKIE = "voter"
VOTER_COOKIE_SALT = "polls.voter"
VOTER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60
BALLOT_FIELD = "ballot"
# 128 random bits as the page's script writes them (static/polls/poll.js): 32 lower-case hex digits.
BALLOT_ID = re.compile(r"[0-9a-f]{32}")


class BallotError(ValueError):
    """The vote's ballot id is not one the page's script makes."""


@dataclass(frozen=True)
class Voter:
    key: str
    new_token: str = ""  # Set for a fan seen for the first time: the response must carry it.


def voter_key(request: HttpRequest) -> str | None:
    """The fan's key (`user:<id>` or `anon:<token>`), or None for a fan who has never voted."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    token = request.get_signed_cookie(VOTER_COOKIE, default="", salt=VOTER_COOKIE_SALT)
    return f"anon:{token}" if token else None


def ballot_id(request: HttpRequest) -> str:
    """The vote's ballot id, "" when none was sent (a form posted without the script).

    Raises BallotError for one the script does not make, checked whoever votes: the same input
    gets the same answer.
    """
    ballot = request.POST.get(BALLOT_FIELD, "")
    if ballot and not BALLOT_ID.fullmatch(ballot):
        raise BallotError(ballot)
    return ballot


def request_voter(request: HttpRequest) -> Voter:
    """The fan making the vote: by account, by cookie, else by the ballot id (a new fan, whose
    answer must carry the cookie), else a new random identity. Raises BallotError."""
    ballot = ballot_id(request)
    key = voter_key(request)
    if key:
        return Voter(key=key)
    # A new ballot id per vote gets no further than clearing the cookie before each vote does:
    # a new fan each time, held back by the per-address rate.
    token = ballot or secrets.token_urlsafe(16)
    return Voter(key=f"anon:{token}", new_token=token)


def voter_cookie_remember(response: HttpResponse, voter: Voter) -> None:
    """Sets the signed cookie of a fan seen for the first time on the response."""
    if not voter.new_token:
        return
    response.set_signed_cookie(
        VOTER_COOKIE,
        voter.new_token,
        salt=VOTER_COOKIE_SALT,
        max_age=VOTER_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
