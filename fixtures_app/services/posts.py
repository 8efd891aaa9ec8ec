"""What a photo or a pull quote must carry before it is saved, whichever channel sent it.

A photo has its image (uploaded from the console or the JSON API: the websocket carries no
files), a caption (its `text`) and a credit; its alt text is optional, the caption serving when
it is left empty. A quote has its words (`text`) and who said them, and may say their role.
Their words are kept as typed and escaped wherever they are shown; a control character (a bell,
an escape, a backspace…) is no word, shows as nothing or garbage, and is refused. The caption
and the quote may run over several lines.
"""

import re

from fixtures_app.models import MatchEvent
from fixtures_app.services import checks
from football.events import EventKind

MAX_CAPTION_LENGTH = 500
MAX_QUOTE_LENGTH = 1000
PHOTO_FIELDS = ("photo", "credit", "alt_text")
QUOTE_FIELDS = ("quote_by", "quote_role")
# C0 and C1 controls and DEL; a caption or a quote may hold line breaks and tabs.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROL_IN_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
NO_FILE = (
    "A photo needs its image (a JPEG, PNG or WebP file), uploaded from the console or to the "
    "JSON API (POST /api/v1/matches/<id>/photos): the websocket carries no files."
)
LABELS = {
    "text": "text",
    "credit": "credit",
    "alt_text": "alt text",
    "quote_by": "name of who said it",
    "quote_role": "role",
}


def check_post(event: MatchEvent, kind: EventKind) -> None:
    """Refuses a photo or a quote without what it needs, and their fields on any other event."""
    for name in ("credit", "alt_text", "quote_by", "quote_role"):
        setattr(event, name, (getattr(event, name) or "").strip())
    if kind is EventKind.PHOTO:
        _check_photo(event)
    elif event.photo or event.credit or event.alt_text:
        checks.refuse("Only a photo has an image, a credit and alt text.", "photo")
    if kind is EventKind.QUOTE:
        _check_quote(event)
    elif event.quote_by or event.quote_role:
        checks.refuse("Only a quote names who said it.", "quote_by")
    if kind in (EventKind.PHOTO, EventKind.QUOTE):
        _check_controls(event)


def check_kind_kept(before: str, after: str) -> None:
    """A photo or a quote stays what it is: its fields mean nothing to another kind of event."""
    posts = {EventKind.PHOTO, EventKind.QUOTE}
    if before != after and (before in posts or after in posts):
        checks.refuse("A photo or a quote keeps its kind: delete it and post it again.", "kind")


def _check_photo(event: MatchEvent) -> None:
    if not event.photo:
        checks.refuse(NO_FILE, "photo")
    if not event.text:
        checks.refuse("A photo needs a caption.", "text")
    if len(event.text) > MAX_CAPTION_LENGTH:
        checks.refuse(f"A caption is limited to {MAX_CAPTION_LENGTH} characters.", "text")
    if not event.credit:
        checks.refuse("A photo needs a credit: who took it.", "credit")


def _check_quote(event: MatchEvent) -> None:
    if not event.text:
        checks.refuse("A quote needs its words.", "text")
    if len(event.text) > MAX_QUOTE_LENGTH:
        checks.refuse(f"A quote is limited to {MAX_QUOTE_LENGTH} characters.", "text")
    if not event.quote_by:
        checks.refuse("A quote needs who said it.", "quote_by")


def _check_controls(event: MatchEvent) -> None:
    for name, label in LABELS.items():
        pattern = CONTROL_IN_LINES if name == "text" else CONTROL
        found = pattern.search(getattr(event, name))
        if found:
            code = f"U+{ord(found.group()):04X}"
            checks.refuse(f"The {label} holds a control character ({code}): remove it.", name)
