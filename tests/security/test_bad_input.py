"""Bad input over HTTP: every row of the table in tests/security/cases.py (the table
docs/BAD_INPUT.md shows) is refused with its status and a message saying what was wrong,
and nothing in the database changes. Unusual text (HTML, scripts, emoji, right-to-left,
zero-width characters) is kept as typed and escaped on every page that shows it."""

import html
import importlib.util
import json
import re
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape

from fixtures_app.models import MatchEvent
from tests.security.cases import HTTP_CASES, TEXT_CASES, HttpCase, TextCase
from tests.security.conftest import World, database_state

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"


def send(client: Client, world: World, case: HttpCase):
    surface = case.surface
    path = world.path(case.path or surface.path)
    headers = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in case.headers.items()}
    headers["HTTP_ACCEPT"] = "text/html" if surface.send == "page" else "application/json"
    body = world.fill(case.body)
    if surface.method == "GET":
        return client.get(path, body or {}, **headers)
    if surface.send == "json":
        data = "" if body is None else body if isinstance(body, str | bytes) else json.dumps(body)
        return client.generic(surface.method, path, data, "application/json", **headers)
    if surface.send == "multipart":  # a file's bytes as photo.jpg, declared image/jpeg whatever they are
        files = {
            name: SimpleUploadedFile("photo.jpg", value, "image/jpeg")
            for name, value in body.items()
            if isinstance(value, bytes)
        }
        return client.post(path, {**body, **files}, **headers)
    return client.generic(surface.method, path, urlencode(body or {}, doseq=True), FORM, **headers)


def answer_of(client: Client, response) -> str:
    """The words of the answer: a JSON body's strings, or the text of the page (after a redirect)."""
    if response.status_code == 302:
        response = client.get(response.url, follow=True)
    if response["Content-Type"].startswith("application/json"):
        return " ".join(strings(response.json()))
    return text_of(response.content.decode())


def strings(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return [value] if isinstance(value, str) else []


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.parametrize("case", HTTP_CASES, ids=lambda case: case.id)
def test_bad_input_is_refused_clearly_and_changes_nothing(case, world):
    client = world.client(case.surface.who)
    before = database_state()
    response = send(client, world, case)
    changed = database_state() != before
    assert response.status_code == case.status, response.content[:300]
    assert response.status_code < 500
    if response.status_code == 302:
        assert response.url.startswith("/") and not response.url.startswith("//")  # this site's page
        assert "\r" not in response.url and "\n" not in response.url
    assert case.answer in answer_of(client, response)
    assert not changed


def test_every_case_has_its_own_name():
    names = [case.id for case in HTTP_CASES]
    assert len(names) == len(set(names))


def record_commentary(world: World, how: str, case: TextCase):
    fields = {
        "kind": "goal",
        "minute": 15,
        "player": world.ids["saka"],
        "text": case.text,
        "detail": case.detail,
    }
    if how == "api":
        path = world.path("/api/v1/matches/{match}/events")
        return world.client("token").post(path, json.dumps(fields), "application/json")
    path = world.path("/console/matches/{match}/events/")
    if how == "console":
        return world.client("editor").post(
            path, json.dumps(fields), "application/json", HTTP_ACCEPT="application/json"
        )
    return world.client("editor").post(path, urlencode(fields), FORM)


def assert_shown_escaped(page: str, text: str) -> None:
    assert escape(text) in page
    if "<" in text:
        assert text not in page


@pytest.mark.parametrize("how", ["console", "console-no-script", "api"])
@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda case: case.id)
def test_unusual_text_is_kept_as_typed_and_shown_escaped(case, how, world):
    response = record_commentary(world, how, case)
    assert response.status_code in (200, 201, 302), response.content[:300]
    event = MatchEvent.objects.get(minute=15)
    assert (event.text, event.detail) == (case.text, case.detail)

    page = Client().get(world.path("/matches/{match}/"), follow=True).content.decode()
    console = world.client("editor").get(world.path("/console/matches/{match}/")).content.decode()
    live = Client().get(world.path("/matches/{match}/updates"), {"since": 0}).json()["messages"][-1]
    for shown in (page, console, live["entries"][str(event.pk)]):
        assert_shown_escaped(shown, case.text)
        if case.detail:
            assert_shown_escaped(shown, case.detail)
    api = Client().get(world.path("/api/v1/matches/{match}/events")).json()
    assert [(item["text"], item["detail"]) for item in api if item["id"] == event.pk] == [
        (case.text, case.detail)
    ]


@pytest.mark.parametrize("how", ["console", "console-no-script"])
def test_the_consoles_forms_ignore_fields_they_do_not_know(how, world):
    """HTML forms post fields of their own (the CSRF token, the button), so the console takes the
    fields it knows and leaves the rest; the JSON API refuses them (api-unknown-field)."""
    case = TextCase("extra", "Commentary", "")
    fields = {"kind": "commentary", "minute": 15, "text": case.text, "colour": "red"}
    path = world.path("/console/matches/{match}/events/")
    editor = world.client("editor")
    if how == "console":
        response = editor.post(path, json.dumps(fields), "application/json", HTTP_ACCEPT="application/json")
    else:
        response = editor.post(path, urlencode(fields), FORM)
    assert response.status_code in (200, 302)
    assert MatchEvent.objects.filter(kind="commentary", text="Commentary").count() == 1


def test_the_doc_lists_every_case_as_the_tables_have_it():
    """docs/BAD_INPUT.md's tables are written from these by `python docs/bad_input_table.py`."""
    spec = importlib.util.spec_from_file_location(
        "bad_input_table", settings.BASE_DIR / "docs/bad_input_table.py"
    )
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    doc = table.DOC.read_text(encoding="utf-8")
    assert table.BEGIN in doc and table.END in doc
    assert table.written(doc) == doc, "run: python docs/bad_input_table.py"


def test_every_test_the_doc_names_exists():
    doc = (settings.BASE_DIR / "docs/BAD_INPUT.md").read_text(encoding="utf-8")
    named = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", doc)
    assert len(named) > 20
    for path, name in named:
        source = (settings.BASE_DIR / path).read_text(encoding="utf-8")
        assert not name or f"def {name}(" in source, f"{path}::{name}"
