"""The photo form: an event form with the image file, which it makes into renditions before the
service records the photo. Every channel that takes files (the console's form, the JSON API's
multipart upload) uses it, so they refuse the same uploads with the same messages."""

from django import forms
from django.core.exceptions import ValidationError

from fixtures_app.forms import EventForm
from fixtures_app.models import Match
from fixtures_app.photos import PhotoRefused, Rendition, renditions
from fixtures_app.services.events import EVENT_FIELDS, match_record_event
from fixtures_app.services.posts import NO_FILE
from fixtures_app.services.updates import Written
from football.events import EventKind


class PhotoField(forms.FileField):
    """An uploaded image, cleaned into its renditions (fixtures_app/photos.py)."""

    def clean(self, data, initial=None) -> tuple[Rendition, ...] | None:
        upload = super().clean(data, initial)
        if not upload:
            return None
        try:
            return renditions(upload)
        except PhotoRefused as refused:
            raise ValidationError(str(refused), code="invalid") from None
        finally:
            upload.seek(0)


class PhotoForm(EventForm):
    """Posts a photo: the image, its caption (`text`), credit and alt text, at a minute."""

    photo = PhotoField(
        label="Photo",
        error_messages={"required": NO_FILE, "empty": "This file is empty.", "invalid": NO_FILE},
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") not in (None, EventKind.PHOTO):
            self.add_error("kind", "This form posts photos: its event type is photo.")
        return data

    def save(self, *, by) -> Written | None:
        fields = {name: self.cleaned_data[name] for name in EVENT_FIELDS}
        fields["added_minute"] = fields["added_minute"] or 0
        photo = self.cleaned_data["photo"]
        return self.call(match_record_event, match=self.match, by=by, photo=photo, **fields)


def record_form(data, files, *, match: Match) -> EventForm:
    """The form that records what was sent: a photo with its file, any other event without."""
    if data.get("kind") == EventKind.PHOTO and files is not None:
        return PhotoForm(data, files=files, match=match)
    return EventForm(data, match=match)
