import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from live import realtime
from polls import floods


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and cached counts start from nothing in every test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def mid_window(monkeypatch):
    """The flood counters' clock held in the middle of a minute: a window of a test's counts
    cannot end half-way through it (a test that crossed one saw its count start again)."""
    held = (time.time() // 60) * 60 + 30
    monkeypatch.setattr(floods, "time", SimpleNamespace(time=lambda: held))


# A Redis no server listens on.
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture(params=["cache", "redis"])
def counters_out_of_reach(request, settings, monkeypatch):
    """The vote rate counters cannot be reached: in the cache (no REDIS_URL) or in Redis."""
    if request.param == "cache":
        settings.REDIS_URL = ""
        settings.CACHES = {
            **settings.CACHES,
            "default": {
                "BACKEND": "matchcentre.cache.ForgivingRedisCache",
                "LOCATION": UNREACHABLE_REDIS,
                "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
            },
        }
    else:
        settings.REDIS_URL = UNREACHABLE_REDIS
        monkeypatch.setattr(realtime, "_client", None)  # made again, for the unreachable Redis
