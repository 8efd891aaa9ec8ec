"""Writes the bad-input tables of docs/BAD_INPUT.md from the tests' own tables
(tests/security/cases.py), so the doc lists exactly the cases the tests send.

Usage: python docs/bad_input_table.py   (tests/security/test_bad_input.py checks the doc is current)
"""

import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "BAD_INPUT.md"
BEGIN = "<!-- bad-input tables: written by docs/bad_input_table.py from tests/security/cases.py -->"
END = "<!-- end of the bad-input tables -->"
SENDS = {
    "json": " (JSON)",
    "form": " (form, JSON asked for)",
    "page": " (form, no script)",
    "get": "",
    "multipart": " (multipart: a file and fields)",
}
PLACEHOLDER = re.compile(r'"\{(\w+)\}"')

sys.path.insert(0, str(ROOT))
from tests.security.cases import HTTP_CASES, TEXT_CASES, WS_CASES, HttpCase, WsCase  # noqa: E402


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def code(text: str) -> str:
    return f"`{cell(text)}`"


def visible(text: str) -> str:
    """Control and invisible characters (NUL, right-to-left override, zero-width) as escapes."""
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text)


def shown_value(value) -> str:
    if isinstance(value, bytes):
        return "bytes " + value.hex(" ")
    if isinstance(value, str):
        return visible(value if len(value) <= 100 else value[:60] + f"… ({len(value):,} characters)")
    return visible(PLACEHOLDER.sub(r"<\1>", json.dumps(value, ensure_ascii=False)))


def http_sent(case: HttpCase) -> str:
    if case.shown:
        return code(visible(case.shown))
    parts = [f"{name}: {visible(value)}" for name, value in case.headers.items()]
    if case.surface.method == "GET" and case.body:
        parts.append("?" + "&".join(f"{name}={shown_value(value)}" for name, value in case.body.items()))
    elif case.body is not None:
        parts.append(shown_value(case.body))
    return code(" ".join(parts)) if parts else "nothing"


def http_row(case: HttpCase) -> str:
    surface = case.surface
    where = f"{surface.name}: {code(surface.method + ' ' + (case.path or surface.path))}{SENDS[surface.send]}"
    answer = (
        f"{case.status}"
        + (f" ({case.note})" if case.note else "")
        + (f" {code(case.answer)}" if case.answer else "")
    )
    if case.status == 302:
        said = f", which says {code(case.answer)}" if case.answer else ""
        answer = f"302 back to a page of this site{said}"
    return f"| {code(case.id)} | {where} | {http_sent(case)} | {answer} | none |"


def ws_row(case: WsCase) -> str:
    socket = "/ws/scores/" if case.socket == "scores" else "/ws/matches/{match}/"
    where = f"{code(case.path or socket)} as {case.who}"
    if case.frame is None:
        sent = "connect"
    elif case.shown:
        sent = code(case.shown)
    else:
        kind = "binary" if isinstance(case.frame, bytes) else "text"
        sent = f"{kind} {code(shown_value(case.frame))}"
    if case.close is not None:
        answer = f"closed with code {case.close}"
    elif case.reply != "error":
        answer = f"a `{case.reply}` message"
    else:
        answer = "`error`" + (f" `{case.code}`" if case.code else "") + f": {code(case.answer)}"
    return f"| {code(case.id)} | {where} | {sent} | {answer} | none |"


def tables() -> str:
    lines = [
        BEGIN,
        "",
        f"### Over HTTP: {len(HTTP_CASES)} cases",
        "",
        "| case | surface | sent | answer | changed |",
        "| --- | --- | --- | --- | --- |",
        *(http_row(case) for case in HTTP_CASES),
        "",
        f"### Over the websockets: {len(WS_CASES)} cases (the socket stays open after each)",
        "",
        "| case | socket | sent | answer | changed |",
        "| --- | --- | --- | --- | --- |",
        *(ws_row(case) for case in WS_CASES),
        "",
        f"### Unusual text in commentary and detail: {len(TEXT_CASES)} cases, each sent four ways",
        "",
        "Sent as a goal's `text` (and `detail`) through the console (JSON, and a form without script),",
        "the API and the editors' websocket. Answer: recorded (200, 302, 201, `ack`); stored exactly as",
        "typed; escaped on the match page, the console and in every live message's HTML; as typed in",
        "the API's JSON (a JSON string is not HTML).",
        "",
        "| case | text | detail | what it is |",
        "| --- | --- | --- | --- |",
        *(
            f"| {code(case.id)} | {code(shown_value(case.text))} | {code(shown_value(case.detail))} "
            f"| {cell(html.escape(case.shown))} |"
            for case in TEXT_CASES
        ),
        "",
        END,
    ]
    return "\n".join(lines)


def written(doc: str) -> str:
    """The doc with its tables as the cases make them now."""
    before, _, rest = doc.partition(BEGIN)
    _, _, after = rest.partition(END)
    return before + tables() + after


if __name__ == "__main__":
    DOC.write_text(written(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
