"""The fan's own layer over HTTP: the My clubs strip, and a signed-in fan's follows.

A browser keeps its own follows (static/fans/store.js) and asks for the strip by ids, so the
strip's answer is the same for every fan who follows the same clubs: public, in UK time (the
page's script puts it in the reader's zone). Only a signed-in fan's follows are kept here.
"""

import zoneinfo

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fans.follows import Followed, FollowError, follow_add, follow_remove, follows_merge, follows_of
from fans.forms import FollowedForm, FollowForm
from fans.my_clubs import my_clubs
from matchcentre.refusals import Refusal, form_refusal

# As long as the home page (fixtures_app/views/edge.py): the scores socket brings what is newer.
STRIP_SECONDS = 5
SIGN_IN = Refusal(
    "unauthorized", "Sign in to keep your follows with your account; this browser keeps them without one."
)


@require_GET
def clubs(request: HttpRequest) -> JsonResponse:
    form = FollowedForm(request.GET)
    if not form.is_valid():
        return form_refusal(form).response()
    zone = zoneinfo.ZoneInfo(settings.MATCHCENTRE_DEFAULT_READER_TIMEZONE)
    with timezone.override(zone):
        strip = my_clubs(
            team_ids=form.cleaned_data["teams"],
            match_ids=form.cleaned_data["matches"],
            now=timezone.now(),
            tz=zone,
        )
    response = JsonResponse(strip.as_json())
    patch_cache_control(response, public=True, max_age=0, s_maxage=STRIP_SECONDS)
    return response


@require_http_methods(["GET", "POST", "DELETE"])
def follows(request: HttpRequest) -> JsonResponse:
    """GET: the signed-in fan's follows; POST: follow one club or match; DELETE (its id in the
    query string): stop following it."""
    if not request.user.is_authenticated:
        return _private(SIGN_IN.response())
    if request.method == "GET":
        return _answer(follows_of(request.user))
    form = FollowForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        return _private(form_refusal(form).response())
    which = {"team_id": form.cleaned_data["team"], "match_id": form.cleaned_data["match"]}
    try:
        if request.method == "POST":
            return _answer(follow_add(user=request.user, **which))
        return _answer(follow_remove(user=request.user, **which))
    except FollowError as error:
        return _private(Refusal("invalid", str(error)).response())


@require_POST
def merge(request: HttpRequest) -> JsonResponse:
    """Adds the browser's follows to the signed-in fan's; answers the union, which the browser keeps."""
    if not request.user.is_authenticated:
        return _private(SIGN_IN.response())
    form = FollowedForm(request.POST)
    if not form.is_valid():
        return _private(form_refusal(form).response())
    try:
        union = follows_merge(
            user=request.user, team_ids=form.cleaned_data["teams"], match_ids=form.cleaned_data["matches"]
        )
    except FollowError as error:
        return _private(Refusal("invalid", str(error)).response())
    return _answer(union)


def _answer(followed: Followed) -> JsonResponse:
    return _private(JsonResponse({"ok": True, **followed.as_json()}))


def _private(response: JsonResponse) -> JsonResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response
