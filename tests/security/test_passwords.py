"""Passwords: production hashes them with Django's default, strong hasher. The tests use a fast one
(tests/conftest.py), which must never reach the site."""

import json

from django.conf import global_settings
from django.contrib.auth.hashers import get_hasher

from tests.matchcentre.test_settings import PRODUCTION, manage

SCRIPT = (
    "import json; from django.conf import settings; from django.contrib.auth.hashers import make_password; "
    "print(json.dumps({'hashers': settings.PASSWORD_HASHERS, 'hashed': make_password('correct horse')}))"
)


def test_production_hashes_passwords_with_djangos_default_strong_hasher():
    result = manage("shell", "-c", SCRIPT, env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["hashers"] == global_settings.PASSWORD_HASHERS
    algorithm, iterations, *_ = loaded["hashed"].split("$")
    assert algorithm == "pbkdf2_sha256"
    assert int(iterations) >= 600_000  # OWASP's floor for PBKDF2-HMAC-SHA256


def test_the_test_run_hashes_with_the_fast_hasher():
    assert get_hasher().algorithm == "md5"
