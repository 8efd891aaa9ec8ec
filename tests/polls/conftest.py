import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache

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
