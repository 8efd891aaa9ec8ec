"""How a webhook is signed, and how a partner checks it (docs/WEBHOOKS.md prints the same).

The signature is HMAC-SHA256, keyed with the partner's secret, of the timestamp, a dot and
the body exactly as sent: `v1=<hex digest>` in `MatchCentre-Signature`, the timestamp (Unix
seconds) in `MatchCentre-Timestamp`. A retry is signed anew with its own timestamp; its body
is the same. A request is genuine when one of the header's `v1=` values matches (compared in
constant time) and its timestamp is within the tolerance of the receiver's clock, so a
request recorded by someone else cannot be played again later. No Django: partners may copy it.
"""

import hashlib
import hmac

SIGNATURE_HEADER = "MatchCentre-Signature"
TIMESTAMP_HEADER = "MatchCentre-Timestamp"
SCHEME = "v1"
TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of `<timestamp>.<body>` under `secret`."""
    signed = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    """The two headers that sign `body` at `timestamp`."""
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: f"{SCHEME}={signature(secret, timestamp, body)}",
    }


def verify(
    secret: str,
    body: bytes,
    *,
    timestamp: str,
    signature_header: str,
    now: float,
    tolerance: float = TOLERANCE_SECONDS,
) -> bool:
    """Whether `body` was signed with `secret` at `timestamp`, no further than `tolerance`
    seconds from `now` either way."""
    if not timestamp.isascii() or not timestamp.isdigit() or abs(now - int(timestamp)) > tolerance:
        return False
    expected = signature(secret, int(timestamp), body)
    given = [value for scheme, _, value in _parts(signature_header) if scheme == SCHEME]
    return any(hmac.compare_digest(expected, value) for value in given)


def _parts(header: str) -> list[tuple[str, str, str]]:
    return [part.strip().partition("=") for part in header.split(",")]
