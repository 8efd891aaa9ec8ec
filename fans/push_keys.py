"""The VAPID key pair that signs every push: the operator's (MATCHCENTRE_VAPID_PRIVATE_KEY), or
with DEBUG a development key made from SECRET_KEY, so `make run` sends alerts with nothing set.
Without either, alerts are off: the page offers none and the worker says why."""

import base64
import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from py_vapid import Vapid  # type: ignore[import-untyped]

NOT_SET_UP = (
    "Alerts are off: set MATCHCENTRE_VAPID_PRIVATE_KEY (python manage.py vapid_keys makes one; "
    "README, Configuration)."
)
_P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def private_key_text() -> str:
    """The private key as base64url of its 32 bytes; empty when alerts are off."""
    if settings.VAPID_PRIVATE_KEY:
        return settings.VAPID_PRIVATE_KEY.strip()
    if settings.DEBUG and settings.SECRET_KEY:
        seed = hashlib.sha256(f"vapid-dev:{settings.SECRET_KEY}".encode()).digest()
        value = int.from_bytes(seed, "big") % (_P256_ORDER - 1) + 1
        return b64url(value.to_bytes(32, "big"))
    return ""


def enabled() -> bool:
    return bool(private_key_text())


def vapid() -> Vapid:
    """The signer pywebpush takes."""
    return Vapid.from_string(private_key=private_key_text())


def public_key_text() -> str:
    """The browser's `applicationServerKey`: the public key, uncompressed, base64url; empty when off."""
    private = private_key_text()
    return public_key_of(private) if private else ""


def public_key_of(private: str) -> str:
    point = Vapid.from_string(private_key=private).public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(point)


def new_private_key_text() -> str:
    """A fresh private key, as MATCHCENTRE_VAPID_PRIVATE_KEY takes it."""
    key = ec.generate_private_key(ec.SECP256R1())
    return b64url(key.private_numbers().private_value.to_bytes(32, "big"))
