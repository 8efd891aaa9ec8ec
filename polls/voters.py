"""Who is voting: a logged-in fan by the account, an anonymous fan by a signed cookie.

The cookie is only set when an anonymous fan first votes, so reading a match page sets none.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse

VOTER_COOKIE = "voter"
VOTER_COOKIE_SALT = "polls.voter"
VOTER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60


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


def request_voter(request: HttpRequest) -> Voter:
    """The fan making the request, given a new anonymous identity when there is none yet."""
    key = voter_key(request)
    if key:
        return Voter(key=key)
    token = secrets.token_urlsafe(16)
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
