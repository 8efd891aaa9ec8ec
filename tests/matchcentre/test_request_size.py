"""Bodies over the limit are refused by the site's ASGI application before Django buffers them
(matchcentre/request_size.py); the production server's test sends them over a real socket."""

import pytest
from channels.testing import HttpCommunicator

from matchcentre.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)
MB = 1024 * 1024


async def post(body: bytes, content_type: bytes, *, accept: bytes = b"text/html", length: int | None = None):
    headers = [
        (b"host", b"127.0.0.1"),
        (b"content-type", content_type),
        (b"content-length", str(len(body) if length is None else length).encode()),
        (b"accept", accept),
    ]
    return await HttpCommunicator(
        application, "POST", "/accounts/login/", body=body, headers=headers
    ).get_response(timeout=20)


async def test_a_form_over_one_megabyte_is_a_413_page_with_the_sites_headers():
    response = await post(b"x" * (MB + 1), b"application/x-www-form-urlencoded")
    assert response["status"] == 413
    assert b"The request is too large: send at most 1024 KB" in response["body"]
    assert b"<html" in response["body"]
    assert (b"x-content-type-options", b"nosniff") in [
        (name.lower(), value) for name, value in response["headers"]
    ]


async def test_a_declared_length_over_the_limit_is_refused_without_its_body_as_json_to_scripts():
    response = await post(b"", b"application/json", accept=b"application/json", length=600 * MB)
    assert response["status"] == 413
    assert b'"code": "too_large"' in response["body"]


async def test_a_photo_upload_may_be_larger_than_a_form_but_not_without_bound():
    """Multipart bodies may carry MATCHCENTRE_MAX_UPLOAD_SIZE (10 MB): a 2 MB one reaches Django,
    which refuses this one for its missing CSRF token, not for its size."""
    multipart = b"multipart/form-data; boundary=b"
    two_megabytes = await post(b"--b\r\n" + b"x" * 2 * MB, multipart)
    assert two_megabytes["status"] == 403
    eleven_megabytes = await post(b"--b\r\n" + b"x" * 11 * MB, multipart)
    assert eleven_megabytes["status"] == 413
