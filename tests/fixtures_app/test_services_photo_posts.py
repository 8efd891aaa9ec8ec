"""Photos and quotes through the event services: renditions made, metadata gone, bad uploads
refused, and a photo's files going with its event."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from fixtures_app.models import MatchEvent
from fixtures_app.photos import PhotoRefused, renditions
from fixtures_app.services.events import match_correct_event, match_delete_event, match_record_event
from fixtures_app.services.photos import photo_folder
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, make_match, make_team
from tests.fixtures_app.photo_samples import GPS_INFO, HTML, SVG, image_bytes, jpeg_with_location, png_bomb

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def match():
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


def post_photo(match, data: bytes, **fields):
    fields = {"text": "Saka celebrates", "credit": "Jane Doe / Agency", **fields}
    return match_record_event(
        match=match, kind="photo", minute=12, photo=renditions(io.BytesIO(data)), **fields
    )


def test_a_photo_is_resized_to_its_widths_and_never_upscaled():
    made = renditions(io.BytesIO(jpeg_with_location(size=(3000, 1500))))
    assert [(r.width, r.height) for r in made] == [(1280, 640), (640, 320), (320, 160)]
    small = renditions(io.BytesIO(image_bytes("PNG", size=(500, 400))))
    assert [(r.width, r.height) for r in small] == [(500, 400), (320, 256)]


def test_a_photos_renditions_carry_no_exif_location_or_comment():
    original = jpeg_with_location()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_INFO)  # the upload had a location
    for rendition in renditions(io.BytesIO(original)):
        image = Image.open(io.BytesIO(rendition.data))
        assert image.format == "JPEG"
        assert not image.getexif()
        assert "exif" not in image.info and "comment" not in image.info
        assert b"PhoneCam" not in rendition.data and b"secret comment" not in rendition.data


def test_a_photo_taken_sideways_is_turned_upright():
    # Orientation 6: the camera was turned; the picture stored 2000x1000 is shown 1000x2000.
    made = renditions(io.BytesIO(jpeg_with_location(size=(2000, 1000), orientation=6)))
    assert (made[0].width, made[0].height) == (1000, 2000)


def test_a_transparent_png_and_a_webp_are_taken():
    assert renditions(io.BytesIO(image_bytes("PNG", mode="RGBA")))[0].width == 800
    assert renditions(io.BytesIO(image_bytes("WEBP")))[0].width == 800


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (SVG, "not a JPEG, PNG or WebP image"),
        (HTML, "not a JPEG, PNG or WebP image"),
        (b"GIF89a" + image_bytes("GIF")[6:], "not a JPEG, PNG or WebP image"),
        (image_bytes("BMP"), "not a JPEG, PNG or WebP image"),
        (jpeg_with_location()[:-400], "damaged or incomplete"),
        (b"", "not a JPEG, PNG or WebP image"),
        (png_bomb(), "too large: at most 50 million pixels"),
    ],
    ids=["svg", "html", "gif", "bmp", "truncated-jpeg", "empty", "decompression-bomb"],
)
def test_what_is_not_a_usable_photo_is_refused_with_the_reason(data, message):
    with pytest.raises(PhotoRefused, match=message):
        renditions(io.BytesIO(data))


def test_a_posted_photo_is_stored_as_renditions_only(match, media):
    event = post_photo(match, jpeg_with_location()).event
    assert (event.kind, event.photo_width, event.photo_height) == ("photo", 1280, 640)
    stored = sorted(path.name for path in photo_folder().iterdir())
    assert stored == [f"{event.photo}-{width}.jpg" for width in (1280, 320, 640)]
    assert all(b"PhoneCam" not in path.read_bytes() for path in photo_folder().iterdir())


def test_a_photo_needs_its_caption_and_credit(match):
    with pytest.raises(ValidationError, match="needs a caption"):
        post_photo(match, image_bytes(), text="  ")
    with pytest.raises(ValidationError, match="needs a credit"):
        post_photo(match, image_bytes(), credit="")
    assert not MatchEvent.objects.filter(kind="photo").exists()


def test_a_photo_without_its_image_is_refused(match):
    with pytest.raises(ValidationError, match="needs its image"):
        match_record_event(match=match, kind="photo", minute=12, text="Caption", credit="Me")


def test_control_characters_are_refused_in_a_posts_text(match):
    with pytest.raises(ValidationError, match=r"caption|text holds a control character \(U\+0007\)"):
        post_photo(match, image_bytes(), text="Goal\x07")
    with pytest.raises(ValidationError, match=r"credit holds a control character \(U\+001B\)"):
        post_photo(match, image_bytes(), credit="\x1b[31mRed")
    with pytest.raises(ValidationError, match="who said it holds a control character"):
        match_record_event(match=match, kind="quote", minute=5, text="We go again", quote_by="Arteta\x00")


def test_a_caption_over_its_limit_is_refused(match):
    with pytest.raises(ValidationError, match="limited to 500 characters"):
        post_photo(match, image_bytes(), text="x" * 501)


def test_a_quote_needs_its_words_and_who_said_them(match):
    with pytest.raises(ValidationError, match="needs who said it"):
        match_record_event(match=match, kind="quote", minute=5, text="We go again")
    with pytest.raises(ValidationError, match="needs its words"):
        match_record_event(match=match, kind="quote", minute=5, quote_by="Arteta")
    quote = match_record_event(
        match=match,
        kind="quote",
        minute=5,
        text="We go again",
        quote_by="Arteta",
        quote_role="Arsenal manager",
    ).event
    assert (quote.text, quote.quote_by, quote.quote_role) == ("We go again", "Arteta", "Arsenal manager")


def test_other_events_carry_no_photo_or_quote_fields(match):
    with pytest.raises(ValidationError, match="Only a quote"):
        match_record_event(match=match, kind="commentary", minute=5, text="Lively", quote_by="Arteta")
    with pytest.raises(ValidationError, match="Only a photo"):
        match_record_event(match=match, kind="commentary", minute=5, text="Lively", credit="Me")


def test_a_photos_caption_is_corrected_but_it_stays_a_photo(match):
    event = post_photo(match, image_bytes()).event
    corrected = match_correct_event(
        event=event, expected_version=1, text="Saka scores", alt_text="Saka running"
    ).event
    assert (corrected.text, corrected.alt_text, corrected.photo) == (
        "Saka scores",
        "Saka running",
        event.photo,
    )
    with pytest.raises(ValidationError, match="keeps its kind"):
        match_correct_event(event=event, expected_version=2, kind="commentary")


def test_deleting_a_photo_removes_its_files(match, django_capture_on_commit_callbacks):
    event = post_photo(match, image_bytes()).event
    assert list(photo_folder().glob(f"{event.photo}-*"))
    with django_capture_on_commit_callbacks(execute=True):
        match_delete_event(event=event)
    assert not list(photo_folder().glob(f"{event.photo}-*"))


def test_a_repeated_photo_post_stores_one_photo(match):
    first = post_photo(match, image_bytes(), client_key="k-1")
    again = post_photo(match, image_bytes(), client_key="k-1")
    assert again.repeated and again.event.pk == first.event.pk
    assert len(list(photo_folder().iterdir())) == 3  # 800, 640 and 320 wide, once
