"""Voting from the match page: a plain form post that redirects back, or JSON for the page's script."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from polls.models import Poll
from polls.selectors import poll_anchor, poll_for_fan, poll_is_main
from polls.services import PollClosedError, PollError, poll_vote
from polls.voters import Voter, request_voter, voter_cookie_remember

FLOOD_MESSAGE = "Too many votes from here. Wait a minute, then try again."


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    poll = get_object_or_404(Poll.objects.select_related("match__home_team", "match__away_team"), pk=pk)
    voter = request_voter(request)
    if _is_flood(request, voter):
        return _refuse(request, poll, FLOOD_MESSAGE, status=429)
    option_id = request.POST.get("option", "")
    if not option_id.isdigit():
        return _refuse(request, poll, "Choose one of the answers.", status=400)
    try:
        outcome = poll_vote(poll=poll, option_id=int(option_id), voter_key=voter.key, now=timezone.now())
    except PollError as error:
        return _refuse(request, poll, str(error), status=409 if isinstance(error, PollClosedError) else 400)
    label = outcome.vote.option.label
    message = (
        f"Thanks, your vote for {label} is in." if outcome.counted else f"You have already voted: {label}."
    )
    if _wants_json(request):
        payload = poll_for_fan(poll=poll, voter_key=voter.key)
        response = JsonResponse({"message": message, "counted": outcome.counted, "poll": payload})
    else:
        messages.success(request, message, extra_tags="poll")
        response = redirect(_poll_url(poll))
    voter_cookie_remember(response, voter)
    return response


def _is_flood(request: HttpRequest, voter: Voter) -> bool:
    by_fan = is_ratelimited(
        request,
        group="polls.vote.fan",
        key=lambda group, request: voter.key,
        rate=settings.POLLS_VOTE_RATE_PER_FAN or None,
        increment=True,
    )
    by_address = is_ratelimited(
        request,
        group="polls.vote.address",
        key="ip",
        rate=settings.POLLS_VOTE_RATE_PER_ADDRESS or None,
        increment=True,
    )
    return by_fan or by_address


def _wants_json(request: HttpRequest) -> bool:
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return True
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _poll_url(poll: Poll) -> str:
    return f"{poll.match.get_absolute_url()}#{poll_anchor(poll, main=poll_is_main(poll))}"


def _refuse(request: HttpRequest, poll: Poll, message: str, *, status: int) -> HttpResponse:
    """Says why the vote was refused; nothing was written."""
    if _wants_json(request):
        return JsonResponse({"error": message}, status=status)
    context = {"message": message, "back_url": _poll_url(poll), "title": poll.match}
    return render(request, "polls/refused.html", context, status=status)
