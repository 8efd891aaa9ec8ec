from django.core.management.base import BaseCommand
from django.utils import timezone

from demo.loader import EDITOR, load_demo


class Command(BaseCommand):
    help = "Loads the demo data (the seed's match and fixtures around today). Safe to run again."

    def handle(self, *args, **options):
        for note in load_demo(now=timezone.now()):
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(f"Editor login: {EDITOR[0]} / {EDITOR[1]}")
