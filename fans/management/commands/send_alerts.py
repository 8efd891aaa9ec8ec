"""Sends the Web Push alerts of followed clubs and matches (docs/PROTOCOL.md, "Alerts and Web Push")."""

from django.core.management.base import BaseCommand, CommandError

from fans import push_keys
from fans.worker import Config, run
from matchcentre.workers import run_until_stopped


class Command(BaseCommand):
    help = (
        "Reads every match's update log and sends goals, red cards, half-time and full time to the "
        "browsers that follow the match or a club in it, once each, after the fan's delay. Runs "
        "until stopped (SIGTERM or Ctrl-C finish what is in flight); --once sends what is due now."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Send what is due now, then exit.")

    def handle(self, *args, once: bool, **options) -> None:
        if not push_keys.enabled():
            raise CommandError(push_keys.NOT_SET_UP)
        sent = run_until_stopped(lambda stop: run(Config.from_settings(), once=once, stop=stop))
        self.stdout.write(f"{sent} alert(s) sent.")
