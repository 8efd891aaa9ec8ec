"""The vote lane's answers, written as the ASGI messages the server sends, with the least work.

The headers Django's middleware put on a vote's JSON answer depend on its status and on
whether the request came over HTTPS, nothing else: the lane asks the site's own middleware
(those of HEADER_MIDDLEWARE that settings.MIDDLEWARE lists, in Django's order) once for each
such pair and keeps what they gave. The JSON is serialised once per kind of answer in a batch
(polls/endpoint.py), and a new fan's cookie is signed and written as Django writes it.
"""

import functools
import json
import re
import time
from collections.abc import Callable, MutableMapping
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.http import http_date
from django.utils.module_loading import import_string

from polls.views import refusal_headers
from polls.voters import Voter, voter_cookie_remember

Message = MutableMapping[str, Any]
Send = Callable[[Message], Any]
Headers = list[tuple[bytes, bytes]]
# The middleware that only add headers to an answer: the lane's answers get them from the same
# middleware, where the site's MIDDLEWARE lists them, so they carry what Django's answers carry.
HEADER_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
)


def _never(request: HttpRequest) -> HttpResponse:
    raise AssertionError("the lane uses these middlewares' headers, not their chain")


def header_middleware() -> list[Any]:
    """The site's header middleware, made now (they read their settings when made, as Django's
    handler makes its own at start), in the order Django applies them to an answer."""
    return [
        import_string(path)(_never) for path in reversed(settings.MIDDLEWARE) if path in HEADER_MIDDLEWARE
    ]


def json_body(data: dict[str, Any]) -> bytes:
    """The bytes JsonResponse(data) sends."""
    return json.dumps(data, cls=DjangoJSONEncoder).encode()


class AnswerHeads:
    """The headers of the lane's answers by (status, HTTPS), as the site's middleware give them."""

    def __init__(self) -> None:
        self.middleware = header_middleware()
        self.heads: dict[tuple[int, bool], Headers] = {}

    def head(self, request: HttpRequest, status: int) -> Headers:
        key = (status, request.is_secure())
        head = self.heads.get(key)
        if head is None:
            response: HttpResponse = JsonResponse({}, status=status, headers=refusal_headers(status))
            for middleware in self.middleware:
                response = middleware.process_response(request, response)
            head = [
                (name.encode("latin1"), value.encode("latin1"))
                for name, value in response.items()
                if name.lower() != "content-length"
            ]
            self.heads[key] = head
        return head


async def send_answer(send: Send, status: int, head: Headers, body: bytes, cookie: str = "") -> None:
    headers = [*head, (b"Content-Length", str(len(body)).encode("ascii"))]
    if cookie:
        headers.append((b"Set-Cookie", cookie.encode("ascii")))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class _CookieLine:
    """Stands for the answer in `voter_cookie_remember`: Django's set_signed_cookie signs the
    value (its own salt and key), and the cookie is written as `Morsel.OutputString` writes it."""

    set_signed_cookie = HttpResponse.set_signed_cookie

    def __init__(self) -> None:
        self.line = ""

    def set_cookie(
        self,
        key: str,
        value: str,
        *,
        max_age: int,
        path: str = "/",
        secure: bool,
        httponly: bool,
        samesite: str,
    ) -> None:
        if not _COOKIE_SAFE.fullmatch(value):
            raise ValueError("a cookie value Python's cookies would quote")
        parts = [f"{key}={value}", f"expires={_expires(int(time.time()), max_age)}"]
        parts += ["HttpOnly"] * httponly + [f"Max-Age={max_age}", f"Path={path}", f"SameSite={samesite}"]
        self.line = "; ".join(parts + ["Secure"] * secure)


_COOKIE_SAFE = re.compile(r"[A-Za-z0-9!#$%&'*+\-.^_`|~:]*")


@functools.lru_cache(maxsize=4)
def _expires(now: int, max_age: int) -> str:
    return http_date(now + max_age)


def voter_cookie_line(voter: Voter) -> str:
    """The Set-Cookie value `voter_cookie_remember` gives a new fan ("" for a known one)."""
    cookie = _CookieLine()
    voter_cookie_remember(cookie, voter)  # type: ignore[arg-type]
    return cookie.line
