"""Web Push from the fan's side (the VAPID public key; a browser's subscription saved or
dropped) and the editors' "no alerts" switch. Thin: checks in fans/push_input.py, writes in
fans/push_services.py."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fans import push_keys, push_services
from fans.push_input import BadSubscription, endpoint_of, parse_body, subscription_of
from fixtures_app.editors import can_edit_matches
from fixtures_app.models import Match
from matchcentre.http import too_fast
from matchcentre.refusals import Refusal

TOO_MANY = "Too many alert sign-ups from here. Please wait a while, then try again."


@require_GET
def public_key(request: HttpRequest) -> JsonResponse:
    """What a page needs to subscribe: the site's VAPID public key (empty when alerts are off)."""
    key = push_keys.public_key_text()
    return JsonResponse(
        {"enabled": bool(key), "public_key": key, "message": "" if key else push_keys.NOT_SET_UP}
    )


@never_cache
@require_http_methods(["POST", "DELETE"])
def subscriptions(request: HttpRequest) -> HttpResponse:
    """POST: the browser's subscription, what it follows and its delay; DELETE: forget it."""
    if not push_keys.enabled():
        return Refusal("unavailable", push_keys.NOT_SET_UP).response()
    rate = settings.PUSH_SUBSCRIBE_RATE_PER_ADDRESS
    if too_fast(request, group="fans.push.subscribe", key="ip", rate=rate):
        return Refusal("too_many", TOO_MANY).response()
    try:
        data = parse_body(request.body)
        if request.method == "DELETE":
            known = push_services.subscription_delete(endpoint=endpoint_of(data.get("endpoint")))
            return JsonResponse({"ok": True, "subscribed": False, "known": known})
        saved = push_services.subscription_save(subscription=subscription_of(data), user=request.user)
    except BadSubscription as error:
        return Refusal("invalid", str(error), {error.field: [str(error)]}).response()
    body = {"ok": True, "subscribed": True, "teams": saved.teams.count(), "matches": saved.matches.count()}
    return JsonResponse(body, status=201)


@require_POST
def match_alerts(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor turns a match's alerts off (a replay, a friendly) or on again."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_edit_matches(request.user):
        return Refusal("forbidden", "Only editors can change a match's alerts.").response()
    match = get_object_or_404(Match, pk=pk)
    on = request.POST.get("alerts") == "on"
    push_services.match_alerts_set(match=match, on=on)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse({"ok": True, "alerts": on})
    return redirect("fixtures_app:console-match", pk=match.pk)
