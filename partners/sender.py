"""One webhook POST over HTTP (the standard library's urllib: no client to pin), and what came
of it. A partner's answer counts as delivered only when it is 2xx; a redirect, another status,
a timeout or a connection error is a failure to retry. No Django: the worker runs it in threads."""

import time
import urllib.error
import urllib.request
from dataclasses import dataclass

ANSWER_KEPT = 200  # bytes of a failed answer kept in the delivery log


@dataclass(frozen=True)
class Outcome:
    delivered: bool
    status: int | None
    error: str
    duration_ms: int


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is not followed: urllib would turn the POST into a GET without its body."""

    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post(url: str, body: bytes, headers: dict[str, str], *, timeout: float) -> Outcome:
    """POSTs `body` to `url` and reports the answer, never raising for a network failure."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    started = time.monotonic()
    try:
        with _opener.open(request, timeout=timeout) as answer:
            answer.read(ANSWER_KEPT)
            status: int = answer.status
            return _outcome(started, status=status, error="" if 200 <= status < 300 else "not 2xx")
    except urllib.error.HTTPError as error:
        text = error.read(ANSWER_KEPT).decode("utf-8", "replace")
        return _outcome(started, status=error.code, error=text.strip() or error.reason or "")
    except (OSError, ValueError) as error:  # refused, reset, DNS, TLS, timeout, bad URL
        return _outcome(started, status=None, error=_describe(error))


def _outcome(started: float, *, status: int | None, error: str) -> Outcome:
    delivered = status is not None and 200 <= status < 300
    return Outcome(
        delivered=delivered,
        status=status,
        error="" if delivered else error[:ANSWER_KEPT],
        duration_ms=round((time.monotonic() - started) * 1000),
    )


def _describe(error: Exception) -> str:
    reason = getattr(error, "reason", None)
    return f"{type(error).__name__}: {reason or error}"
