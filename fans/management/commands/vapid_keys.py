"""Makes a VAPID key pair for Web Push alerts and prints the settings that use it."""

from django.core.management.base import BaseCommand

from fans import push_keys


class Command(BaseCommand):
    help = "Prints a new MATCHCENTRE_VAPID_PRIVATE_KEY (keep it secret) and its public key."

    def handle(self, *args, **options) -> None:
        private = push_keys.new_private_key_text()
        public = push_keys.public_key_of(private)
        self.stdout.write(
            f"MATCHCENTRE_VAPID_PRIVATE_KEY={private}\n# public key (sent to browsers): {public}"
        )
