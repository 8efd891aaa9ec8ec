"""Shared test set-up: service-dependent selection, a live Daphne server, a real browser."""

import os
import shutil
import tempfile
from functools import partial
from pathlib import Path

import pytest
from django.conf import settings

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Django's default hasher takes most of a second a password, by design; tests make users by the
# hundred. Set before anything is hashed, so the server processes `live_site` forks have it too.
# Production keeps Django's default (tests/security/test_passwords.py).
TEST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_configure(config):
    from django.contrib.auth.hashers import get_hashers, get_hashers_by_algorithm

    settings.PASSWORD_HASHERS = TEST_PASSWORD_HASHERS
    get_hashers.cache_clear()
    get_hashers_by_algorithm.cache_clear()
    # Photos a test posts (the demo's among them) are written to a folder of the run's own, never
    # into the project's media/; tests that look at the files set MEDIA_ROOT to their tmp_path.
    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="matchcentre-test-media-"))


def pytest_itemcollected(item):
    """Every browser test is slow: it starts a server process and Chromium (4 to 9 s each)."""
    if item.get_closest_marker("browser"):
        item.add_marker(pytest.mark.slow)


def pytest_collection_modifyitems(config, items):
    """Tests of a service this configuration does not use are left out, not skipped:
    CI runs the suite again on PostgreSQL and Redis, where they run."""
    using = {
        "postgres": settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        "redis": bool(os.environ.get("REDIS_URL")),
    }
    kept, left_out = [], []
    for item in items:
        needs = [name for name, used in using.items() if item.get_closest_marker(name) and not used]
        (left_out if needs else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With MATCHCENTRE_NO_SKIP set (CI), a skip is a failure: nothing may go untested there."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("MATCHCENTRE_NO_SKIP") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where nothing may skip: {report.longrepr}"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the real data folder {SHARED_DATA} is absent (it sits beside the project in CI)")
    return SHARED_DATA


@pytest.fixture
def demo(db):
    """The demo as load_demo leaves it, in this test's own transaction: loaded once per run and
    put back for each test (tests/demo_copy.py). Returns load_demo's notes."""
    from tests.demo_copy import demo_put_back

    return demo_put_back()


@pytest.fixture
def mail_folder(settings, tmp_path) -> Path:
    """Emails as files. Set before `live_site` starts: the server process is forked from this one."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    return tmp_path / "mail"


@pytest.fixture
def live_site(transactional_db):
    """The site served in its own process, on the test database: by Daphne, as `make run`
    serves it, or by Uvicorn, the production recipe's server, when MATCHCENTRE_TEST_SERVER
    says so (CI's production pass)."""
    from channels.testing.live import make_application
    from daphne.testing import DaphneProcess
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
    from django.db import connection

    from tests.servers import SERVER_KINDS, UvicornProcess

    kind = os.environ.get("MATCHCENTRE_TEST_SERVER", "daphne")
    if kind not in SERVER_KINDS:
        raise RuntimeError(f"MATCHCENTRE_TEST_SERVER is {kind!r}: use one of {', '.join(SERVER_KINDS)}")
    process = (UvicornProcess if kind == "uvicorn" else DaphneProcess)(
        "127.0.0.1",
        partial(make_application, static_wrapper=ASGIStaticFilesHandler),
        setup=partial(_use_database, connection.settings_dict["NAME"]),
    )
    process.start()
    if not process.ready.wait(timeout=20):
        process.terminate()
        raise RuntimeError(f"{kind} did not start for the test")
    yield f"http://127.0.0.1:{process.port.value}"
    process.terminate()
    process.join()


def _use_database(name: str) -> None:
    """In the server process: open the test database this test run made.

    The process is forked from the test run, whose earlier async tests may have started
    asgiref's one-thread executor, and whose PostgreSQL pool holds connections; neither
    survives the fork, so start afresh.
    """
    from concurrent.futures import ThreadPoolExecutor

    from asgiref.sync import SyncToAsync
    from django.db import connections

    settings.DATABASES["default"]["NAME"] = name
    SyncToAsync.single_thread_executor = ThreadPoolExecutor(max_workers=1)
    # The parent's PostgreSQL pool came with the fork, its connections and threads the
    # parent's: forget it (closing would end the parent's sessions) and let a fresh one open.
    getattr(type(connections["default"]), "_connection_pools", {}).clear()


@pytest.fixture
def browser(monkeypatch):
    """Headless Debian Chromium driven by Playwright; skips with a reason where either is absent."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (make test installs it)")
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(executable):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
