"""Sends one Web Push message with pywebpush (encrypted for the browser's keys, aes128gcm, signed
with VAPID) and says how the push service answered. No Django: the worker calls it in a thread."""

import time
from dataclasses import dataclass

import requests
from py_vapid import Vapid  # type: ignore[import-untyped]
from pywebpush import WebPushException, webpush  # type: ignore[import-untyped]

# The push service no longer knows the subscription: the browser unsubscribed or it expired.
GONE = frozenset({404, 410})


@dataclass(frozen=True)
class Outcome:
    sent: bool
    gone: bool = False
    status: int | None = None
    error: str = ""
    duration_ms: int = 0


@dataclass(frozen=True)
class Message:
    endpoint: str
    p256dh: str
    auth: str
    body: bytes
    topic: str  # a resend replaces a copy the push service still holds (RFC 8030, 5.4)
    ttl: int


def send(message: Message, *, signer: Vapid, subject: str, timeout: float) -> Outcome:
    started = time.monotonic()
    info = {"endpoint": message.endpoint, "keys": {"p256dh": message.p256dh, "auth": message.auth}}
    try:
        response = webpush(
            info,
            data=message.body.decode("utf-8"),
            vapid_private_key=signer,
            vapid_claims={"sub": subject},  # a new dict each time: webpush writes the audience into it
            ttl=message.ttl,
            timeout=timeout,
            headers={"Topic": message.topic, "Urgency": "high"},
        )
    except WebPushException as error:
        status = error.response.status_code if error.response is not None else None
        return Outcome(False, status in GONE, status, str(error)[:200], _since(started))
    except (requests.RequestException, ValueError) as error:
        return Outcome(False, False, None, f"{type(error).__name__}: {error}"[:200], _since(started))
    status = getattr(response, "status_code", None)
    return Outcome(True, False, status, "", _since(started))


def _since(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
