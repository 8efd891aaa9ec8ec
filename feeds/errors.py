"""How the JSON API refuses: one JSON shape for every error, each status documented in the schema.

`{"detail": "Minute: The minute is at most 130; enter added time apart (90 + 3).", "code": "invalid",
"errors": {"minute": ["The minute is at most 130; enter added time apart (90 + 3)."]}}`
"""

from collections.abc import Callable, Iterable
from functools import wraps

from django.core.exceptions import NON_FIELD_ERRORS
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

# Nothing an editor or a feed sends comes near this: a team sheet is a few kilobytes.
MAX_BODY_BYTES = 64 * 1024
CONFLICT_CODES = ("stale", "gone")
CODES = {
    400: "invalid",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    413: "too_large",
}


class ErrorOut(Schema):
    detail: str
    code: str
    errors: dict[str, list[str]] = {}


class ApiRefusal(Exception):
    """A refusal with its HTTP status, raised anywhere below an operation."""

    def __init__(self, status: int, detail: str, *, code: str = "", errors: dict | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail
        self.code = code or CODES.get(status, "error")
        self.errors = errors or {}


def with_errors(answers: dict, *statuses: int) -> dict:
    """An operation's documented answers: its own, and the errors it may give."""
    return {**answers, **{status: ErrorOut for status in statuses}}


def form_refusal(form: Form) -> ApiRefusal:
    """The form's errors (its service's refusal among them): 409 for a stale or vanished event, else 400."""
    code = next((code for code in CONFLICT_CODES if form.has_error(NON_FIELD_ERRORS, code)), "invalid")
    errors = {name: list(messages) for name, messages in form.errors.items()}
    lines = [
        message if name == NON_FIELD_ERRORS else f"{form.fields[name].label or name}: {message}"
        for name, messages in errors.items()
        for message in messages
    ]
    return ApiRefusal(409 if code in CONFLICT_CODES else 400, " ".join(lines), code=code, errors=errors)


def install(api: NinjaAPI) -> None:
    """Every error the API gives, in the one shape."""
    api.add_exception_handler(ApiRefusal, lambda request, exc: _answer(api, request, exc))
    api.add_exception_handler(ValidationError, lambda request, exc: _answer(api, request, _invalid(exc)))
    api.add_exception_handler(AuthenticationError, lambda request, exc: _unauthorized(api, request, exc))
    api.add_exception_handler(HttpError, lambda request, exc: _answer(api, request, _http(exc)))
    api.add_exception_handler(Http404, lambda request, exc: _answer(api, request, _not_found(exc)))


def _answer(api: NinjaAPI, request: HttpRequest, refusal: ApiRefusal) -> HttpResponse:
    body = {"detail": refusal.detail, "code": refusal.code, "errors": refusal.errors}
    return api.create_response(request, body, status=refusal.status)


def _unauthorized(api: NinjaAPI, request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    detail = exc.message
    if detail == "Unauthorized":  # ninja's word when no credentials were sent at all
        detail = "Send an API token (Authorization: Bearer <key>), or sign in as an editor."
    response = _answer(api, request, ApiRefusal(401, detail))
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
        if not declared.isdigit() or int(declared) > MAX_BODY_BYTES or len(request.body) > MAX_BODY_BYTES:
            detail = f"The request body is over {MAX_BODY_BYTES // 1024} KB."
            return JsonResponse({"detail": detail, "code": CODES[413], "errors": {}}, status=413)
        return run(request, *args, **kwargs)

    return limited
