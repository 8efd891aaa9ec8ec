"""Where photos' renditions are kept: MEDIA_ROOT/live-photos/<name>-<width>.jpg.

A name is random and never reused, so a rendition's address can be cached for ever. Files are
written whole or not at all (a temporary file renamed), before the event naming them commits,
and removed once the deletion of their event has committed.
"""

import os
import secrets
import tempfile
from pathlib import Path

from django.conf import settings

from fixtures_app.photos import SUFFIX, Rendition, rendition_name

FOLDER = "live-photos"


def photo_folder() -> Path:
    return Path(settings.MEDIA_ROOT) / FOLDER


def new_photo_name() -> str:
    return secrets.token_hex(16)


def photo_store(name: str, renditions: tuple[Rendition, ...]) -> None:
    """Writes the renditions of the photo `name`."""
    folder = photo_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for rendition in renditions:
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(rendition.data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, folder / rendition_name(name, rendition.width))


def photo_discard(name: str) -> None:
    """Removes every rendition of the photo `name` (there may be none left)."""
    if not name:
        return
    for path in photo_folder().glob(f"{name}-*{SUFFIX}"):
        path.unlink(missing_ok=True)
