"""A browser's subscription as its page posts it, checked strictly: what the alert worker will
POST to, and the keys it encrypts for. Every refusal says what was wrong (docs/BAD_INPUT.md)."""

import json
from fnmatch import fnmatch
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings

from fans.push_keys import b64url_decode
from fans.push_services import Subscription

MOST_BYTES = 16 * 1024
MOST_FOLLOWS = 200
LONGEST_DELAY_SECONDS = 4 * 60 * 60  # static/fans/store.js: a whole match and its breaks
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class BadSubscription(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def parse_body(body: bytes) -> dict:
    if len(body) > MOST_BYTES:
        raise BadSubscription("__all__", f"The request is too large: at most {MOST_BYTES} bytes.")
    try:
        data = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise BadSubscription("__all__", "Send the subscription as a JSON object.") from None
    if not isinstance(data, dict):
        raise BadSubscription("__all__", "Send the subscription as a JSON object.")
    return data


def subscription_of(data: dict) -> Subscription:
    browser = data.get("subscription")
    if not isinstance(browser, dict):
        raise BadSubscription("subscription", "Send the browser's PushSubscription (its toJSON()).")
    keys = browser.get("keys")
    if not isinstance(keys, dict):
        keys = {}
    return Subscription(
        endpoint=endpoint_of(browser.get("endpoint")),
        p256dh=_p256dh(keys.get("p256dh")),
        auth=_auth(keys.get("auth")),
        team_ids=_ids(data.get("teams", []), "teams"),
        match_ids=_ids(data.get("matches", []), "matches"),
        delay_seconds=_delay(data.get("delay_seconds", 0)),
    )


def endpoint_of(value) -> str:
    """An https URL of a push service the settings name; http on this machine only when
    MATCHCENTRE_PUSH_LOCAL_ENDPOINTS allows it (development, tests)."""
    if not isinstance(value, str) or not value or len(value) > 1000:
        raise BadSubscription("endpoint", "The endpoint must be a URL of at most 1000 characters.")
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if settings.PUSH_LOCAL_ENDPOINTS and host in LOCAL_HOSTS and parts.scheme in ("http", "https"):
        return value
    if parts.scheme != "https" or not host:
        raise BadSubscription("endpoint", "The endpoint must be an https URL.")
    if not any(fnmatch(host, pattern) for pattern in settings.PUSH_SERVICES):
        raise BadSubscription(
            "endpoint", f"Alerts are not sent through {host}: not a push service this site uses."
        )
    return value


def _p256dh(value) -> str:
    raw = _decoded(value, "p256dh")
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError:
        raise BadSubscription(
            "p256dh", "The p256dh key must be an uncompressed P-256 point (65 bytes)."
        ) from None
    if len(raw) != 65:
        raise BadSubscription("p256dh", "The p256dh key must be an uncompressed P-256 point (65 bytes).")
    return value


def _auth(value) -> str:
    if len(_decoded(value, "auth")) != 16:
        raise BadSubscription("auth", "The auth secret must be 16 bytes (base64url).")
    return value


def _decoded(value, field: str) -> bytes:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise BadSubscription(field, f"The {field} key is missing.")
    try:
        return b64url_decode(value.strip())
    except ValueError:
        raise BadSubscription(field, f"The {field} key must be base64url.") from None


def _ids(value, field: str) -> tuple[int, ...]:
    if not isinstance(value, list) or len(value) > MOST_FOLLOWS:
        raise BadSubscription(field, f"{field.capitalize()} must be a list of at most {MOST_FOLLOWS} ids.")
    if not all(type(item) is int and item > 0 for item in value):
        raise BadSubscription(field, f"{field.capitalize()} must be whole numbers above 0.")
    return tuple(dict.fromkeys(value))


def _delay(value) -> int:
    if type(value) is not int or not 0 <= value <= LONGEST_DELAY_SECONDS:
        raise BadSubscription("delay_seconds", f"The delay must be 0 to {LONGEST_DELAY_SECONDS} seconds.")
    return value
