import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits start from nothing in every test."""
    cache.clear()
    yield
    cache.clear()
