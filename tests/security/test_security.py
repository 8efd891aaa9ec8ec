"""Security, the parts no other test proves (docs/BAD_INPUT.md lists every item and where it is
proved): CSRF on every form, websocket origins, fans refused every editor action over HTTP,
production cookies and HSTS, and no secret in the repository."""

import json
import re
import subprocess

import pytest
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from feeds.tokens import api_token_create
from matchcentre.api import api
from matchcentre.asgi import application
from newsletter.models import Subscriber
from tests.matchcentre.test_settings import PRODUCTION, manage
from tests.security.conftest import World, database_state

CSRF_FORMS = [
    # (who, path): every form that posts, with the fields it needs; none carries the token.
    ("anyone", "/accounts/login/", {"username": "editor", "password": "pass-for-tests-only"}),
    ("editor", "/console/matches/{match}/events/", {"kind": "commentary", "minute": "15", "text": "Hi"}),
    ("editor", "/console/events/{event}/correct/", {"expected_version": "1", "minute": "13"}),
    ("editor", "/console/events/{event}/delete/", {}),
    ("editor", "/console/matches/{match}/status/", {"status": "half_time"}),
    ("editor", "/console/matches/{match}/stats/", {"team": "{home}", "period": "1", "shots": "3"}),
    ("anyone", "/polls/{poll}/vote/", {"option": "{option}"}),
    ("anyone", "/newsletter/", {"email": "fan@example.com"}),
    ("anyone", "/newsletter/unsubscribe/{token}/", {}),
    ("anyone", "/accounts/password_reset/", {"email": "editor@example.com"}),
    (
        "editor",
        "/accounts/password_change/",
        {
            "old_password": "pass-for-tests-only",
            "new_password1": "N3w-pass-word!",
            "new_password2": "N3w-pass-word!",
        },
    ),
]
API_WRITES = [
    # (method, path, body): every write the JSON API has (checked against its schema below).
    ("POST", "/api/v1/matches/{match}/events", {"kind": "commentary", "minute": 15, "text": "Hi"}),
    ("POST", "/api/v1/matches/{match}/photos", {"minute": 15, "text": "Hi", "credit": "Me"}),
    ("PATCH", "/api/v1/events/{event}", {"expected_version": 1, "minute": 13}),
    ("DELETE", "/api/v1/events/{event}", None),
    ("POST", "/api/v1/matches/{match}/status", {"status": "half_time"}),
    ("POST", "/api/v1/matches/{match}/stats", {"team": "{home}", "period": 1, "shots": 3}),
    ("PUT", "/api/v1/matches/{match}/lineups/{home}", {"entries": [{"player": "{saka}"}]}),
    ("POST", "/api/v1/matches/{match}/lineups/{home}", {"entries": [{"player": "{saka}"}]}),
    ("POST", "/api/v1/matches/{match}/polls", {"question": "Who?"}),
    ("POST", "/api/v1/polls/{poll}/close", None),
    ("POST", "/api/v1/polls/{poll}/reopen", {}),
]
CONSOLE_WRITES = [path for who, path, _ in CSRF_FORMS if path.startswith("/console/")]


@pytest.fixture
def token(world):
    return Subscriber.objects.create(email="fan@example.com").token


def world_path(world: World, path: str, **more) -> str:
    return path.format(**world.ids, **more)


def fill(world: World, data: dict, **more) -> dict:
    return {name: world_path(world, value, **more) for name, value in data.items()}


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "path", "data"), CSRF_FORMS, ids=[path for _, path, _ in CSRF_FORMS])
def test_every_form_refuses_a_post_without_the_csrf_token(who, path, data, world, token):
    client = Client(enforce_csrf_checks=True)
    if who == "editor":
        client.force_login(world.editor)
    option = world.ids["other_option"]
    before = database_state()
    response = client.post(world_path(world, path, token=token), fill(world, data, option=option))
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()
    assert database_state() == before


def _views(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def test_only_the_json_api_is_exempt_from_djangos_csrf_check_and_checks_it_itself():
    exempt = {
        path for path, view in _views(get_resolver().url_patterns) if getattr(view, "csrf_exempt", False)
    }
    assert exempt and all(path.startswith("api/") for path in exempt)
    writes = [
        operation
        for methods in api.get_openapi_schema()["paths"].values()
        for method, operation in methods.items()
        if method != "get"
    ]
    assert writes and all({"ConsoleSessionAuth": []} in operation["security"] for operation in writes)


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "body"), API_WRITES, ids=[f"{m} {p}" for m, p, _ in API_WRITES])
def test_an_editors_session_writes_through_the_api_only_with_the_csrf_token(method, path, body, world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.editor)
    before = database_state()
    response = browser.generic(method, world.path(path), json.dumps(world.fill(body)), "application/json")
    assert response.status_code == 403
    assert "CSRF check failed" in response.json()["message"]
    assert database_state() == before


def test_every_api_write_is_in_the_tables_here():
    tested = {(method, re.sub(r"\{\w+\}", "{}", path)) for method, path, _ in API_WRITES}
    schema = {
        (method.upper(), re.sub(r"\{\w+\}", "{}", path))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
        if method != "get"
    }
    assert tested == schema


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["fan-token", "fan-session"])
@pytest.mark.parametrize(("method", "path", "body"), API_WRITES, ids=[f"{m} {p}" for m, p, _ in API_WRITES])
def test_fans_are_refused_every_api_write(method, path, body, who, world):
    client = Client()
    if who == "fan-token":
        key = api_token_create(name="A fan's script", user=world.fan)[1]
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    else:
        client.force_login(world.fan)
    before = database_state()
    response = client.generic(method, world.path(path), json.dumps(world.fill(body)), "application/json")
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    assert database_state() == before


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anyone", "fan"])
@pytest.mark.parametrize("path", CONSOLE_WRITES)
def test_fans_are_refused_every_console_write(path, who, world, token):
    """tests/fixtures_app/test_views_console.py proves the console's pages refuse fans too."""
    client = world.client(who)
    data = next(data for _, form, data in CSRF_FORMS if form == path)
    before = database_state()
    response = client.post(world.path(path), fill(world, data), HTTP_ACCEPT="application/json")
    if who == "anyone":
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    else:
        assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    assert database_state() == before


SITE = (b"host", b"127.0.0.1:8000")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("socket", ["/ws/matches/{match}/", "/ws/scores/"])
@pytest.mark.parametrize(
    "origin",
    [
        b"https://evil.example",
        b"null",
        None,
        b"http://127.0.0.1:9999",  # the site's host name, another port: another server on the host
        b"https://127.0.0.1:8000",  # another scheme
        b"http://127.0.0.1",  # the default port, not the site's
        b"http://127.0.0.1:8000/page",  # not an origin at all
        b"http://evil@127.0.0.1:8000",
    ],
)
async def test_sockets_refuse_pages_of_other_sites(socket, origin, world):
    """An origin is a scheme, host and port, as browsers compare them: all three must be the site's."""
    headers = [SITE, (b"origin", origin)] if origin else [SITE]
    communicator = WebsocketCommunicator(application, world.path(socket), headers=headers)
    connected, _ = await communicator.connect()
    assert not connected


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("host", "origin", "extra"),
    [
        (b"127.0.0.1:8000", b"http://127.0.0.1:8000", []),
        (b"LOCALHOST:8000", b"http://localhost:8000", []),
        # Behind a TLS proxy that says so (SECURE_PROXY_SSL_HEADER): the page was https on port 443.
        (b"localhost", b"https://localhost", [(b"x-forwarded-proto", b"https")]),
    ],
)
async def test_sockets_take_pages_of_the_sites_own_origin(host, origin, extra, world):
    communicator = WebsocketCommunicator(
        application, world.path("/ws/scores/"), headers=[(b"host", host), (b"origin", origin), *extra]
    )
    connected, _ = await communicator.connect()
    assert connected
    await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_sockets_refuse_a_host_the_site_does_not_serve(world):
    """The Host is checked against ALLOWED_HOSTS before the origin is compared with it."""
    headers = [(b"host", b"evil.example"), (b"origin", b"http://evil.example")]
    communicator = WebsocketCommunicator(application, world.path("/ws/scores/"), headers=headers)
    connected, _ = await communicator.connect()
    assert not connected


@pytest.mark.django_db(transaction=True)
async def test_sockets_take_a_csrf_trusted_origin(world, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://partner.example"]
    headers = [(b"host", b"127.0.0.1:8000"), (b"origin", b"https://partner.example")]
    communicator = WebsocketCommunicator(application, world.path("/ws/scores/"), headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    await communicator.disconnect()


def test_production_variables_give_secure_cookies_hsts_and_no_debug():
    """`check --deploy` is clean with them too (tests/matchcentre/test_settings.py)."""
    names = [
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "X_FRAME_OPTIONS",
    ]
    script = (
        "from django.conf import settings; import json; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names}}}))"
    )
    result = manage("shell", "-c", script, env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "DENY",
    }


@pytest.mark.django_db
def test_over_https_in_production_pages_carry_hsts(client, settings):
    settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = 31536000, True
    settings.SECURE_HSTS_PRELOAD = settings.SECURE_SSL_REDIRECT = True
    assert client.get("/", secure=False).status_code == 301
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    "Stripe live key": re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}"),
    "MatchCentre API key": re.compile(r"\bmc_[A-Za-z0-9_-]{40,}"),
    "password in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:[^/\s@'\"{}$]{3,}@"),
}
# `SECRET_KEY = "…"`, `"SECRET_KEY": "…"`, or `SECRET_KEY=…` as in an environment file.
SECRET_KEY_LITERAL = re.compile(r"SECRET_KEY[\"']?\s*[=:]\s*[\"']([^\"'\s]+)[\"']|SECRET_KEY=([^\s\"',]+)")
# Keys that are public on purpose: the development key (used only with DJANGO_DEBUG on; without
# a key production refuses to start, tests/matchcentre/test_settings.py), the tests' key
# and the benchmarks' key (bench/common.py: a throwaway database on the bench's machine).
PUBLIC_KEYS = {"dev-only-insecure-key-do-not-deploy", "tests-only-secret-key", "bench-only-not-a-secret"}
# This file: its samples of what the scan looks for are fake on purpose.
SCANNER = "tests/security/test_security.py"
SECRET_FILES = re.compile(r"(^|/)(\.env(\..+)?|id_[rd]sa|id_ed25519|.+\.(pem|key|p12|pfx|keystore))$")


def secret_keys(text: str) -> list[str]:
    return [found[1] or found[2] for found in SECRET_KEY_LITERAL.finditer(text)]


def tracked_text_files() -> dict[str, str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=settings.BASE_DIR, capture_output=True, check=True, timeout=60
        )
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"not a git checkout, or git is missing: {error}")
    files = {}
    for name in filter(None, listed.stdout.decode().split("\0")):
        path = settings.BASE_DIR / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            files[name] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images and other binary files
    return files


def test_no_secret_is_in_the_repository():
    files = tracked_text_files()
    assert "matchcentre/settings.py" in files
    found = [f"{name}: a file that holds keys" for name in files if SECRET_FILES.search(name)]
    for name, text in files.items():
        if name == SCANNER:
            continue
        found += [f"{name}: {kind}" for kind, pattern in SECRET_PATTERNS.items() if pattern.search(text)]
        found += [
            f"{name}: SECRET_KEY {value[:6]}…"
            for value in secret_keys(text)
            if value not in PUBLIC_KEYS and len(value) >= 8  # shorter: a placeholder such as "…"
        ]
    assert found == []


def test_the_secret_scan_finds_what_it_looks_for():
    samples = {
        "private key": "-----BEGIN RSA PRIVATE KEY-----",
        "AWS access key": "AKIAABCDEFGHIJKLMNOP",
        "GitHub token": "ghp_" + "a" * 36,
        "MatchCentre API key": "mc_" + "A" * 43,
        "password in a URL": "postgres://matchcentre:s3cret-pass@db:5432/matchcentre",
    }
    assert {kind for kind, text in samples.items() if SECRET_PATTERNS[kind].search(text)} == set(samples)
    assert secret_keys('SECRET_KEY = "k9#2lq0pz-real"\nDJANGO_SECRET_KEY=k9#2lq0pz-env') == [
        "k9#2lq0pz-real",
        "k9#2lq0pz-env",
    ]
    assert SECRET_FILES.search("deploy/.env") and SECRET_FILES.search("certs/site.pem")
