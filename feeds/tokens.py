"""Feed clients' API tokens: issued with a random key shown once, kept as a hash, revoked for good."""

import datetime as dt
import hashlib
import secrets

from django.contrib.auth.models import User
from django.db import transaction

from feeds.models import ApiToken

KEY_PREFIX = "mc_"


class TokenRefused(Exception):
    """The key is unknown or revoked; the message says which, for the client's operator."""


def key_hash(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode("utf-8", "surrogatepass")).hexdigest()


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def api_token_prepare(token: ApiToken) -> str:
    """Gives an unsaved token a fresh key and returns the key: the only time it can be read."""
    raw_key = new_key()
    token.key_prefix = raw_key[:10]
    token.key_hash = key_hash(raw_key)
    return raw_key


def api_token_create(*, name: str, user: User) -> tuple[ApiToken, str]:
    """A new token for `user` and its key (the key is not stored)."""
    token = ApiToken(name=name, user=user)
    raw_key = api_token_prepare(token)
    token.save()
    return token, raw_key


def api_token_revoke(*, token: ApiToken, at: dt.datetime) -> ApiToken:
    """Revokes the token from `at` on; a token revoked already keeps its first revocation time."""
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=at)
        token.refresh_from_db(fields=["revoked_at"])
    return token


def token_user(raw_key: str, *, now: dt.datetime) -> User:
    """The user a key acts as; raises TokenRefused for an unknown or revoked key, or an inactive user."""
    token = ApiToken.objects.select_related("user").filter(key_hash=key_hash(raw_key)).first()
    if token is None:
        raise TokenRefused("This API token is not valid.")
    if token.is_revoked:
        raise TokenRefused("This API token has been revoked.")
    if not token.user.is_active:
        raise TokenRefused("This API token's user is inactive.")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
