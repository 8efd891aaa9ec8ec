"""Photos and pull quotes as the timeline, the embed, the feeds and the JSON-LD show them.

A photo is shown at the size the reader's screen needs, from the renditions the site made of
it (`srcset`), with its caption and credit; its alt text is the caption when the editor gave
none. A quote is shown as its words with who said them. Their text is given as typed: every
template escapes it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urljoin

from django.conf import settings

from fixtures_app.models import MatchEvent
from fixtures_app.photos import rendition_name, rendition_widths
from fixtures_app.selectors.player_links import LinkedTimelineEntry
from football.events import EventKind
from football.timeline import TimelineEntry


@dataclass(frozen=True)
class RenditionView:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class PhotoView:
    caption: str
    credit: str
    alt: str
    renditions: tuple[RenditionView, ...]  # largest first

    @property
    def large(self) -> RenditionView:
        return self.renditions[0]

    @property
    def thumbnail(self) -> RenditionView:
        return self.renditions[-1]

    @property
    def srcset(self) -> str:
        return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in self.renditions)


@dataclass(frozen=True)
class QuoteView:
    text: str
    by: str
    role: str

    @property
    def attribution(self) -> str:
        return f"{self.by}, {self.role}" if self.role else self.by


@dataclass(frozen=True)
class PostedTimelineEntry(LinkedTimelineEntry):
    """A timeline entry with the photo or the quote it shows (their words not shown again as commentary)."""

    photo: PhotoView | None = None
    quote: QuoteView | None = None


def photo_url(name: str) -> str:
    return urljoin(settings.PHOTO_URL, name)


def photo_renditions(event: MatchEvent) -> tuple[RenditionView, ...]:
    ratio = event.photo_height / event.photo_width if event.photo_width else 0
    return tuple(
        RenditionView(photo_url(rendition_name(event.photo, width)), width, max(1, round(width * ratio)))
        for width in rendition_widths(event.photo_width)
    )


def photo_view(event: MatchEvent) -> PhotoView | None:
    if event.kind != EventKind.PHOTO or not event.photo:
        return None
    alt = event.alt_text or event.text
    return PhotoView(caption=event.text, credit=event.credit, alt=alt, renditions=photo_renditions(event))


def quote_view(event: MatchEvent) -> QuoteView | None:
    if event.kind != EventKind.QUOTE:
        return None
    return QuoteView(text=event.text, by=event.quote_by, role=event.quote_role)


def with_posts(entries: Iterable[TimelineEntry], events: Iterable[MatchEvent]) -> list[TimelineEntry]:
    """The entries, each photo's and quote's with what it shows."""
    by_id = {event.pk: event for event in events if event.kind in (EventKind.PHOTO, EventKind.QUOTE)}
    shown: list[TimelineEntry] = []
    for entry in entries:
        event = by_id.get(entry.event_id)
        if event is None:
            shown.append(entry)
            continue
        plain = replace(entry, commentary="")
        shown.append(PostedTimelineEntry(**vars(plain), photo=photo_view(event), quote=quote_view(event)))
    return shown
