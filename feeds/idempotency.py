"""Retried writes count once: the client names each write with a key (`Idempotency-Key`, or
`client_key` in the body), and a retry with the same key gets the first attempt's answer.

Match writes hand the key to their service, which keeps it in the update log (so a retry over
the websocket or the console counts once too). Other writes keep their answer here.
"""

import uuid
from collections.abc import Callable
from typing import Annotated

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from ninja import Header
from pydantic import StringConstraints

from feeds.errors import ApiRefusal
from feeds.models import IdempotentWrite

HEADER = "Idempotency-Key"
KEY_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
KEY_DOC = "Names this write, so a retry with the same key counts once: 1–64 letters, digits, . _ : -."
ClientKey = Annotated[str, StringConstraints(pattern=KEY_PATTERN)]
KeyHeader = Annotated[
    str | None, Header(alias=HEADER, pattern=KEY_PATTERN, max_length=64, description=KEY_DOC)
]


def client_key(header: str | None, body: str | None = None) -> str:
    """The client's key for this write, or a fresh one (so the write's own update can be found)."""
    return given_key(header, body) or uuid.uuid4().hex


def given_key(header: str | None, body: str | None = None) -> str | None:
    """The key the client sent, in the header or the body (both: they must agree)."""
    if header and body and header != body:
        detail = f"The {HEADER} header and client_key differ: send one key."
        raise ApiRefusal(400, detail, errors={"client_key": [detail]})
    return header or body or None


def answer_once(
    request: HttpRequest, *, user: AbstractBaseUser, key: str | None, write: Callable[[], tuple[int, dict]]
) -> tuple[int, dict]:
    """`write()`'s status and answer, or those of the earlier write with this key (none: just write).

    A refused write (an ApiRefusal) is not kept: the client may fix it and retry with the key.
    """
    if key is None:
        return write()
    described = f"{request.method} {request.path}"[:200]
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotentWrite.objects.create(
                    user=user, key=key, request=described, status=0, answer={}
                )
        except IntegrityError:
            return _earlier(user, key, described)
        status, answer = write()
        record.status, record.answer = status, answer
        record.save(update_fields=["status", "answer"])
    return status, answer


def _earlier(user: AbstractBaseUser, key: str, described: str) -> tuple[int, dict]:
    earlier = IdempotentWrite.objects.get(user=user, key=key)
    if earlier.request != described:
        raise ApiRefusal(
            409, f"This {HEADER} was used for another request ({earlier.request}).", code="key_reused"
        )
    return earlier.status, earlier.answer
