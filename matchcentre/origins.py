"""Which pages may open the site's websockets: the site's own, compared as browsers compare origins.

Channels' `AllowedHostsOriginValidator` compares the `Origin` header's host name with
ALLOWED_HOSTS and nothing else, so `http://127.0.0.1:9999` (another server on the same host) or
`http://matchcentre.example` (the site's address without TLS, open to anyone on the network
path) passed for `https://matchcentre.example`. `SameOriginValidator` asks what Django's CSRF
check asks of a form post: the origin's scheme, host and port are the request's own (its
`Host`, which must be an allowed host, and the scheme it came over, or that a trusted proxy
says it came over), or the origin is one of CSRF_TRUSTED_ORIGINS.
"""

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_key(origin: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an origin such as `https://example.com:8443`; None if it is not one."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in DEFAULT_PORTS or not host or parts.path not in ("", "/") or parts.username is not None:
        return None
    return scheme, host, port or DEFAULT_PORTS[scheme]


def socket_scheme(scope: Scope, headers: dict[bytes, bytes]) -> str:
    """The scheme of the page that may open this socket: https when it came over TLS."""
    if scope.get("scheme") in ("wss", "https"):
        return "https"
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header:
        name, value = proxy_header
        header = name.removeprefix("HTTP_").lower().replace("_", "-").encode("latin1")
        if headers.get(header, b"").decode("latin1").split(",")[0].strip() == value:
            return "https"
    return "http"


def same_origin(scope: Scope) -> bool:
    headers = dict(scope.get("headers", []))
    origin = origin_key(headers.get(b"origin", b"").decode("latin1"))
    if origin is None:
        return False
    trusted = {origin_key(item) for item in settings.CSRF_TRUSTED_ORIGINS}
    if origin in trusted:
        return True
    host = headers.get(b"host", b"").decode("latin1")
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return False
    return origin == origin_key(f"{socket_scheme(scope, headers)}://{host}")


class SameOriginValidator:
    """ASGI middleware for websockets: a socket from another origin is refused before it opens."""

    def __init__(self, application: ASGIApp) -> None:
        self.application = application

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "websocket" and not same_origin(scope):
            return await WebsocketDenier()(scope, receive, send)  # type: ignore[arg-type]
        return await self.application(scope, receive, send)
