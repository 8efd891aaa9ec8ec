"""Production settings: `check --deploy` is clean with production variables, and a server
without a secret key refuses to start rather than run with a known one."""

import os
import secrets
import subprocess
import sys

import pytest
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


@pytest.mark.postgres
@pytest.mark.django_db
def test_on_postgresql_a_page_loaded_again_runs_prepared_statements(client):
    """Planning is most of a match page's query time on PostgreSQL: a connection that has run a
    statement DATABASE_PREPARE_THRESHOLD times keeps it prepared, with its plan."""
    from django.db import connection

    from tests.factories import make_match

    match = make_match()
    prepared = "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%%fixtures_app_match%%'"
    with connection.cursor() as cursor:
        cursor.execute(prepared)
        assert cursor.fetchone()[0] == 0
        for _ in range(settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"] + 1):
            assert client.get(match.get_absolute_url()).status_code == 200
        cursor.execute(prepared)
        assert cursor.fetchone()[0] > 0
