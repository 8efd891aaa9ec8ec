"""Requests over the size limit refused as their body arrives, not after it is all buffered.

Django's ASGI handler reads a whole body (to a temporary file past 2.5 MB) before any view or
middleware sees it, so a 600 MB POST to the sign-in page cost 600 MB of disk before its 403.
`RequestSizeLimit` sits in front of the Django app: a body declared larger than the limit
(`Content-Length`) is never read, and one that grows past it (chunked) is read no further. In
both cases Django gets an empty body and a mark in the scope, and `RequestSizeMiddleware`
raises Django's own `RequestDataTooBig` for it, so the answer is the site's usual 413 (a page
for people, JSON for scripts: matchcentre/errors.py) with every middleware's headers on it.

The limit is DATA_UPLOAD_MAX_MEMORY_SIZE (1 MB), as Django's own check; multipart bodies
(photos uploaded in the admin) may carry MATCHCENTRE_MAX_UPLOAD_SIZE (10 MB). Headers are the
server's business: see docs/OPERATIONS.md for the limits the proxy must set.
"""

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOO_LARGE = "matchcentre.too_large"


def body_limit(headers: list[tuple[bytes, bytes]]) -> int:
    """The most bytes a request with these headers may send."""
    content_type = next((value for name, value in headers if name == b"content-type"), b"")
    if content_type.lower().startswith(b"multipart/form-data"):
        return max(settings.MAX_UPLOAD_SIZE, settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0


def declared_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    value = next((value for name, value in headers if name == b"content-length"), None)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class RequestSizeLimit:
    """ASGI middleware: Django never reads more of a body than the limit allows."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = body_limit(scope.get("headers", [])) if scope["type"] == "http" else 0
        if not limit:
            return await self.app(scope, receive, send)
        length = declared_length(scope["headers"])
        if length is not None and length > limit:
            return await self.app(_marked(scope), _empty_then(receive), send)
        return await self.app(scope, _counted(scope, receive, limit), send)


def _marked(scope: Scope) -> Scope:
    headers = [(name, value) for name, value in scope["headers"] if name != b"content-length"]
    return {**scope, "headers": [*headers, (b"content-length", b"0")], TOO_LARGE: True}


def _empty_then(receive: Receive) -> Receive:
    """An empty body first; after it, nothing more is read."""
    given = False

    async def receive_empty() -> Message:
        nonlocal given
        if given:
            return await _nothing_more()
        given = True
        return {"type": "http.request", "body": b"", "more_body": False}

    return receive_empty


async def _nothing_more() -> Message:
    """What Django's wait for a disconnect gets once the body was cut: nothing, until Django has
    answered and stops waiting. Reading on would read the rest of the body, the very thing refused;
    the server closes the connection, whose body was not read to its end, after the answer."""
    await asyncio.Event().wait()
    raise AssertionError("unreachable")


def _counted(scope: Scope, receive: Receive, limit: int) -> Receive:
    """The body as it comes, until it passes `limit`: then it ends there, marked too large."""
    seen = 0

    async def receive_counted() -> Message:
        nonlocal seen
        if scope.get(TOO_LARGE):
            return await _nothing_more()
        message = await receive()
        if message["type"] != "http.request":
            return message
        seen += len(message.get("body", b""))
        if seen > limit:
            scope[TOO_LARGE] = True
            return {"type": "http.request", "body": b"", "more_body": False}
        return message

    return receive_counted


class RequestSizeMiddleware:
    """Django middleware: a request `RequestSizeLimit` cut short is refused as too large."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if getattr(request, "scope", {}).get(TOO_LARGE):
            raise RequestDataTooBig("The request body is larger than the limit.")
        return self.get_response(request)
