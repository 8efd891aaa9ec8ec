"""What the views share about a request: whether a script sent it (the JSON API, the console,
the poll and the newsletter box) and expects JSON back, and whether it comes too fast."""

import logging
from collections.abc import Callable

from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def wants_json(request: HttpRequest) -> bool:
    if request.path.startswith("/api/") or request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return True
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def too_fast(request: HttpRequest, *, group: str, key: str | Callable, rate: str) -> bool:
    """Counts this request against `rate` (e.g. "5/m"; empty: no limit) per `key` (django-ratelimit).

    The counts live in the cache. While it is out of reach (Redis down) nothing is counted and
    the request goes on: an editor can still sign in, and a fan still sign up; a warning is logged.
    """
    try:
        return is_ratelimited(request, group=group, key=key, rate=rate or None, increment=True)
    except RedisError as error:
        logger.warning("Rate limit %s not counted, the cache is out of reach: %s", group, error)
        return False
