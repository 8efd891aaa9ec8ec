"""Production settings: `check --deploy` is clean with production variables, and a server
without a secret key refuses to start rather than run with a known one."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_HTTPS": "1",
    "DJANGO_ALLOWED_HOSTS": "matchcentre.example",
    "DJANGO_DEBUG": "0",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_are_clean_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_a_secret_key_production_refuses_to_start():
    result = manage(
        "check", env={key: value for key, value in PRODUCTION.items() if key != "DJANGO_SECRET_KEY"}
    )
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr
