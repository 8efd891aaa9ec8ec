"""Fault tests' shared parts: a Redis of their own, and the figures each test reports, printed
at the end of the run (events replayed, disconnects injected, events lost)."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_match, make_team
from tests.faults.servers import OwnRedis

FIGURES: list[str] = []


@pytest.fixture
def figures(request):
    """Call it with a line of figures: it is printed in the run's summary."""

    def report(line: str) -> None:
        FIGURES.append(f"{request.node.name}: {line}")

    return report


@pytest.fixture
def match(transactional_db):
    """Arsenal v Chelsea, twenty minutes in, both line-ups named."""
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka", "Rice")
    add_to_lineup(match, match.away_team, "Palmer", "Caicedo")
    match_change_status(match=match, status="first_half", at=timezone.now() - dt.timedelta(minutes=20))
    match.refresh_from_db()
    return match


@pytest.fixture
def own_redis():
    """A redis-server of this test's own, which it may stop and start again."""
    redis = OwnRedis()
    if redis.binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    redis.start()
    yield redis
    redis.stop()


@pytest.fixture
def delivery_redis_url():
    """The Redis the test's servers deliver live frames through: none without REDIS_URL (the
    in-memory hub); with it, one of the test's own. Pub/sub channels ignore the database
    number, so on the configured Redis another run's frames for a match of the same id would
    reach this test's fans."""
    if not settings.REDIS_URL:
        yield ""
        return
    redis = OwnRedis()
    if redis.binary is None:
        yield settings.REDIS_URL
        return
    redis.start()
    yield redis.url
    redis.stop()


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("fault test figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
