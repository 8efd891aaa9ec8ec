"""Sends every change of the update log to the active partners (docs/WEBHOOKS.md)."""

import signal
from types import FrameType

from django.core.management.base import BaseCommand

from partners.worker import Config, deliver


class Command(BaseCommand):
    help = (
        "POSTs each match change to every active partner, signed, in seq order per match, retrying "
        "a partner that fails with growing delays. Runs until stopped (SIGTERM or Ctrl-C finish "
        "what is in flight first); --once sends what is due now and exits."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Send what is due now, then exit.")

    def handle(self, *args, once: bool, **options) -> None:
        stopping: list[int] = []

        def stop_on(signum: int, frame: FrameType | None) -> None:
            stopping.append(signum)

        previous = {signum: signal.signal(signum, stop_on) for signum in (signal.SIGTERM, signal.SIGINT)}
        try:
            delivered = deliver(Config.from_settings(), once=once, stop=lambda: bool(stopping))
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        self.stdout.write(f"{delivered} change(s) delivered.")
