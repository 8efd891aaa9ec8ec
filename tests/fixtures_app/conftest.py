import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached page parts start from nothing in every test: on SQLite, a rolled-back test's ids come again."""
    cache.clear()
    yield
    cache.clear()
