"""The fast lane for fans' votes sent by the match page's script, in front of Django.

Under ASGI, Django hands every request to worker threads (each middleware, the view, the
database), which caps a server process at a few hundred requests a second whatever the view
does. A kick-off crowd votes faster than that, so the one request that comes in bursts is
answered here:

- Only a vote sent by the page's script (it wants JSON) from a fan without a session (not
  signed in) takes the lane. Everything else goes on to Django with its body, unchanged:
  the no-JavaScript form post, a signed-in fan, and any request Django would refuse (CSRF
  token, host, body, answer not a number).
- The lane checks with Django's own code: the CSRF middleware's check, the fan's signed
  cookie or ballot id (polls.voters; a ballot id the script does not make goes on to Django,
  which refuses it), the rate limits (polls.floods), the services' rules
  (polls.services.poll_vote_many). It answers what the view answers (polls.views), with
  the same security headers; with the rate counters out of reach, that voting is paused.
- Votes go into the database in batches (polls.ballot_box); each fan is answered after the
  batch's transaction has committed. A batch that fails is handed to Django, fan by fan.
"""

import functools
import io
import re
from collections import defaultdict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import DisallowedHost, SuspiciousOperation
from django.core.handlers.asgi import ASGIRequest
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import reverse
from django.utils import timezone
from django.utils.deprecation import MiddlewareMixin
from django.utils.log import log_response
from django.utils.module_loading import import_string

from matchcentre.http import wants_json
from matchcentre.metrics import (
    VOTE_ACCEPTED,
    VOTE_FLOOD,
    VOTE_PAUSED,
    VOTE_REFUSED,
    VOTE_REPEAT,
    vote_counted,
)
from polls import views
from polls.ballot_box import BallotBox
from polls.floods import FLOOD_MESSAGE, PAUSED_MESSAGE, CountersOutOfReach, votes_are_floods
from polls.models import Poll
from polls.selectors import poll_for_fans
from polls.services import Ballot, PollError, VoteOutcome, poll_vote_many
from polls.voters import BallotError, Voter, request_voter, voter_cookie_remember

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
# A vote's body is a CSRF token and an answer's id: anything bigger goes to Django.
LANE_BODY_BYTES = 8 * 1024
# The middleware that only add headers to an answer: the lane's answers get them from the same
# middleware, where the site's MIDDLEWARE lists them, so they carry what Django's answers carry.
HEADER_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
)


@dataclass(frozen=True)
class ScriptVote:
    poll_id: int
    request: HttpRequest
    voter: Voter
    ballot: Ballot


@dataclass(frozen=True)
class Answer:
    status: int
    data: dict[str, Any] | None  # None: Django answers this fan (the request is handed on)


class _CsrfCheck(CsrfViewMiddleware):
    """Django's CSRF check, only saying whether a request passes: one that fails goes on to
    Django, which refuses it with its own page and log line."""

    def _reject(self, request: HttpRequest, reason: str) -> HttpResponse:
        return HttpResponseForbidden()


def _never(request: HttpRequest) -> HttpResponse:
    raise AssertionError("the lane uses these middlewares' checks and headers, not their chain")


_csrf = _CsrfCheck(_never)


def header_middleware() -> list[MiddlewareMixin]:
    """The site's header middleware, made now (they read their settings when made, as Django's
    handler makes its own at start), in the order Django applies them to an answer."""
    return [
        import_string(path)(_never) for path in reversed(settings.MIDDLEWARE) if path in HEADER_MIDDLEWARE
    ]


class VoteLane:
    """ASGI app: script votes of fans without a session are answered here, the rest by `app`."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.headers = header_middleware()
        # SQLite takes one writer at a time: a second thread would only wait for the first.
        threads = 1 if connection.vendor == "sqlite" else 2
        self.box: BallotBox[ScriptVote, Answer] = BallotBox(count_script_votes, threads=threads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        poll_id = vote_poll_id(scope)
        if poll_id is None:
            return await self.app(scope, receive, send)
        body, more, gone = await _read_body(receive)
        if gone:
            return
        vote = None if more or len(body) > LANE_BODY_BYTES else script_vote(scope, body, poll_id)
        answer = None
        if vote is not None:
            try:
                answer = await self.box.cast(vote)
            except DatabaseError:
                answer = None  # nothing of the batch was saved: Django tries again, and says what failed
        if answer is None or answer.data is None:
            return await self.app(scope, _replayed(body, more, receive), send)
        await _send(send, respond(vote, answer, self.headers))


def vote_poll_id(scope: Scope) -> int | None:
    """The poll's id when the request is a vote (POST to polls:vote), else None."""
    if scope["type"] != "http" or scope["method"] != "POST":
        return None
    found = _vote_path().fullmatch(scope["path"])
    return int(found[1]) if found else None


@functools.cache
def _vote_path() -> re.Pattern:
    sample = reverse("polls:vote", kwargs={"pk": 24680})
    before, after = sample.split("24680")
    return re.compile(re.escape(before) + "([0-9]{1,18})" + re.escape(after))


def script_vote(scope: Scope, body: bytes, poll_id: int) -> ScriptVote | None:
    """The vote, when the lane may take it; None when Django should answer the request."""
    request = ASGIRequest(scope, io.BytesIO(body))
    try:
        if not _lane_may_take(request):
            return None
        option_id = views.answer_id(request.POST.get("option", ""))
        voter = request_voter(request)
    except BallotError:
        return None  # Django refuses it, in its words
    except (ValueError, SuspiciousOperation, MultiPartParserError):
        return None  # a body Django cannot read either: it says what is wrong
    if option_id is None:
        return None
    return ScriptVote(poll_id, request, voter, Ballot(option_id, voter.key, timezone.now()))


def _lane_may_take(request: HttpRequest) -> bool:
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # perhaps a signed-in fan, who votes by account: the view knows
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False
    try:
        request.get_host()
    except DisallowedHost:
        return False
    if not wants_json(request):
        return False
    return _csrf.process_request(request) is None and _csrf.process_view(request, views.vote, (), {}) is None


def count_script_votes(votes: list[ScriptVote]) -> list[Answer]:
    """Counts a batch of votes (in the ballot box's thread): one transaction per poll."""
    answers: dict[int, Answer] = {}
    by_poll: dict[int, list[ScriptVote]] = defaultdict(list)
    for vote in votes:
        by_poll[vote.poll_id].append(vote)
    for poll_id, group in by_poll.items():
        try:
            answers.update(_count_poll_votes(poll_id, group))
        except DatabaseError:
            # Nothing of this poll's batch was saved: each fan's request goes on to Django.
            answers.update({id(vote): Answer(503, None) for vote in group})
    return [answers[id(vote)] for vote in votes]


def _count_poll_votes(poll_id: int, votes: list[ScriptVote]) -> dict[int, Answer]:
    polls = Poll.objects.select_related("match__home_team", "match__away_team").prefetch_related("options")
    poll = polls.filter(pk=poll_id).first()
    if poll is None:
        return {id(vote): Answer(404, None) for vote in votes}
    try:
        floods = votes_are_floods([(vote.request, vote.voter.key) for vote in votes])
    except CountersOutOfReach:
        vote_counted(VOTE_PAUSED, len(votes))
        return {id(vote): Answer(503, {"error": PAUSED_MESSAGE}) for vote in votes}
    answers = {
        id(vote): Answer(429, {"error": FLOOD_MESSAGE})
        for vote, flood in zip(votes, floods, strict=True)
        if flood
    }
    vote_counted(VOTE_FLOOD, len(answers))
    taken = [vote for vote in votes if id(vote) not in answers]
    outcomes = poll_vote_many(poll=poll, ballots=[vote.ballot for vote in taken])
    counted = [
        (vote, outcome)
        for vote, outcome in zip(taken, outcomes, strict=True)
        if isinstance(outcome, VoteOutcome)
    ]
    for vote, outcome in zip(taken, outcomes, strict=True):
        if isinstance(outcome, PollError):
            vote_counted(VOTE_REFUSED)
            answers[id(vote)] = Answer(views.refusal_status(outcome), {"error": str(outcome)})
    seen = _seen_by_fans(poll, [outcome.vote.option_id for _, outcome in counted])
    for (vote, outcome), poll_seen in zip(counted, seen, strict=True):
        vote_counted(VOTE_ACCEPTED if outcome.counted else VOTE_REPEAT)
        data = {
            "message": views.vote_message(outcome.vote.option.label, counted=outcome.is_in),
            "counted": outcome.is_in,
        }
        answers[id(vote)] = Answer(200, data if poll_seen is None else {**data, "poll": poll_seen})
    return answers


def _seen_by_fans(poll: Poll, choices: list[int]) -> list[dict[str, Any] | None]:
    """The poll as each fan now sees it; the votes are saved already, so a failed read only leaves it out."""
    try:
        return poll_for_fans(poll=poll, choices=choices) if choices else []
    except DatabaseError:
        return [None] * len(choices)


def respond(vote: ScriptVote, answer: Answer, headers: list[MiddlewareMixin]) -> HttpResponse:
    response = JsonResponse(answer.data, status=answer.status, headers=views.refusal_headers(answer.status))
    if answer.status == 200:
        voter_cookie_remember(response, vote.voter)
    response = _csrf.process_response(vote.request, response)
    for middleware in headers:
        response = middleware.process_response(vote.request, response)
    if answer.status >= 400:  # as Django logs the refusals of its own views
        log_response(
            "%s: %s", response.reason_phrase, vote.request.path, response=response, request=vote.request
        )
    return response


async def _read_body(receive: Receive) -> tuple[bytes, bool, bool]:
    """The body up to the lane's size: (body, more to come, the client went away)."""
    body = b""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return body, False, True
        body += message.get("body", b"")
        more = message.get("more_body", False)
        if not more or len(body) > LANE_BODY_BYTES:
            return body, more, False


def _replayed(body: bytes, more: bool, receive: Receive) -> Receive:
    """`receive` as if nothing had been read: Django reads the body again."""
    pending = [{"type": "http.request", "body": body, "more_body": more}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


async def _send(send: Send, response: HttpResponse) -> None:
    headers = [(name.encode("latin1"), value.encode("latin1")) for name, value in response.items()]
    headers += [
        (b"Set-Cookie", cookie.output(header="").strip().encode("ascii"))
        for cookie in response.cookies.values()
    ]
    headers.append((b"Content-Length", str(len(response.content)).encode("ascii")))
    await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": response.content})
