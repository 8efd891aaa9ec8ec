"""Sends every change of the update log to the active partners (docs/WEBHOOKS.md)."""

from django.core.management.base import BaseCommand

from matchcentre.workers import run_until_stopped
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
        delivered = run_until_stopped(lambda stop: deliver(Config.from_settings(), once=once, stop=stop))
        self.stdout.write(f"{delivered} change(s) delivered.")
