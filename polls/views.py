"""Voting from the match page: a plain form post that redirects back, or JSON for the page's script."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from matchcentre.http import wants_json
from polls.floods import FLOOD_MESSAGE, vote_is_flood
from polls.models import Poll
from polls.selectors import poll_anchor, poll_for_fan, poll_is_main
from polls.services import PollClosedError, PollError, poll_vote
from polls.voters import request_voter, voter_cookie_remember


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    poll = get_object_or_404(Poll.objects.select_related("match__home_team", "match__away_team"), pk=pk)
    voter = request_voter(request)
    if vote_is_flood(request, voter.key):
        return _refuse(request, poll, FLOOD_MESSAGE, status=429)
    option_id = answer_id(request.POST.get("option", ""))
    if option_id is None:
        return _refuse(request, poll, "Choose one of the answers.", status=400)
    try:
        outcome = poll_vote(poll=poll, option_id=option_id, voter_key=voter.key, now=timezone.now())
    except PollError as error:
        return _refuse(request, poll, str(error), status=refusal_status(error))
    message = vote_message(outcome.vote.option.label, counted=outcome.counted)
    if wants_json(request):
        payload = poll_for_fan(poll=poll, voter_key=voter.key)
        response: HttpResponse = JsonResponse(
            {"message": message, "counted": outcome.counted, "poll": payload}
        )
    else:
        messages.success(request, message, extra_tags="poll")
        response = redirect(_poll_url(poll))
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


def _poll_url(poll: Poll) -> str:
    return f"{poll.match.get_absolute_url()}#{poll_anchor(poll, main=poll_is_main(poll))}"


def _refuse(request: HttpRequest, poll: Poll, message: str, *, status: int) -> HttpResponse:
    """Says why the vote was refused; nothing was written."""
    if wants_json(request):
        return JsonResponse({"error": message}, status=status)
    context = {"message": message, "back_url": _poll_url(poll), "title": poll.match}
    return render(request, "polls/refused.html", context, status=status)
