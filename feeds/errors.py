"""How the JSON API refuses: the site's one refusal shape (matchcentre/refusals.py) for every
error, each status documented in the schema.

`{"ok": false, "code": "invalid", "message": "Minute: The minute is at most 130; enter added time
apart (90 + 3).", "errors": {"minute": ["The minute is at most 130; enter added time apart (90 + 3)."]}}`
"""

from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from matchcentre import refusals

# Nothing an editor or a feed sends comes near this: a team sheet is a few kilobytes.
MAX_BODY_BYTES = 64 * 1024


class ErrorOut(Schema):
    ok: bool = False
    code: str
    message: str
    errors: dict[str, list[str]] = {}


class ApiRefusal(Exception):
    """A refusal with its HTTP status, raised anywhere below an operation."""

    def __init__(self, status: int, message: str, *, code: str = "", errors: dict | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.refusal = refusals.Refusal(
            code or refusals.CODES_BY_STATUS.get(status, "invalid"), message, errors or {}
        )

    @classmethod
    def of(cls, refusal: refusals.Refusal) -> "ApiRefusal":
        return cls(refusal.status, refusal.message, code=refusal.code, errors=refusal.errors)


def with_errors(answers: dict, *statuses: int) -> dict:
    """An operation's documented answers: its own, and the errors it may give."""
    return {**answers, **{status: ErrorOut for status in statuses}}


def form_refusal(form: Form) -> ApiRefusal:
    """The form's errors (its service's refusal among them): 409 for a stale or vanished event, else 400."""
    return ApiRefusal.of(refusals.form_refusal(form))


def install(api: NinjaAPI) -> None:
    """Every error the API gives, in the one shape."""
    api.add_exception_handler(ApiRefusal, lambda request, exc: _answer(api, request, exc))
    api.add_exception_handler(ValidationError, lambda request, exc: _answer(api, request, _invalid(exc)))
    api.add_exception_handler(AuthenticationError, lambda request, exc: _unauthorized(api, request, exc))
    api.add_exception_handler(HttpError, lambda request, exc: _answer(api, request, _http(exc)))
    api.add_exception_handler(Http404, lambda request, exc: _answer(api, request, _not_found(exc)))


def _answer(api: NinjaAPI, request: HttpRequest, refusal: ApiRefusal) -> HttpResponse:
    return api.create_response(request, refusal.refusal.body(), status=refusal.status)


def _unauthorized(api: NinjaAPI, request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = exc.message
    if message == "Unauthorized":  # ninja's word when no credentials were sent at all
        message = "Send an API token (Authorization: Bearer <key>), or sign in as an editor."
    response = _answer(api, request, ApiRefusal(401, message))
    response["WWW-Authenticate"] = 'Bearer realm="MatchCentre API"'
    return response


def _http(exc: HttpError) -> ApiRefusal:
    return ApiRefusal(exc.status_code, exc.message)


def _not_found(exc: Http404) -> ApiRefusal:
    return ApiRefusal(404, str(exc) or "Not found.")


def _invalid(exc: ValidationError) -> ApiRefusal:
    """Pydantic's complaints about the request, by field: `minute`, `entries.2.player`, `since`."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        errors.setdefault(_field(error.get("loc", ())), []).append(str(error.get("msg", "Invalid.")))
    lines = [f"{name}: {message}" for name, messages in errors.items() for message in messages]
    return ApiRefusal(400, " ".join(lines), errors=errors)


def _field(loc: Iterable) -> str:
    source, *parts = [str(part) for part in loc] or ["body"]
    if source == "body":
        parts = parts[1:]  # the operation's argument name, which the client never sees
    return ".".join(parts) or source


def limit_body(run: Callable) -> Callable:
    """Refuses a body over MAX_BODY_BYTES before anything reads it (ninja's "view" decorator)."""

    @wraps(run)
    def limited(request: HttpRequest, *args, **kwargs):
        declared = request.META.get("CONTENT_LENGTH") or "0"
        # A photo upload (multipart) may carry MATCHCENTRE_MAX_UPLOAD_SIZE, counted as it arrives
        # (matchcentre/request_size.py); reading it whole here would hold it all in memory.
        multipart = request.content_type == "multipart/form-data"
        limit = settings.MAX_UPLOAD_SIZE if multipart else MAX_BODY_BYTES
        if not declared.isdigit() or int(declared) > limit or (not multipart and len(request.body) > limit):
            message = f"The request body is over {limit // 1024} KB."
            return refusals.Refusal("too_large", message).response()
        return run(request, *args, **kwargs)

    return limited
