"""What the site's background workers (`deliver_webhooks`, `send_alerts`) share: running until
SIGTERM or Ctrl-C asks them to stop, after finishing what is in flight."""

import signal
from collections.abc import Callable
from types import FrameType


def run_until_stopped(work: Callable[[Callable[[], bool]], int]) -> int:
    """Calls `work(stop)`, where `stop()` is true once SIGTERM or SIGINT came; the signals'
    own handlers are put back afterwards. Answers what `work` answers."""
    stopping: list[int] = []

    def stop_on(signum: int, frame: FrameType | None) -> None:
        stopping.append(signum)

    previous = {signum: signal.signal(signum, stop_on) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        return work(lambda: bool(stopping))
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
