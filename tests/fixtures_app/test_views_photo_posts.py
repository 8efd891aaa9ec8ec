"""Photos and quotes through the console's form and the JSON API's multipart upload: saved and
served as the site's own JPEGs, and every bad upload refused alike on both, in the one shape."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from fixtures_app.models import MatchEvent
from tests.factories import make_editor
from tests.feeds.api_helpers import V1, editor_key, live_match
from tests.fixtures_app.photo_samples import HTML, SVG, image_bytes, jpeg_with_location, png_bomb

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def match():
    return live_match()


@pytest.fixture
def editor(client):
    client.force_login(make_editor())


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def console_post(client, match, data: bytes | None, **fields):
    body = {"kind": "photo", "minute": 20, "text": "Saka celebrates", "credit": "Jane Doe", **fields}
    if data is not None:
        body["photo"] = upload(data)
    return client.post(reverse("fixtures_app:console-record", kwargs={"pk": match.pk}), body, **JSON)


def api_post(client, match, data: bytes | None, key: str, headers=None, **fields):
    body = {"minute": 20, "text": "Saka celebrates", "credit": "Jane Doe", **fields}
    if data is not None:
        body["photo"] = upload(data)
    path = f"{V1}/matches/{match.pk}/photos"
    return client.post(path, body, HTTP_AUTHORIZATION=f"Bearer {key}", **(headers or {}))


def test_an_editor_posts_a_photo_from_the_console_and_fans_get_a_clean_jpeg(client, match, editor):
    response = console_post(client, match, jpeg_with_location(), alt_text="Saka running to the corner flag")
    assert response.status_code == 200, response.content
    event = MatchEvent.objects.get(pk=response.json()["event_id"])
    assert (event.text, event.credit, event.alt_text) == (
        "Saka celebrates",
        "Jane Doe",
        "Saka running to the corner flag",
    )
    served = client.get(f"/photos/{event.photo}-640.jpg")
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert "immutable" in served["Cache-Control"] and "max-age=31536000" in served["Cache-Control"]
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "Cookie" not in served.get("Vary", "") and not served.cookies  # the same bytes for every reader
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert image.size == (640, 320) and not image.getexif()


def test_the_match_page_shows_the_photo_at_the_right_size_with_its_caption_and_credit(client, match, editor):
    console_post(client, match, jpeg_with_location())
    event = MatchEvent.objects.get(kind="photo")
    page = client.get(match.get_absolute_url()).content.decode()
    assert f'srcset="/photos/{event.photo}-1280.jpg 1280w, /photos/{event.photo}-640.jpg 640w' in page
    assert 'alt="Saka celebrates"' in page  # no alt text given: the caption serves
    assert "Photo: Jane Doe" in page


def test_uploads_are_never_served_by_their_own_name_or_type(client, match, editor):
    assert client.get("/photos/../../settings.py").status_code == 404
    assert client.get("/photos/0123456789abcdef0123456789abcdef-640.svg").status_code == 404
    assert client.get("/photos/0123456789abcdef0123456789abcdef-640.jpg").status_code == 404


REFUSED = [
    (SVG, "image/svg+xml", "Photo: This is not a JPEG, PNG or WebP image."),
    (HTML, "image/jpeg", "Photo: This is not a JPEG, PNG or WebP image."),
    (b"plain text", "text/plain", "Photo: This is not a JPEG, PNG or WebP image."),
    (png_bomb(), "image/png", "Photo: This image is too large: at most 50 million pixels."),
    (
        jpeg_with_location()[:-400],
        "image/jpeg",
        "Photo: This image is damaged or incomplete: it cannot be read.",
    ),
]


@pytest.mark.parametrize(
    ("data", "declared", "message"), REFUSED, ids=["svg", "html", "text", "bomb", "truncated"]
)
def test_bad_uploads_are_refused_alike_by_the_console_and_the_api(
    client, match, editor, data, declared, message
):
    _, key = editor_key()
    body = {
        "kind": "photo",
        "minute": 20,
        "text": "Caption",
        "credit": "Me",
        "photo": upload(data, content_type=declared),
    }
    console = client.post(reverse("fixtures_app:console-record", kwargs={"pk": match.pk}), body, **JSON)
    api = api_post(client, match, data, key)
    for response in (console, api):
        assert response.status_code == 400
        assert response.json()["code"] == "invalid"
        assert response.json()["message"] == message
    assert not MatchEvent.objects.filter(kind="photo").exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "A photo needs a caption."),
        ({"credit": " "}, "A photo needs a credit: who took it."),
        ({"credit": "Jane\x07"}, "The credit holds a control character (U+0007): remove it."),
        ({"text": "x" * 501}, "A caption is limited to 500 characters."),
    ],
    ids=["no-caption", "no-credit", "control-character", "long-caption"],
)
def test_a_photos_missing_or_bad_text_is_refused_alike(client, match, editor, fields, message):
    _, key = editor_key()
    for response in (
        console_post(client, match, image_bytes(), **fields),
        api_post(client, match, image_bytes(), key, **fields),
    ):
        assert response.status_code == 400, response.content
        assert response.json()["message"] == message
    assert not MatchEvent.objects.filter(kind="photo").exists()


def test_a_photo_without_a_file_is_refused_with_where_to_send_it(client, match, editor):
    _, key = editor_key()
    for response in (console_post(client, match, None), api_post(client, match, None, key)):
        assert response.status_code == 400
        assert "needs its image (a JPEG, PNG or WebP file)" in response.json()["message"]


def test_a_photo_over_the_upload_limit_is_refused_as_too_large(client, match, editor, settings):
    settings.MAX_UPLOAD_SIZE = 20_000
    _, key = editor_key()
    response = api_post(client, match, jpeg_with_location(), key)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_the_api_posts_a_photo_and_a_retry_with_its_key_counts_once(client, match):
    _, key = editor_key()
    retry = {"HTTP_IDEMPOTENCY_KEY": "photo-1"}
    first = api_post(client, match, image_bytes(), key, retry)
    again = api_post(client, match, image_bytes(), key, retry)
    assert first.status_code == again.status_code == 201, first.content
    assert first.json()["seq"] == again.json()["seq"]
    photo = first.json()["event"]["photo"]
    assert [(r["width"], r["height"]) for r in photo["renditions"]] == [(800, 600), (640, 480), (320, 240)]
    assert MatchEvent.objects.filter(kind="photo").count() == 1
    other = api_post(client, match, image_bytes(size=(640, 480)), key, retry)
    assert other.status_code == 409 and other.json()["code"] == "key_reused"  # another file, same key


def test_the_api_takes_a_quote_as_json_and_a_photo_as_json_is_refused(client, match):
    _, key = editor_key()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    quote = {
        "kind": "quote",
        "minute": 20,
        "text": "<script>alert(1)</script> We go again",
        "quote_by": "Arteta",
    }
    answer = client.post(
        f"{V1}/matches/{match.pk}/events", json.dumps(quote), content_type="application/json", **headers
    )
    assert answer.status_code == 201
    assert answer.json()["event"]["quote_by"] == "Arteta"
    page = client.get(match.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; We go again" in page and "<script>alert(1)" not in page
    photo = {"kind": "photo", "minute": 20, "text": "Caption", "credit": "Me"}
    refused = client.post(
        f"{V1}/matches/{match.pk}/events", json.dumps(photo), content_type="application/json", **headers
    )
    assert refused.status_code == 400 and "POST /api/v1/matches/<id>/photos" in refused.json()["message"]


def test_a_quote_from_the_console_shows_as_a_blockquote_with_who_said_it(client, match, editor):
    body = {
        "kind": "quote",
        "minute": 20,
        "text": "We go again",
        "quote_by": "Arteta",
        "quote_role": "Arsenal manager",
    }
    response = client.post(reverse("fixtures_app:console-record", kwargs={"pk": match.pk}), body, **JSON)
    assert response.status_code == 200
    page = client.get(match.get_absolute_url()).content.decode()
    assert "<blockquote><p>We go again</p></blockquote>" in page
    assert "<cite>Arteta</cite>, Arsenal manager" in page
