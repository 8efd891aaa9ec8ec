"""Voting from the match page: a plain form post that redirects back, or JSON for the page's script."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from matchcentre.http import wants_json
from matchcentre.metrics import (
    VOTE_ACCEPTED,
    VOTE_FLOOD,
    VOTE_PAUSED,
    VOTE_REFUSED,
    VOTE_REPEAT,
    vote_counted,
)
from polls.floods import FLOOD_MESSAGE, PAUSED_MESSAGE, PAUSED_RETRY_AFTER, CountersOutOfReach, vote_is_flood
from polls.models import Poll
from polls.selectors import poll_anchor, poll_for_fan, poll_is_main
from polls.services import PollClosedError, PollError, poll_vote
from polls.voters import BallotError, request_voter, voter_cookie_remember

BALLOT_REFUSED = "This vote could not be read: reload the page and vote again."
VOTING_PAUSED = PAUSED_MESSAGE


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    poll = get_object_or_404(Poll.objects.select_related("match__home_team", "match__away_team"), pk=pk)
    try:
        voter = request_voter(request)
        flood = vote_is_flood(request, voter.key)
    except BallotError:
        return _refuse(request, poll, BALLOT_REFUSED, status=400)
    except CountersOutOfReach:
        vote_counted(VOTE_PAUSED)
        return _refuse(request, poll, VOTING_PAUSED, status=503)
    if flood:
        vote_counted(VOTE_FLOOD)
        return _refuse(request, poll, FLOOD_MESSAGE, status=429)
    option_id = answer_id(request.POST.get("option", ""))
    if option_id is None:
        return _refuse(request, poll, "Choose one of the answers.", status=400)
    try:
        outcome = poll_vote(poll=poll, option_id=option_id, voter_key=voter.key, now=timezone.now())
    except PollError as error:
        return _refuse(request, poll, str(error), status=refusal_status(error))
    vote_counted(VOTE_ACCEPTED if outcome.counted else VOTE_REPEAT)
    message = vote_message(outcome.vote.option.label, counted=outcome.is_in)
    if wants_json(request):
        payload = poll_for_fan(poll=poll, voter_key=voter.key)
        response: HttpResponse = JsonResponse({"message": message, "counted": outcome.is_in, "poll": payload})
    else:
        # Tagged with the poll's anchor: the page shows it in this poll alone.
        messages.success(request, message, extra_tags=_anchor(poll))
        response = redirect(f"{poll.match.get_absolute_url()}#{_anchor(poll)}")
    voter_cookie_remember(response, voter)
    return response


def answer_id(value: str) -> int | None:
    """The answer's id from the form, or None when it is not one."""
    # Plain digits ("²" is a digit to isdigit, not to int), no more than an id can have.
    if not (value.isascii() and value.isdigit() and len(value) <= 18):
        return None
    return int(value)


def vote_message(label: str, *, counted: bool) -> str:
    return f"Thanks, your vote for {label} is in." if counted else f"You have already voted: {label}."


def refusal_status(error: PollError) -> int:
    return 409 if isinstance(error, PollClosedError) else 400


def refusal_headers(status: int) -> dict[str, str]:
    """A vote refused because it cannot be counted now (503) says when to try again."""
    return {"Retry-After": str(PAUSED_RETRY_AFTER)} if status == 503 else {}


def _anchor(poll: Poll) -> str:
    return poll_anchor(poll, main=poll_is_main(poll))


def _refuse(request: HttpRequest, poll: Poll, message: str, *, status: int) -> HttpResponse:
    if status in (400, 403, 404, 409, 410):
        vote_counted(VOTE_REFUSED)
    """Says why the vote was refused; nothing was written."""
    if wants_json(request):
        response: HttpResponse = JsonResponse({"error": message}, status=status)
    else:
        back_url = f"{poll.match.get_absolute_url()}#{_anchor(poll)}"
        context = {"message": message, "back_url": back_url, "title": poll.match}
        response = render(request, "polls/refused.html", context, status=status)
    for name, value in refusal_headers(status).items():
        response[name] = value
    return response
