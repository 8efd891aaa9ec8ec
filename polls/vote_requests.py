"""A script's vote read straight from the server's ASGI scope and body, with the least work.

Django's ASGIRequest builds a body file, QueryDicts and a content-type parse for every request;
the vote lane reads only what Django's checks of a vote read: the headers (as `META`, built as
ASGIRequest builds it), the cookies, the URL-encoded form, the scheme and the client's address.
`VoteRequest` is a Django HttpRequest carrying just those, so Django's own code checks it (the
CSRF middleware, `get_host()`, signed cookies). Anything out of the ordinary is left to Django:
a body that is not a plain UTF-8 URL-encoded form of a few fields, a path under a root path.
"""

from collections.abc import Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from django.http import HttpRequest, parse_cookie

Scope = MutableMapping[str, Any]
FORM = "application/x-www-form-urlencoded"
# A vote's form has three fields (the token, the answer, the ballot): many more is no vote.
MOST_FIELDS = 16
_META_NAMES: dict[bytes, str] = {b"content-length": "CONTENT_LENGTH", b"content-type": "CONTENT_TYPE"}


class VoteRequest(HttpRequest):
    """The vote as Django's checks read it, made from the scope and the form already read."""

    def __init__(self, scope: Scope, meta: dict[str, Any], form: Mapping[str, str]) -> None:
        # Not HttpRequest.__init__: its QueryDicts and upload handlers are never used here.
        self.scope = scope
        self.method = "POST"
        self.path = self.path_info = scope["path"]
        self.META = meta
        self.COOKIES = parse_cookie(meta.get("HTTP_COOKIE", ""))
        self.POST = form  # type: ignore[assignment]  # read with .get() alone, as a QueryDict
        self.resolver_match = None
        self.content_type, self.content_params = FORM, {}
        self._host = ""

    def get_host(self) -> str:
        """The host, checked against ALLOWED_HOSTS once (the CSRF check asks for it again)."""
        if not self._host:
            self._host = super().get_host()
        return self._host

    def _get_scheme(self) -> str:
        return self.scope.get("scheme") or "http"  # as ASGIRequest


def vote_request(scope: Scope, body: bytes) -> VoteRequest | None:
    """The request, or None when Django should read it (see the module's docstring)."""
    if scope.get("root_path"):
        return None
    meta = request_meta(scope)
    form = url_encoded_form(meta.get("CONTENT_TYPE", ""), body)
    return None if form is None else VoteRequest(scope, meta, form)


def request_meta(scope: Scope) -> dict[str, Any]:
    """`META` as Django's ASGIRequest makes it from the scope (the headers, the client, the server)."""
    meta: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "QUERY_STRING": scope.get("query_string", b"").decode(),
        "SCRIPT_NAME": "",
        "PATH_INFO": scope["path"],
    }
    client, server = scope.get("client"), scope.get("server")
    if client:
        meta["REMOTE_ADDR"] = meta["REMOTE_HOST"] = client[0]
        meta["REMOTE_PORT"] = client[1]
    meta["SERVER_NAME"], meta["SERVER_PORT"] = (server[0], str(server[1])) if server else ("unknown", "0")
    for raw_name, raw_value in scope.get("headers", []):
        if b"_" in raw_name:
            continue  # as Django: HTTP_X_FORWARDED_PROTO is never spoofed by an x_forwarded_proto header
        name = _META_NAMES.get(raw_name) or _meta_name(raw_name)
        value = raw_value.decode("latin1")
        meta[name] = meta[name] + "," + value if name in meta else value
    return meta


def _meta_name(raw_name: bytes) -> str:
    name = "HTTP_" + raw_name.decode("latin1").upper().replace("-", "_")
    if len(_META_NAMES) < 256:  # the names browsers send, remembered; not every name a client makes up
        _META_NAMES[raw_name] = name
    return name


def url_encoded_form(content_type: str, body: bytes) -> dict[str, str] | None:
    """The form's fields (the last of a repeated one, as QueryDict.get gives), or None."""
    media, _, parameters = content_type.partition(";")
    if media.strip().lower() != FORM or parameters.strip().lower() not in ("", "charset=utf-8"):
        return None
    try:
        text = body.decode("ascii")  # what a browser sends URL-encoded; anything else: Django decodes it
        return dict(parse_qsl(text, keep_blank_values=True, max_num_fields=MOST_FIELDS))
    except ValueError:  # not ASCII, or too many fields
        return None
