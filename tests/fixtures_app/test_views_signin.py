import uuid

import pytest

from tests.factories import make_editor

pytestmark = pytest.mark.django_db


def test_guessing_a_password_is_slowed_down_with_a_clear_message(client, settings):
    settings.SIGNIN_RATE_PER_USERNAME = "3/m"
    name = f"desk-{uuid.uuid4().hex[:8]}"  # the count lives in the cache, which may outlive a run
    make_editor(name)
    for _ in range(3):
        wrong = client.post("/accounts/login/", {"username": name, "password": "guess"})
        assert wrong.status_code == 200
        assert "Please enter a correct username and password" in wrong.content.decode()
    refused = client.post("/accounts/login/", {"username": name, "password": "pass-for-tests-only"})
    assert refused.status_code == 429
    assert "Too many sign-in attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def to_full_width(name: str) -> str:
    """`desk` as `ｄｅｓｋ`: letters Django reads as the plain ones (NFKC) when signing in."""
    return "".join(chr(ord(letter) + 0xFEE0) if "!" <= letter <= "~" else letter for letter in name)


def test_look_alike_spellings_of_a_username_share_one_limit(client, settings):
    settings.SIGNIN_RATE_PER_USERNAME = "3/m"
    name = f"desk{uuid.uuid4().hex[:8]}"
    make_editor(name)
    spellings = [to_full_width(name), name.upper(), to_full_width(name.upper())]
    for typed in spellings:
        wrong = client.post("/accounts/login/", {"username": typed, "password": "guess"})
        assert wrong.status_code == 200
    # The right password in full-width letters signs in as the editor: the same bucket, now full.
    refused = client.post(
        "/accounts/login/", {"username": to_full_width(name), "password": "pass-for-tests-only"}
    )
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_editor_signs_in_below_the_limit(client, settings):
    settings.SIGNIN_RATE_PER_USERNAME = "3/m"
    name = f"desk-{uuid.uuid4().hex[:8]}"
    make_editor(name)
    response = client.post("/accounts/login/", {"username": name, "password": "pass-for-tests-only"})
    assert response.status_code == 302


# A Redis no server listens on: the cache that keeps the counts is out of reach.
UNREACHABLE = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"socket_connect_timeout": 0.2},
}


def test_an_editor_can_still_sign_in_while_the_counts_cache_is_out_of_reach(client, settings, caplog):
    settings.CACHES = {**settings.CACHES, "counts": UNREACHABLE}
    settings.RATELIMIT_USE_CACHE = "counts"
    make_editor("desk")
    response = client.post("/accounts/login/", {"username": "desk", "password": "pass-for-tests-only"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert "Rate limit signin.username not counted" in caplog.text
