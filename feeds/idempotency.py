"""Retried writes count once: the client names each write with a key (`Idempotency-Key`, or
`client_key` in the body), and a retry with the same key gets the first attempt's answer.

A key names one request: its method, path and body. Each user's keys are their own; the first
request under a key is kept with a fingerprint of it, and another request under the same key
(another match, another operation, another body) is refused with 409 `key_reused`, writing
nothing. Match writes hand the key to their service too, which keeps it in the update log (so a
retry over the websocket or the console counts once) and answers their retries; other writes
keep their answer here.
"""

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, NoReturn, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from ninja import Header
from pydantic import StringConstraints

from feeds.errors import ApiRefusal
from feeds.models import IdempotentWrite

HEADER = "Idempotency-Key"
KEY_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
KEY_DOC = (
    "Names this request (method, path and body), so a retry with the same key counts once; "
    "another request under it is refused with 409 key_reused: 1–64 letters, digits, . _ : -."
)
ClientKey = Annotated[str, StringConstraints(pattern=KEY_PATTERN)]
KeyHeader = Annotated[
    str | None, Header(alias=HEADER, pattern=KEY_PATTERN, max_length=64, description=KEY_DOC)
]
Result = TypeVar("Result")


def given_key(header: str | None, body: str | None = None) -> str | None:
    """The key the client sent, in the header or the body (both: they must agree)."""
    if header and body and header != body:
        detail = f"The {HEADER} header and client_key differ: send one key."
        raise ApiRefusal(400, detail, errors={"client_key": [detail]})
    return header or body or None


def fingerprint(request: HttpRequest) -> str:
    """SHA-256 of the request's method, path and body, the body as canonical JSON.

    Canonical, not the raw bytes: a client that rebuilds a request to retry it (another
    process, another JSON library) may order its keys or space it differently, and it is still
    the same request. The key itself (`client_key`) is left out: it may move to the header.
    """
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    multipart = request.content_type == "multipart/form-data"
    digest.update(_canonical_form(request) if multipart else _canonical_body(request.body))
    return digest.hexdigest()


def _canonical_form(request: HttpRequest) -> bytes:
    """A multipart body (a photo upload) as its fields and its files' SHA-256: its boundary
    is new at every send."""
    fields = {name: request.POST.getlist(name) for name in request.POST if name != "client_key"}
    files = {
        name: [
            hashlib.sha256(b"".join(upload.chunks())).hexdigest() for upload in request.FILES.getlist(name)
        ]
        for name in request.FILES
    }
    return json.dumps([fields, files], sort_keys=True, ensure_ascii=False).encode()


def answer_once(
    request: HttpRequest, *, user: AbstractBaseUser, key: str | None, write: Callable[[], tuple[int, dict]]
) -> tuple[int, dict]:
    """`write()`'s status and answer, or those of the earlier write with this key (none: just write).

    A refused write (an ApiRefusal) is not kept: the client may fix it and retry with the key.
    """
    if key is None:
        return write()
    with transaction.atomic():
        record, earlier = _claim(request, user, key)
        if earlier is not None:
            return earlier.status, earlier.answer
        status, answer = write()
        record.status, record.answer = status, answer
        record.save(update_fields=["status", "answer"])
    return status, answer


def write_once(
    request: HttpRequest, *, user: AbstractBaseUser, key: str | None, write: Callable[[], Result]
) -> Result:
    """`write()`'s result, the key claimed for this request first (another request under it is
    refused). For match writes, whose service keeps the key and answers a retry itself.

    The claim and the write share one transaction: a refused write frees the key.
    """
    if key is None:
        return write()
    with transaction.atomic():
        _claim(request, user, key)
        return write()


def _claim(
    request: HttpRequest, user: AbstractBaseUser, key: str
) -> tuple[IdempotentWrite, IdempotentWrite | None]:
    """The key's record, and the earlier write's if this request was made before under it.

    Two attempts at once: the second's insert waits for the first's transaction (the unique
    constraint), then finds its record.
    """
    described = f"{request.method} {request.path}"[:200]
    printed = fingerprint(request)
    try:
        with transaction.atomic():
            record = IdempotentWrite.objects.create(
                user=user, key=key, request=described, fingerprint=printed, status=0, answer={}
            )
    except IntegrityError:
        earlier = IdempotentWrite.objects.get(user=user, key=key)
        _check_same_request(earlier, described, printed)
        return earlier, earlier
    return record, None


def _check_same_request(earlier: IdempotentWrite, described: str, printed: str) -> None:
    """Refuses another request under an earlier one's key. A key kept before fingerprints
    (none recorded) is judged by its method and path alone, as it was when it was given."""
    if earlier.request != described:
        reused(f"This {HEADER} was used for another request ({earlier.request}).")
    if earlier.fingerprint and earlier.fingerprint != printed:
        reused(f"This {HEADER} was used for {earlier.request} with another body.")


def reused(message: str) -> NoReturn:
    """Refuses a key that names another request: 409 `key_reused`."""
    raise ApiRefusal(409, f"{message} Send a new key for a new request.", code="key_reused")


def _canonical_body(body: bytes) -> bytes:
    if not body.strip():
        return b""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return body  # the API refuses it anyway; the bytes are all there is to compare
    if isinstance(data, dict):
        data.pop("client_key", None)
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
