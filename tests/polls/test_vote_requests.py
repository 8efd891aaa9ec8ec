"""The vote lane reads a vote from the server's scope as Django would: the same META, cookies,
form, host and scheme; anything else it leaves to Django."""

import io

import pytest
from django.core.handlers.asgi import ASGIRequest

from polls.vote_requests import MOST_FIELDS, url_encoded_form, vote_request

CSRF = "c" * 32
FORM = b"application/x-www-form-urlencoded;charset=UTF-8"


def scope(*headers: tuple[bytes, bytes], scheme: str = "http", root_path: str = "") -> dict:
    return {
        "type": "http",
        "method": "POST",
        "path": "/polls/5/vote/",
        "root_path": root_path,
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"content-type", FORM),
            (b"cookie", f"csrftoken={CSRF}; tz=Europe/Rome".encode()),
            (b"x-requested-with", b"XMLHttpRequest"),
            (b"origin", b"http://127.0.0.1:8000"),
            (b"sec-fetch-site", b"same-origin"),
            *headers,
        ],
        "client": ("203.0.113.9", 50000),
        "server": ("127.0.0.1", 8000),
        "scheme": scheme,
    }


BODY = f"csrfmiddlewaretoken={CSRF}&option=7&ballot={'a' * 32}".encode()


def test_a_vote_reads_as_djangos_own_request_reads_it():
    sent = scope(
        (b"cookie", b"voter=x"),
        (b"accept", b"application/json"),
        (b"accept", b"text/html"),
        (b"x_forwarded_proto", b"https"),  # Django drops a name with "_": it would pass for X-Forwarded-Proto
    )
    ours, django = vote_request(sent, BODY), ASGIRequest(sent, io.BytesIO(BODY))
    assert ours is not None
    assert without_wsgi(ours.META) == without_wsgi(django.META)
    assert ours.COOKIES == django.COOKIES
    assert dict(ours.POST) == django.POST.dict()
    assert (ours.get_host(), ours.is_secure(), ours.path) == (
        django.get_host(),
        django.is_secure(),
        django.path,
    )


def without_wsgi(meta: dict) -> dict:
    return {key: value for key, value in meta.items() if not key.startswith("wsgi.")}


def test_https_is_read_from_the_scope_and_from_the_proxys_header(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert vote_request(scope(scheme="https"), BODY).is_secure()
    assert vote_request(scope((b"x-forwarded-proto", b"https")), BODY).is_secure()
    assert not vote_request(scope(), BODY).is_secure()


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"option": 7}'),
        ("multipart/form-data; boundary=x", BODY),
        ("application/x-www-form-urlencoded; charset=latin-1", BODY),
        ("application/x-www-form-urlencoded", "option=7&label=Bergkamp’s".encode()),
        ("application/x-www-form-urlencoded", b"&".join(b"f%d=1" % n for n in range(MOST_FIELDS + 1))),
    ],
    ids=["json", "multipart", "another charset", "not ascii", "too many fields"],
)
def test_a_body_that_is_not_a_plain_vote_form_is_left_to_django(content_type, body):
    assert url_encoded_form(content_type, body) is None


def test_the_form_is_read_as_a_querydict_reads_it():
    form = url_encoded_form("application/x-www-form-urlencoded", b"option=1&option=2&ballot=&x=%C3%A9+b")
    assert form == {"option": "2", "ballot": "", "x": "é b"}


def test_a_request_under_a_root_path_is_left_to_django():
    assert vote_request(scope(root_path="/site"), BODY) is None
