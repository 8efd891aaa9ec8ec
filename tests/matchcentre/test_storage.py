"""Static files as production collects them (matchcentre/storage.py): the page scripts are ES
modules that load each other by relative path, and once hashed they must load the hashed
files, which WhiteNoise serves (and lets browsers keep for ever)."""

import json
import posixpath
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match

MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "matchcentre.storage.ManifestStaticFilesStorage"},
}
PAGE_SCRIPTS = ("site/", "fixtures_app/", "polls/", "newsletter/", "articles/")
# What a module names after `from` or `import`: `import { x } from "./x.js";`, `import "./x.js";`,
# `import("./x.js")`, `export { x } from "./x.js";`. Relative names only: the pages use no others.
RELATIVE_IMPORT = re.compile(r"""\b(?:from|import)\s*\(?\s*["'](\.{1,2}/[^"']+)["']""")
HASHED = re.compile(r"\.[0-9a-f]{12}\.js$")


@pytest.fixture
def collected(tmp_path):
    """`collectstatic` with the production storage into a fresh STATIC_ROOT; the manifest's paths."""
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=MANIFEST_STORAGE):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path, json.loads((tmp_path / "staticfiles.json").read_text())["paths"]


def imports_of(text: str, name: str) -> list[str]:
    """The files a module imports, as paths under STATIC_ROOT."""
    return [
        posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
        for target in RELATIVE_IMPORT.findall(text)
    ]


def test_hashed_page_modules_import_the_hashed_modules(collected):
    root, manifest = collected
    hashed_files = set(manifest.values())
    imports = {
        name: imports_of((root / hashed).read_text(encoding="utf-8"), hashed)
        for name, hashed in manifest.items()
        if name.startswith(PAGE_SCRIPTS) and name.endswith(".js")
    }

    # The shared modules are imported, not copied.
    assert [posixpath.basename(path).split(".")[0] for path in imports["fixtures_app/live.js"]] == [
        "match_rules",
        "socket",
        "poll",
        "shield",
    ]
    assert len(imports["fixtures_app/console.js"]) == len(imports["fixtures_app/scores.js"]) == 2
    for name, targets in imports.items():
        for target in targets:
            assert HASHED.search(target), f"{manifest[name]} imports {target}, a name that is not hashed"
            assert target in hashed_files and (root / target).is_file(), f"{manifest[name]} imports {target}"


@pytest.mark.django_db
def test_pages_load_hashed_modules_that_whitenoise_serves(collected, client):
    """Every module of each page, from its script tags down its imports, answered by WhiteNoise."""
    load_demo(now=timezone.now())
    match = Match.objects.in_play().football().get()
    seen = set()
    for page in ("/", match.get_absolute_url()):
        html = client.get(page).content.decode()
        waiting = re.findall(r'<script type="module" src="([^"]+)"', html)
        assert waiting and all(HASHED.search(url) for url in waiting), waiting
        while waiting:
            url = waiting.pop()
            if url in seen:
                continue
            seen.add(url)
            response = client.get(url)
            assert response.status_code == 200, url
            assert "javascript" in response["Content-Type"], url
            waiting.extend(imports_of(b"".join(response.streaming_content).decode(), url))
    assert all(HASHED.search(url) for url in seen), seen
    served = {posixpath.basename(url).split(".")[0] for url in seen}
    assert {"site", "socket", "match_rules", "live", "scores", "poll", "share", "newsletter"} <= served
