"""The site's cache as an accelerator: out of reach, it is a cache that holds nothing.

The match page's parts, the poll's counts and the share card are kept in Redis in production.
Redis down must not take a page down: a read that cannot reach it is a miss (the page is
rendered afresh), a write that cannot reach it is skipped. Each is logged (once per outage,
not once per read) and counted (`skipped`), so an operator sees the cache is gone while fans
see pages. Counters (`incr`, the rate limits') still raise: their callers decide what a count
that cannot be kept means (matchcentre/http.py lets the request go on; the vote floods say so).
"""

import logging
import threading
from functools import cached_property
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_lock = threading.Lock()
skipped = 0  # reads and writes the cache could not take, since the process started
_out_of_reach = False
# Django makes a cache object per request under ASGI (each request is a context of its own), and
# each would open its own connection to Redis: the client, with its connection pool, is shared.
_clients: dict[str, Any] = {}


class ForgivingRedisCache(RedisCache):
    """Django's Redis cache whose reads miss and whose writes are skipped while Redis is out of reach."""

    @cached_property
    def _cache(self):
        key = repr([self._servers, sorted(self._options.items(), key=repr)])
        with _lock:
            if key not in _clients:
                _clients[key] = self._class(self._servers, **self._options)
            return _clients[key]

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return _forgiving(lambda: super(ForgivingRedisCache, self).get(key, default, version), default)

    def get_many(self, keys: Any, version: int | None = None) -> dict:
        return _forgiving(lambda: super(ForgivingRedisCache, self).get_many(keys, version), {})

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        _forgiving(lambda: super(ForgivingRedisCache, self).set(key, value, timeout, version), None)

    def set_many(self, data: dict, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list:
        return _forgiving(
            lambda: super(ForgivingRedisCache, self).set_many(data, timeout, version), list(data)
        )

    def delete(self, key: Any, version: int | None = None) -> bool:
        return _forgiving(lambda: super(ForgivingRedisCache, self).delete(key, version), False)


def _forgiving(call, fallback):
    global skipped, _out_of_reach
    try:
        found = call()
    except RedisError as error:
        with _lock:
            skipped += 1
            first = not _out_of_reach
            _out_of_reach = True
        if first:
            logger.warning("the cache is out of reach, pages are rendered without it: %s", error)
        return fallback
    if _out_of_reach:
        with _lock:
            _out_of_reach = False
        logger.warning("the cache is back")
    return found
