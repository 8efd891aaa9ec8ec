"""Every shell command the README prints runs as printed, in a fresh clone with no ../shared beside it.

Each test takes one code block of the README and runs its commands, as a newcomer would paste
them, in a copy of the project made as a clone would have it (no ../shared beside it, no
database, none of our environment variables): `make run` is started until it serves the seed
page and then stopped, a replay in match time until it plays its first minute. A block that
names the shared real data runs with ../shared put beside the copy, and skips when the
workspace has none (CI has it).
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
NOT_RUN = {"make test": "it runs the suite this test is part of"}
# What a clone lacks: what .gitignore leaves out, and the git folder itself.
NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "*_cache",
    ".hypothesis",
    "__pycache__",
    "*.sqlite3*",
    "media",
    "staticfiles",
    "sent-emails",
    "tmp",
)
# The environment a newcomer's shell has: none of the settings' variables.
SETTINGS_PREFIXES = ("DJANGO_", "MATCHCENTRE_", "DATABASE_", "REDIS_", "BENCH_")
SEED_DAY = "2024-04-18"


def readme_blocks(text: str) -> list[list[str]]:
    """The README's shell code blocks, each as its commands (continued lines joined)."""
    blocks = re.findall(r"^[ \t]*```(?:sh|bash|shell|console)\n(.*?)^[ \t]*```", text, re.M | re.S)
    return [
        [line.strip() for line in block.replace("\\\n", " ").splitlines() if line.strip()] for block in blocks
    ]


def without_comment(command: str) -> str:
    return command.split(" #", 1)[0].strip()


def block_name(block: list[str]) -> str:
    """The block's first command, by its management command when it has one."""
    first = without_comment(block[0])
    return first.split("manage.py ", 1)[1].split(" ", 1)[0] if "manage.py " in first else first


def newcomer_environment(**extra: str) -> dict[str, str]:
    kept = {name: value for name, value in os.environ.items() if not name.startswith(SETTINGS_PREFIXES)}
    return {**kept, **extra}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_readme_prints_commands_in_code_blocks():
    commands = [without_comment(c) for block in readme_blocks(README.read_text()) for c in block]
    assert "make run" in commands
    assert any("manage.py" in command for command in commands)


BLOCKS = readme_blocks(README.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """The project as a fresh clone has it, beside no ../shared, using this run's .venv."""
    project = tmp_path_factory.mktemp("fresh") / "matchcentre"
    shutil.copytree(ROOT, project, ignore=NOT_IN_A_CLONE, symlinks=True)
    (project / ".venv").symlink_to(sys.prefix)  # the virtualenv running these tests
    return project


@pytest.fixture(scope="module")
def loaded_database(clone) -> Path:
    """A database as `make run` leaves it (migrated, the demo loaded), kept aside to copy."""
    for command in ("migrate --noinput", "load_demo"):
        run(f"DJANGO_DEBUG=1 .venv/bin/python manage.py {command}", clone)
    kept = clone.parent / "loaded.sqlite3"
    shutil.move(clone / "db.sqlite3", kept)
    return kept


@pytest.fixture
def shared_beside(clone, request) -> Iterator[None]:
    """../shared beside the clone, for a block that names it; skips where the workspace has none."""
    if not any("../shared/" in command for command in request.node.callspec.params["block"]):
        yield
        return
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the block reads ../shared/data, absent here ({SHARED_DATA}); CI has it")
    link = clone.parent / "shared"
    link.symlink_to(SHARED_DATA.parent)
    yield
    link.unlink()


@pytest.mark.slow
@pytest.mark.parametrize("block", BLOCKS, ids=[block_name(block) for block in BLOCKS])
def test_every_command_the_readme_prints_runs_as_printed(block, clone, loaded_database, shared_beside):
    database = clone / "db.sqlite3"
    database.unlink(missing_ok=True)
    if not block[0].startswith("make "):
        shutil.copy(loaded_database, database)  # the README's commands come after `make run`
    for command in block:
        if without_comment(command) in NOT_RUN:
            continue
        if without_comment(command) == "make run":
            check_make_run_serves_the_seed_page(clone)
        elif "replay_match" in command and "--speed 0" not in command:
            check_starts_replaying(command, clone)
        else:
            run(command, clone)


def run(command: str, project: Path) -> str:
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=project,
        env=newcomer_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"`{command}` failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def check_make_run_serves_the_seed_page(project: Path) -> None:
    """`make run` from nothing serves the seed page with the League Phase table beside it."""
    assert not (project.parent / "shared").exists()
    port = free_port()
    with started("make run", project, PORT=str(port)) as server:
        site = f"http://127.0.0.1:{port}"
        wait_for(lambda: serving(site), server, within=90)
        games = json.loads(read(f"{site}/api/v1/matches?date={SEED_DAY}&tz=Europe/Rome"))
        seed = next(game for game in games if game["line"] == "Atalanta v Liverpool")
        page = read(site + seed["url"])
    assert re.search(r'class="league-table__stage"[^>]*>League Phase</a>', page)
    assert page.count("league-table__row") == 36


def check_starts_replaying(command: str, project: Path) -> None:
    """A replay in match time plays its kick-off within seconds; it is stopped there."""
    with started(command, project) as replay:
        wait_for(lambda: "kick-off" in replay.output(), replay, within=60)


class started:
    """A long command started in its own process group, its output in a file; the group is
    stopped on leaving."""

    def __init__(self, command: str, project: Path, **extra: str) -> None:
        self.command, self.log = command, project.parent / "output.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                ["bash", "-c", command],
                cwd=project,
                env=newcomer_environment(**extra),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def __enter__(self) -> "started":
        return self

    def __exit__(self, *exc) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def wait_for(condition: Callable[[], bool], running: started, *, within: float) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if running.process.poll() is not None:
            pytest.fail(
                f"`{running.command}` stopped ({running.process.returncode}):\n{running.output()[-3000:]}"
            )
        if time.monotonic() > deadline:
            pytest.fail(f"`{running.command}` still not ready after {within} s:\n{running.output()[-3000:]}")
        time.sleep(0.5)


def serving(site: str) -> bool:
    try:
        return bool(read(site + "/healthz"))
    except OSError:
        return False


def read(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()
