"""Newsletter sign-up (its own page, and the box's form post that redirects back, or JSON for the
page's script), and the pages the email's links open."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_safe

from matchcentre.http import too_fast, wants_json
from newsletter.selectors import subscriber_by_token
from newsletter.services import (
    EmailNotSentError,
    NewsletterError,
    newsletter_confirm,
    newsletter_subscribe,
    newsletter_unsubscribe,
)

FLOOD_MESSAGE = "Too many sign-ups from here. Please wait a while, then try again."
ANCHOR = "#newsletter"


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """GET: the sign-up page (the box on its own); POST: signs up."""
    if request.method != "POST":
        return render(request, "newsletter/signup.html")
    email = request.POST.get("email", "").strip()
    if _is_flood(request, email):
        return _answer(request, FLOOD_MESSAGE, ok=False, status=429)
    try:
        signup = newsletter_subscribe(
            email=email, now=timezone.now(), base_url=request.build_absolute_uri("/")
        )
    except NewsletterError as error:
        return _answer(
            request, str(error), ok=False, status=503 if isinstance(error, EmailNotSentError) else 400
        )
    return _answer(request, signup.message, ok=True, status=200)


@require_safe
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = newsletter_confirm(token=token)
    except NewsletterError as error:
        return _problem(request, str(error), status=404)
    return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (so that link scanners in mail systems unsubscribe nobody); POST unsubscribes."""
    if request.method != "POST":
        subscriber = subscriber_by_token(token)
        if subscriber is None:
            return _problem(
                request, "This link is not valid. It may have been copied only in part.", status=404
            )
        return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
    try:
        subscriber = newsletter_unsubscribe(token=token)
    except NewsletterError as error:
        return _problem(request, str(error), status=404)
    return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})


def _is_flood(request: HttpRequest, email: str) -> bool:
    by_email = bool(email) and too_fast(
        request,
        group="newsletter.signup.email",
        key=lambda group, request: email.lower(),
        rate=settings.NEWSLETTER_SIGNUP_RATE_PER_EMAIL,
    )
    by_address = too_fast(
        request, group="newsletter.signup.address", key="ip", rate=settings.NEWSLETTER_SIGNUP_RATE_PER_ADDRESS
    )
    return by_email or by_address


def _answer(request: HttpRequest, message: str, *, ok: bool, status: int) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"ok": ok, "message": message}, status=status)
    if status == 429:
        return _problem(request, message, status=status)
    (messages.success if ok else messages.error)(request, message, extra_tags="newsletter")
    return redirect(_back_url(request) + ANCHOR)


def _back_url(request: HttpRequest) -> str:
    """The page the form was on, if it is one of ours."""
    back = request.POST.get("next", "").split("#")[0]
    safe = url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return back if back and safe else "/"


def _problem(request: HttpRequest, message: str, *, status: int) -> HttpResponse:
    return render(request, "newsletter/problem.html", {"message": message}, status=status)
