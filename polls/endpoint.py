"""The fast lane for fans' votes sent by the match page's script, in front of Django.

Under ASGI, Django hands every request to worker threads (each middleware, the view, the
database), which caps a server process at a few hundred requests a second whatever the view
does. A kick-off crowd votes faster than that, so the one request that comes in bursts is
answered here, first thing in the site's ASGI app (matchcentre/asgi.py):

- Only a vote sent by the page's script (it wants JSON) from a fan without a session (not
  signed in) takes the lane. Everything else goes on to Django with its body, unchanged:
  the no-JavaScript form post, a signed-in fan, a body over 8 KB or the site's limit, and any
  request Django would refuse (CSRF token or Origin, host, a body that is not the script's form,
  answer not a number).
- The vote is read from the scope with the least work (polls.vote_requests) and checked with
  Django's own code on it: `get_host()`, the CSRF middleware's check, the fan's signed cookie or
  ballot id (polls.voters; a ballot id the script does not make goes on to Django, which refuses
  it), the rate limits (polls.floods), the services' rules (polls.services.poll_cast_many). It
  answers what the view answers (polls.views), with the headers the site's middleware give
  (polls.vote_answers); with the rate counters out of reach, that voting is paused.
- Votes go into the database in batches (polls.ballot_box); each fan is answered after the
  batch's transaction has committed. A batch that fails is handed to Django, fan by fan.
"""

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import reverse
from django.utils import timezone
from django.utils.log import log_response

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
from polls.poll_frames import Frames, PollFrame, poll_frame, poll_now
from polls.selectors import poll_for_fans
from polls.services import Ballot, Cast, PollError, poll_cast_many
from polls.vote_answers import AnswerHeads, header_middleware, json_body, send_answer, voter_cookie_line
from polls.vote_requests import vote_request
from polls.voters import BallotError, Voter, request_voter

__all__ = ["VoteLane", "header_middleware"]
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
# A vote's body is a CSRF token, an answer's id and a ballot id: anything bigger goes to Django.
LANE_BODY_BYTES = 8 * 1024


@dataclass(frozen=True)
class ScriptVote:
    poll_id: int
    request: HttpRequest
    voter: Voter
    ballot: Ballot


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes | None  # the JSON; None: Django answers this fan (the request is handed on)


class _CsrfCheck(CsrfViewMiddleware):
    """Django's CSRF check, only saying whether a request passes: one that fails goes on to
    Django, which refuses it with its own page and log line."""

    def _reject(self, request: HttpRequest, reason: str) -> HttpResponse:
        return HttpResponseForbidden()


def _never(request: HttpRequest) -> HttpResponse:
    raise AssertionError("the lane uses the CSRF middleware's check, not its chain")


_csrf = _CsrfCheck(_never)


class VoteLane:
    """ASGI app: script votes of fans without a session are answered here, the rest by `app`."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.heads = AnswerHeads()
        # SQLite takes one writer at a time: a second thread would only wait for the first.
        threads = 1 if connection.vendor == "sqlite" else 2
        self.frames: Frames = {}
        count = functools.partial(count_script_votes, frames=self.frames)
        self.box: BallotBox[ScriptVote, Answer] = BallotBox(count, threads=threads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        poll_id = vote_poll_id(scope)
        limit = min(LANE_BODY_BYTES, settings.DATA_UPLOAD_MAX_MEMORY_SIZE or LANE_BODY_BYTES)
        if poll_id is None or _declared_length(scope) > limit:
            return await self.app(scope, receive, send)
        body, more, gone = await _read_body(receive)
        if gone:
            return
        # Over the site's limit, Django refuses it (413, matchcentre/request_size.py) as it would anyway.
        vote = None if more or len(body) > limit else script_vote(scope, body, poll_id)
        answer = None
        if vote is not None:
            try:
                answer = await self.box.cast(vote)
            except DatabaseError:
                answer = None  # nothing of the batch was saved: Django tries again, and says what failed
        if vote is None or answer is None or answer.body is None:
            return await self.app(scope, _replayed(body, more, receive), send)
        await self.respond(send, vote, answer)

    async def respond(self, send: Send, vote: ScriptVote, answer: Answer) -> None:
        assert answer.body is not None
        cookie = voter_cookie_line(vote.voter) if answer.status == 200 else ""
        await send_answer(
            send, answer.status, self.heads.head(vote.request, answer.status), answer.body, cookie
        )
        if answer.status >= 400:  # as Django logs the refusals of its own views
            response = HttpResponse(status=answer.status)
            log_response(
                "%s: %s", response.reason_phrase, vote.request.path, response=response, request=vote.request
            )


def vote_poll_id(scope: Scope) -> int | None:
    """The poll's id when the request is a vote (POST to polls:vote), else None."""
    if scope["type"] != "http" or scope["method"] != "POST":
        return None
    found = _vote_path().fullmatch(scope["path"])
    return int(found[1]) if found else None


def _declared_length(scope: Scope) -> int:
    """The body's Content-Length (0 when not given: the lane reads no more than its size anyway)."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else LANE_BODY_BYTES + 1
    return 0


@functools.cache
def _vote_path() -> re.Pattern:
    sample = reverse("polls:vote", kwargs={"pk": 24680})
    before, after = sample.split("24680")
    return re.compile(re.escape(before) + "([0-9]{1,18})" + re.escape(after))


def script_vote(scope: Scope, body: bytes, poll_id: int) -> ScriptVote | None:
    """The vote, when the lane may take it; None when Django should answer the request."""
    request = vote_request(scope, body)
    if request is None or not _lane_may_take(request):
        return None
    option_id = views.answer_id(request.POST.get("option", ""))
    if option_id is None:
        return None
    try:
        voter = request_voter(request)
    except BallotError:
        return None  # Django refuses it, in its words
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
    if request.META.get("HTTP_X_REQUESTED_WITH") != "XMLHttpRequest" and not wants_json(request):
        return False
    return _csrf.process_request(request) is None and _csrf.process_view(request, views.vote, (), {}) is None


def count_script_votes(votes: list[ScriptVote], *, frames: Frames) -> list[Answer]:
    """Counts a batch of votes (in the ballot box's thread): one transaction per poll."""
    answers: dict[int, Answer] = {}
    by_poll: dict[int, list[ScriptVote]] = defaultdict(list)
    for vote in votes:
        by_poll[vote.poll_id].append(vote)
    for poll_id, group in by_poll.items():
        try:
            answers.update(_count_poll_votes(frames, poll_id, group))
        except DatabaseError:
            # Nothing of this poll's batch was saved: each fan's request goes on to Django.
            answers.update({id(vote): Answer(503, None) for vote in group})
    return [answers[id(vote)] for vote in votes]


def _count_poll_votes(frames: Frames, poll_id: int, votes: list[ScriptVote]) -> dict[int, Answer]:
    frame = poll_frame(frames, poll_id, {vote.ballot.option_id for vote in votes})
    poll = poll_now(frame) if frame is not None else None
    if frame is None or poll is None:
        return {id(vote): Answer(404, None) for vote in votes}
    try:
        floods = votes_are_floods([(vote.request, vote.voter.key) for vote in votes])
    except CountersOutOfReach:
        vote_counted(VOTE_PAUSED, len(votes))
        return {id(vote): _refused(503, PAUSED_MESSAGE) for vote in votes}
    answers = {
        id(vote): _refused(429, FLOOD_MESSAGE) for vote, flood in zip(votes, floods, strict=True) if flood
    }
    vote_counted(VOTE_FLOOD, len(answers))
    taken = [vote for vote in votes if id(vote) not in answers]
    casts = poll_cast_many(poll=poll, options=frame.options, ballots=[vote.ballot for vote in taken])
    outcomes: Counter[str] = Counter()
    for vote, cast in zip(taken, casts, strict=True):
        if isinstance(cast, PollError):
            outcomes[VOTE_REFUSED] += 1
            answers[id(vote)] = _refused(views.refusal_status(cast), str(cast))
    counted = [(vote, cast) for vote, cast in zip(taken, casts, strict=True) if isinstance(cast, Cast)]
    held = {cast.option_id for _, cast in counted}
    if not held <= frame.options.keys():  # a vote for an answer added since the frame was loaded
        frame = poll_frame(frames, poll_id, held) or frame
        poll = poll_now(frame) or poll
    bodies = _thanks(poll, frame, [cast for _, cast in counted])
    for vote, cast in counted:
        outcomes[VOTE_ACCEPTED if cast.counted else VOTE_REPEAT] += 1
        answers[id(vote)] = Answer(200, bodies[(cast.option_id, cast.is_in)])
    for outcome, count in outcomes.items():
        vote_counted(outcome, count)
    return answers


def _refused(status: int, message: str) -> Answer:
    return Answer(status, json_body({"error": message}))


def _thanks(poll: Poll, frame: PollFrame, casts: list[Cast]) -> dict[tuple[int, bool], bytes]:
    """The answer's JSON for each (answer, in) of the batch: serialised once, not once per fan.

    The poll as each fan now sees it; the votes are saved already, so a failed read only leaves it out.
    """
    kinds = sorted({(cast.option_id, cast.is_in) for cast in casts})
    try:
        seen = poll_for_fans(poll=poll, choices=[option_id for option_id, _ in kinds], main=frame.main)
    except DatabaseError:
        seen = [None] * len(kinds)
    bodies = {}
    for (option_id, is_in), poll_seen in zip(kinds, seen, strict=True):
        data: dict[str, Any] = {
            "message": views.vote_message(frame.options[option_id].label, counted=is_in),
            "counted": is_in,
        }
        bodies[(option_id, is_in)] = json_body(data if poll_seen is None else {**data, "poll": poll_seen})
    return bodies


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
