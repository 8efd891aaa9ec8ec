import json
import time
from collections.abc import Callable, Iterator

import pytest

from partners.models import Partner
from partners.worker import Config, deliver
from tests.feeds.replay_feeds import opta_feed
from tests.partners.receiver import Receiver

# Retries a hundredth of a second apart, so "down for a while" takes moments, not minutes.
FAST = Config(timeout=5, retry_first=0.01, retry_most=0.05, poll_interval=0.01, concurrency=4)
DEADLINE_SECONDS = 60


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def feed_file(tmp_path):
    """A provider feed (inline, not real data) for `replay_match`: a match of some 30 changes."""
    path = tmp_path / "opta_webhook_match.json"
    path.write_text(json.dumps(opta_feed()), encoding="utf-8")
    return path


@pytest.fixture
def partner(db, receiver) -> Partner:
    return Partner.objects.create(name="Scores Daily", url=receiver.url)


def deliver_until(done: Callable[[], bool], config: Config = FAST) -> None:
    """Runs the worker until `done()`, failing the test past the deadline."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    deliver(config, stop=lambda: done() or time.monotonic() > deadline)
    assert done(), f"not done within {DEADLINE_SECONDS} s"
