"""Fences on the Django internals polls/endpoint.py (the vote lane) relies on. The lane answers
votes in front of Django with Django's own parts, used outside Django's handler:

- `django.core.handlers.asgi.ASGIRequest(scope, body_file)`, an undocumented class: the lane's
  own request (polls/vote_requests.py) is built as it builds its META, and must read the same
  (tests/polls/test_vote_requests.py compares them); the exceptions its POST parsing raises for a
  body Django would refuse (the lane hands such bodies on to Django);
- `CsrfViewMiddleware._reject(request, reason)`, a private method, overridden so that a failed
  check only says "no" (Django answers, and logs, the refusal), relied on to be the one way
  `process_view` refuses;
- the CSRF, security and frame middleware's hooks (`process_request`, `process_view`,
  `process_response`) called one by one, outside the middleware chain, on middleware made with
  a `get_response` that must never run;
- `django.utils.log.log_response`, undocumented, to log the lane's refusals as Django logs its views'.

If a Django upgrade changes any of it, these tests fail and say what changed."""

import inspect
import io
import logging

import django
import pytest
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.csrf import CsrfViewMiddleware
from django.middleware.security import SecurityMiddleware
from django.utils.log import log_response

from polls import endpoint, views

DJANGO = ".".join(str(part) for part in django.VERSION[:2])
CSRF = "c" * 32
FORM = b"application/x-www-form-urlencoded"


def changed(thing: str, relied_on: str) -> str:
    return f"Django {DJANGO} changed {thing} that polls/endpoint.py relies on: {relied_on}"


def scope(*headers: tuple[bytes, bytes], scheme: str = "http", content_type: bytes = FORM) -> dict:
    """A vote's scope as a server sends it."""
    return {
        "type": "http",
        "method": "POST",
        "path": "/polls/5/vote/",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"content-type", content_type),
            (b"cookie", f"csrftoken={CSRF}; tz=Europe/Rome".encode()),
            (b"x-requested-with", b"XMLHttpRequest"),
            *headers,
        ],
        "client": ("203.0.113.9", 50000),
        "server": ("127.0.0.1", 8000),
        "scheme": scheme,
    }


def request(body: bytes = b"", *headers: tuple[bytes, bytes], **options) -> ASGIRequest:
    return ASGIRequest(scope(*headers, **options), io.BytesIO(body))


def never(request):
    raise AssertionError("a middleware hook called get_response")


def test_asgi_request_is_made_from_a_scope_and_a_body_file():
    parameters = list(inspect.signature(ASGIRequest.__init__).parameters)
    assert parameters == ["self", "scope", "body_file"], changed(
        "ASGIRequest.__init__", f"the lane calls ASGIRequest(scope, body_file); it now takes {parameters}"
    )
    vote = request(f"csrfmiddlewaretoken={CSRF}&option=7".encode())
    made = {
        "POST": vote.POST.dict(),
        "COOKIES": vote.COOKIES,
        "method and path": (vote.method, vote.path),
        "headers": vote.headers.get("X-Requested-With"),
        "host": vote.get_host(),
        "client address": vote.META.get("REMOTE_ADDR"),
        "is_secure()": vote.is_secure(),
    }
    assert made == {
        "POST": {"csrfmiddlewaretoken": CSRF, "option": "7"},
        "COOKIES": {"csrftoken": CSRF, "tz": "Europe/Rome"},
        "method and path": ("POST", "/polls/5/vote/"),
        "headers": "XMLHttpRequest",
        "host": "127.0.0.1:8000",
        "client address": "203.0.113.9",
        "is_secure()": False,
    }, changed("the request ASGIRequest makes", "its form, cookies, headers, host and client address")


def test_asgi_request_knows_https_from_the_scope_and_from_the_proxys_header(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert request(scheme="https").is_secure(), changed(
        "ASGIRequest.is_secure()", "a request whose scope's scheme is https is secure"
    )
    assert request(b"", (b"x-forwarded-proto", b"https")).is_secure(), changed(
        "ASGIRequest.is_secure()", "a request the proxy of SECURE_PROXY_SSL_HEADER marks https is secure"
    )


@pytest.mark.parametrize(
    ("body", "options", "refused_with"),
    [
        (b"option=1&padding=" + b"x" * 200, {}, SuspiciousOperation),
        (b"&".join(b"f%d=1" % n for n in range(20)), {}, SuspiciousOperation),
        (b"option=1", {"content_type": b"multipart/form-data; boundary="}, MultiPartParserError),
    ],
    ids=["body too big", "too many fields", "multipart without a boundary"],
)
def test_a_body_django_refuses_raises_what_the_lane_catches(settings, body, options, refused_with):
    """The lane hands such a vote on to Django, which answers it; any other error would be a 500."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE, settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100, 10
    vote = request(body, (b"content-length", str(len(body)).encode()), **options)
    try:
        vote.POST.get("option")
    except Exception as error:  # which one it raises is the point
        raised: Exception | None = error
    else:
        raised = None
    assert isinstance(raised, refused_with), changed(
        "what ASGIRequest.POST raises for a body Django refuses",
        f"the lane catches {refused_with.__name__}; it raised {raised!r}",
    )


class RecordedRefusals(CsrfViewMiddleware):
    def __init__(self) -> None:
        super().__init__(never)
        self.reasons: list[str] = []

    def _reject(self, request, reason):
        self.reasons.append(reason)
        return HttpResponse("refused by _reject", status=403)


def csrf_check(vote: ASGIRequest) -> tuple[HttpResponse | None, list[str]]:
    check = RecordedRefusals()
    assert check.process_request(vote) is None
    return check.process_view(vote, views.vote, (), {}), check.reasons


@pytest.mark.parametrize(
    ("body", "headers", "scheme"),
    [
        (b"option=1", [], "http"),
        (b"csrfmiddlewaretoken=" + b"d" * 32 + b"&option=1", [], "http"),
        (f"csrfmiddlewaretoken={CSRF}&option=1".encode(), [(b"origin", b"https://evil.example")], "http"),
        (f"csrfmiddlewaretoken={CSRF}&option=1".encode(), [], "https"),
    ],
    ids=["no token", "wrong token", "another site's origin", "https without origin or referer"],
)
def test_every_csrf_refusal_goes_through_reject(body, headers, scheme):
    response, reasons = csrf_check(request(body, *headers, scheme=scheme))
    assert len(reasons) == 1 and response is not None and response.content == b"refused by _reject", changed(
        "CsrfViewMiddleware._reject",
        "process_view must refuse a failed check by calling self._reject(request, reason) and "
        f"returning what it returns (got {response!r}, _reject called with {reasons})",
    )


def test_a_vote_with_its_token_passes_the_csrf_check_without_reject():
    response, reasons = csrf_check(request(f"csrfmiddlewaretoken={CSRF}&option=1".encode()))
    assert (response, reasons) == (None, []), changed(
        "CsrfViewMiddleware.process_view", "a request carrying the cookie's token passes (returns None)"
    )


def test_reject_takes_the_request_and_the_reason():
    parameters = list(inspect.signature(CsrfViewMiddleware._reject).parameters)
    assert parameters == ["self", "request", "reason"], changed(
        "CsrfViewMiddleware._reject",
        f"the lane overrides _reject(self, request, reason); it is now {parameters}",
    )


def test_the_lanes_csrf_check_refuses_without_a_log_line(caplog):
    """Django logs the refusal when it answers the vote the lane handed on: once, not twice."""
    vote = request(b"option=1", (b"accept", b"application/json"))
    with caplog.at_level(logging.DEBUG):
        assert endpoint._lane_may_take(vote) is False
    assert caplog.records == [], changed(
        "CsrfViewMiddleware", "the lane's _reject replaces Django's logging one"
    )


@pytest.mark.parametrize("middleware", [CsrfViewMiddleware, SecurityMiddleware, XFrameOptionsMiddleware])
def test_the_middleware_hooks_work_outside_their_chain(middleware, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    made = middleware(never)
    hooks = [hook for hook in ("process_request", "process_view", "process_response") if hasattr(made, hook)]
    assert "process_response" in hooks, changed(
        f"{middleware.__name__}", "it has a process_response(request, response) hook, called on its own"
    )
    vote = request(f"csrfmiddlewaretoken={CSRF}&option=1".encode(), scheme="https")
    if "process_request" in hooks:
        assert made.process_request(vote) is None
    answer = made.process_response(vote, JsonResponse({"counted": True}))
    assert answer["Content-Type"] == "application/json"


def test_the_header_middleware_add_their_headers_in_process_response(settings):
    """The lane's answers get their headers from these middleware's process_response alone."""
    settings.SECURE_HSTS_SECONDS, settings.X_FRAME_OPTIONS = 3600, "DENY"
    vote, answer = request(scheme="https"), JsonResponse({"counted": True})
    for middleware in endpoint.header_middleware():
        answer = middleware.process_response(vote, answer)
    assert {name: answer.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS, changed(
        "SecurityMiddleware or XFrameOptionsMiddleware",
        "made with the site's settings, their process_response adds the security headers",
    )


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=3600",
    "X-Frame-Options": "DENY",
}


def test_log_response_logs_a_refusal_as_django_logs_its_views(caplog):
    vote = request()
    with caplog.at_level(logging.INFO, logger="django.request"):
        log_response("%s: %s", "Conflict", vote.path, response=HttpResponse(status=409), request=vote)
    logged = [(r.name, r.levelname, r.getMessage(), r.status_code, r.request) for r in caplog.records]
    assert logged == [("django.request", "WARNING", "Conflict: /polls/5/vote/", 409, vote)], changed(
        "django.utils.log.log_response",
        "log_response(message, *args, response=, request=) logs a 4xx on django.request as a warning",
    )
