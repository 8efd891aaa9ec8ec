"""How every write channel says no: one mapping from a refusal to an answer, and one JSON shape.

The console's JSON answers, the JSON API and the editors' websocket all refuse in this shape
(the websocket adds its `"type": "error"` and the command's `ref`):

    {"ok": false, "code": "invalid", "message": "Minute: Enter a whole number.",
     "errors": {"minute": ["Enter a whole number."]}}

`message` is every error in one line a person can read aloud; `errors` lists them by field
(`__all__` for a refusal of the whole write, such as the rules' or a stale version's).
"""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS
from django.forms import Form
from django.http import JsonResponse

# The HTTP status of each code. Conflicts are nobody's typing mistake: the event changed
# (`stale`) or went (`gone`) while the editor looked, or a key names another request.
STATUSES = {
    "invalid": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "not_found": 404,
    "stale": 409,
    "gone": 409,
    "conflict": 409,
    "key_reused": 409,
    "too_large": 413,
    "too_many": 429,
    "unavailable": 503,
}
CODES_BY_STATUS = {400: "invalid", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict"}
CONFLICT_CODES = ("stale", "gone")


@dataclass(frozen=True)
class Refusal:
    """A write refused: why (`code`), in words (`message`), and by field (`errors`)."""

    code: str
    message: str
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def status(self) -> int:
        return STATUSES.get(self.code, 400)

    def body(self) -> dict:
        return {"ok": False, "code": self.code, "message": self.message, "errors": self.errors}

    def response(self) -> JsonResponse:
        return JsonResponse(self.body(), status=self.status)


def form_refusal(form: Form) -> Refusal:
    """A refused form (its service's refusal among its errors): `stale` or `gone` when the
    service said so, else `invalid`; every message, each field's with the field's label."""
    code = next((code for code in CONFLICT_CODES if form.has_error(NON_FIELD_ERRORS, code)), "invalid")
    errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
    lines = [
        message if name == NON_FIELD_ERRORS else f"{_label(form, name)}: {message}"
        for name, messages in errors.items()
        for message in messages
    ]
    return Refusal(code, " ".join(lines) or "Refused.", errors)


def _label(form: Form, name: str) -> str:
    found = form.fields.get(name)
    return str(found.label) if found is not None and found.label else name
