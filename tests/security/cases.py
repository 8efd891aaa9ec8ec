"""Bad input, case by case: what each surface of the site is sent, and what it answers.

These tables drive tests/security/test_bad_input.py and test_bad_input_ws.py, and
docs/bad_input_table.py writes them into docs/BAD_INPUT.md. Nothing here imports Django.

A value written `"{saka}"` in a body (or `{match}` in a path) is an id the tests fill in from
the world they build (tests/security/conftest.py): a match twenty minutes into its first
half, a goal by Saka at 12', polls, an editor with an API token, a signed-in fan.
`answer` is words the reply must contain; every refused case also proves the database did
not change. `shown` is how the doc shows an input too long or too strange to print.
"""
# The tables keep one case a line, however long, so that they read as tables.
# ruff: noqa: E501

import struct
import zlib
from dataclasses import dataclass, field
from typing import Any

LIMIT_KB = 1024  # DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE's default, in KB
TOO_LARGE = f"The request is too large: send at most {LIMIT_KB} KB and 1000 fields."
OVER_LIMIT = "x" * (LIMIT_KB * 1024 + 1)
TOO_MANY_FIELDS = {f"field{number}": "1" for number in range(1001)}
NOT_JSON_OBJECT = "Send a JSON object."
NOT_A_MESSAGE = 'Send JSON objects with a "type"'
MUST_BE_ANSWER = "Choose one of the answers."
ONLY_EDITORS = "Only editors can change a match."
NOT_AN_EMAIL = "does not look like an email address"
BAD_LINK = "This link is not valid. It may have been copied only in part."
SIGN_IN_AGAIN = "Enter your username and password."
SCORES_ONLY = 'This socket only sends scores; it takes {"type": "ping"}.'


@dataclass(frozen=True)
class Surface:
    """Where input arrives. `send`: "json" (a JSON body, JSON asked for), "form" (a form post,
    JSON asked for: the page's script), "page" (a form post from a browser without script),
    "get" (a query string). `who`: "editor" (signed in), "token" (an editor's API token),
    "fan" (signed in, not an editor), "staff" (signed in to the admin) or "anyone"."""

    name: str
    method: str
    path: str
    send: str
    who: str


@dataclass(frozen=True)
class HttpCase:
    id: str
    surface: Surface
    body: Any = None
    status: int = 400
    answer: str = ""
    shown: str = ""
    path: str = ""  # another path than the surface's: another id, or a query string
    headers: dict = field(default_factory=dict)
    note: str = ""  # what the answer is, when its words alone would not say


@dataclass(frozen=True)
class WsCase:
    """A frame sent on a socket (None: only connect) and the reply: an `error` with this `code`
    and message, or another message type (`reply`), or the socket closed with `close`."""

    id: str
    socket: str  # "match" or "scores"
    who: str  # "anyone", "fan" or "editor"
    frame: Any = None
    answer: str = ""
    code: str | None = None
    reply: str = "error"
    close: int | None = None
    path: str = ""  # another path than the socket's: an unknown match, a query string
    shown: str = ""


@dataclass(frozen=True)
class TextCase:
    """Text that is not bad, only unusual: kept as typed, escaped wherever a page shows it."""

    id: str
    text: str
    shown: str
    detail: str = ""


# fmt: off
CONSOLE_RECORD = Surface("Console: record an event", "POST", "/console/matches/{match}/events/", "json", "editor")
CONSOLE_RECORD_FORM = Surface(
    "Console: record an event (form)", "POST", "/console/matches/{match}/events/", "form", "editor"
)
CONSOLE_RECORD_PAGE = Surface(
    "Console: record an event (no script)", "POST", "/console/matches/{match}/events/", "page", "editor"
)
CONSOLE_CORRECT = Surface("Console: correct an event", "POST", "/console/events/{event}/correct/", "json", "editor")
CONSOLE_DELETE = Surface("Console: delete an event", "POST", "/console/events/{event}/delete/", "json", "editor")
CONSOLE_STATUS = Surface("Console: change status", "POST", "/console/matches/{match}/status/", "json", "editor")
CONSOLE_STATS = Surface("Console: match stats", "POST", "/console/matches/{match}/stats/", "json", "editor")
UPDATES = Surface("Match page: updates since", "GET", "/matches/{match}/updates", "get", "anyone")
TABLE_PAGE = Surface("Table page", "GET", "/competitions/{competition}/{season}/table/", "get", "anyone")
TABLE_JSON = Surface(
    "Table JSON (older)", "GET", "/api/competitions/{competition}/seasons/{season}/table", "get", "anyone"
)
HOME = Surface("Any page: cookies", "GET", "/", "get", "anyone")
VOTE = Surface("Poll: vote", "POST", "/polls/{poll}/vote/", "form", "anyone")
SIGNUP = Surface("Newsletter: sign up", "POST", "/newsletter/", "form", "anyone")
SIGNUP_PAGE = Surface("Newsletter: sign up (no script)", "POST", "/newsletter/", "page", "anyone")
CONFIRM = Surface("Newsletter: confirm link", "GET", "/newsletter/confirm/nope/", "get", "anyone")
UNSUBSCRIBE = Surface("Newsletter: unsubscribe", "POST", "/newsletter/unsubscribe/nope/", "page", "anyone")
SIGN_IN = Surface("Sign-in", "POST", "/accounts/login/", "page", "anyone")
API_RECORD = Surface("API: record an event", "POST", "/api/v1/matches/{match}/events", "json", "token")
API_RECORD_FORM = Surface("API: record an event (form)", "POST", "/api/v1/matches/{match}/events", "form", "token")
API_CORRECT = Surface("API: correct an event", "PATCH", "/api/v1/events/{event}", "json", "token")
API_STATUS = Surface("API: change status", "POST", "/api/v1/matches/{match}/status", "json", "token")
API_STATS = Surface("API: match stats", "POST", "/api/v1/matches/{match}/stats", "json", "token")
API_LINEUP = Surface("API: replace a team sheet", "PUT", "/api/v1/matches/{match}/lineups/{home}", "json", "token")
API_LINEUP_ADD = Surface("API: add to a team sheet", "POST", "/api/v1/matches/{match}/lineups/{home}", "json", "token")
API_POLL = Surface("API: open a poll", "POST", "/api/v1/matches/{match}/polls", "json", "token")
API_CLOSE_POLL = Surface("API: close a poll", "POST", "/api/v1/polls/{poll}/close", "json", "token")
ADMIN_MATCHES = Surface("Admin: the match list's filters", "GET", "/admin/fixtures_app/match/", "get", "staff")
ADMIN_AUTOCOMPLETE = Surface("Admin: autocomplete", "GET", "/admin/autocomplete/", "get", "staff")
API_READ = Surface("API: reads", "GET", "/api/v1/matches", "get", "anyone")
CONSOLE_PHOTO = Surface("Console: post a photo", "POST", "/console/matches/{match}/events/", "multipart", "editor")
API_PHOTO = Surface("API: post a photo", "POST", "/api/v1/matches/{match}/photos", "multipart", "token")
# fmt: on


def png(width: int, height: int) -> bytes:
    """A grey PNG declaring `width` x `height` (its first 64 rows only: enough for a bomb, which is
    refused before it is decoded)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = zlib.compress((b"\x00" + b"\x80" * width) * min(height, 64), 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


SVG_PHOTO = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
HTML_PHOTO = b"<!doctype html><script>alert(document.cookie)</script>"
NOT_AN_IMAGE = "Photo: This is not a JPEG, PNG or WebP image."


def photo(**fields) -> dict:
    """A photo post as multipart: bytes are sent as the file `photo.jpg`, declared image/jpeg."""
    return {
        "kind": "photo",
        "minute": 12,
        "text": "Saka celebrates",
        "credit": "Jane Doe",
        "photo": png(64, 64),
        **fields,
    }


def quote(**fields) -> dict:
    return {"kind": "quote", "minute": 12, "text": "We go again", "quote_by": "Arteta", **fields}


def goal(**fields) -> dict:
    return {"kind": "goal", "minute": 12, "player": "{saka}", **fields}


def stats(**fields) -> dict:
    return {"team": "{home}", "period": 1, **fields}


# fmt: off
HTTP_CASES = [
    # The console's event form (JSON, as its script sends it).
    HttpCase("console-minute-negative", CONSOLE_RECORD, goal(minute=-1), answer="Minute: Ensure this value is greater than or equal to 0."),
    HttpCase("console-minute-200", CONSOLE_RECORD, goal(minute=200), answer="Minute: The minute is at most 120; enter added time apart (90 + 3)."),
    HttpCase("console-minute-word", CONSOLE_RECORD, goal(minute="abc"), answer="Minute: Enter a whole number."),
    HttpCase("console-minute-fraction", CONSOLE_RECORD, goal(minute=12.5), answer="Minute: Enter a whole number."),
    HttpCase("console-minute-null", CONSOLE_RECORD, goal(minute=None), answer="Minute: This field is required."),
    HttpCase("console-minute-list", CONSOLE_RECORD, goal(minute=[12]), answer="Minute: Enter a whole number."),
    HttpCase("console-minute-huge", CONSOLE_RECORD, goal(minute=10**30), answer="Minute: The minute is at most 120"),
    HttpCase("console-added-time-99", CONSOLE_RECORD, goal(minute=45, added_minute=99), answer="Added time: Ensure this value is less than or equal to 30."),
    HttpCase("console-added-time-mid-half", CONSOLE_RECORD, goal(minute=30, added_minute=5), answer="Added time follows only the end of a period (45', 90', 105', 120'), not minute 30."),
    HttpCase("console-minute-outside-period", CONSOLE_RECORD, goal(minute=50, period=1), answer="Minute 50 is not in the first half"),
    HttpCase("console-minute-not-started", CONSOLE_RECORD, goal(minute=60), answer="The second half has not started: 60' is impossible now."),
    HttpCase("console-kind-unknown", CONSOLE_RECORD, goal(kind="launch"), answer="Event type: Choose an event type: goal"),
    HttpCase("console-kind-period-start", CONSOLE_RECORD, goal(kind="period_start"), answer="Event type: Choose an event type"),
    HttpCase("console-kind-object", CONSOLE_RECORD, goal(kind={"goal": True}), answer="Event type: Choose an event type"),
    HttpCase("console-player-word", CONSOLE_RECORD, goal(player="Saka"), answer="Player: Choose a player from this match's line-ups."),
    HttpCase("console-player-true", CONSOLE_RECORD, goal(player=True), answer="Player: Choose a player from this match's line-ups."),
    HttpCase("console-player-other-match", CONSOLE_RECORD, goal(player="{stranger}"), answer="Player: Choose a player from this match's line-ups."),
    HttpCase("console-player-huge-id", CONSOLE_RECORD, goal(player=10**30), answer="Player: Choose a player from this match's line-ups."),
    HttpCase("console-assist-other-match", CONSOLE_RECORD, goal(assist="{stranger}"), answer="Assist: Choose the assist from this match's line-ups."),
    HttpCase("console-assist-scorer", CONSOLE_RECORD, goal(assist="{saka}"), answer="Saka scored this goal: the assist is another player's."),
    HttpCase("console-assist-own-goal", CONSOLE_RECORD, goal(goal_type="own_goal", assist="{saka}"), answer="An own goal has no assist."),
    HttpCase("console-assist-not-a-goal", CONSOLE_RECORD, goal(kind="yellow", assist="{saka}"), answer="Only a goal has an assist."),
    HttpCase("console-team-other-match", CONSOLE_RECORD, goal(team="{stranger_team}"), answer="Team: Choose one of the two teams in this match."),
    HttpCase("console-period-unknown", CONSOLE_RECORD, goal(period=9), answer="Period: Select a valid choice. 9 is not one of the available choices."),
    HttpCase("console-text-too-long", CONSOLE_RECORD, goal(text="x" * 2001), answer="Commentary: Ensure this value has at most 2000 characters (it has 2001).", shown='{"kind": "goal", …, "text": 2,001 characters}'),
    HttpCase("console-text-nul", CONSOLE_RECORD, goal(text="Saka\x00"), answer="Commentary: Null characters are not allowed."),
    HttpCase("console-text-lone-surrogate", CONSOLE_RECORD, goal(text="Saka\ud800"), answer="Commentary: Enter text in Unicode: this has a lone surrogate", shown='{"kind": "goal", …, "text": "Saka\\ud800"}'),
    HttpCase("console-client-key-lone-surrogate", CONSOLE_RECORD, goal(client_key="k\ud800"), answer="Client key: Enter text in Unicode", shown='{"kind": "goal", …, "client_key": "k\\ud800"}'),
    HttpCase("console-text-list", CONSOLE_RECORD, goal(text=["Saka"]), answer="Commentary: Enter text."),
    HttpCase("console-detail-too-long", CONSOLE_RECORD, goal(detail="x" * 61), answer="Detail: Ensure this value has at most 60 characters (it has 61).", shown='{"kind": "goal", …, "detail": 61 characters}'),
    HttpCase("console-client-key-too-long", CONSOLE_RECORD, goal(client_key="k" * 65), answer="Client key: Ensure this value has at most 64 characters (it has 65).", shown='{"kind": "goal", …, "client_key": 65 characters}'),
    HttpCase("console-body-malformed", CONSOLE_RECORD, '{"kind": "goal",', answer=NOT_JSON_OBJECT),
    HttpCase("console-body-array", CONSOLE_RECORD, "[1, 2]", answer=NOT_JSON_OBJECT),
    HttpCase("console-body-binary", CONSOLE_RECORD, b"\xff\xfe\x00\x01", answer=NOT_JSON_OBJECT, shown="bytes ff fe 00 01"),
    HttpCase("console-body-nested-deep", CONSOLE_RECORD, "[" * 100_000, answer=NOT_JSON_OBJECT, shown="[[[[… (100,000 brackets)"),
    HttpCase("console-body-too-large", CONSOLE_RECORD, '{"text": "' + OVER_LIMIT + '"}', status=413, answer=TOO_LARGE, shown=f"a JSON body over {LIMIT_KB} KB"),
    HttpCase("console-form-minute-word", CONSOLE_RECORD_FORM, goal(minute="abc"), answer="Minute: Enter a whole number."),
    HttpCase("console-form-too-many-fields", CONSOLE_RECORD_FORM, TOO_MANY_FIELDS, status=413, answer=TOO_LARGE, shown="1,001 form fields"),
    HttpCase("console-page-minute-word", CONSOLE_RECORD_PAGE, goal(minute="abc"), status=302, answer="Minute: Enter a whole number."),
    HttpCase("console-match-unknown", CONSOLE_RECORD, goal(), status=404, answer="There is no such match.", path="/console/matches/999999/events/"),
    HttpCase("console-correct-no-version", CONSOLE_CORRECT, {"minute": 13}, answer="Version: Say which version of the event you are correcting."),
    HttpCase("console-correct-version-word", CONSOLE_CORRECT, {"expected_version": "one", "minute": 13}, answer="Version: Enter a whole number."),
    HttpCase("console-correct-stale", CONSOLE_CORRECT, {"expected_version": 9, "minute": 13}, status=409, answer="changed by someone else"),
    HttpCase("console-correct-minute-empty", CONSOLE_CORRECT, {"expected_version": 1, "minute": ""}, answer="Minute: Enter the minute."),
    HttpCase("console-correct-minute-200", CONSOLE_CORRECT, {"expected_version": 1, "minute": 200}, answer="Minute: The minute is at most 120"),
    HttpCase("console-correct-assist-scorer", CONSOLE_CORRECT, {"expected_version": 1, "assist": "{saka}"}, answer="Saka scored this goal: the assist is another player's."),
    HttpCase("console-correct-event-unknown", CONSOLE_CORRECT, {"expected_version": 1, "minute": 13}, status=409, answer="This event no longer exists", path="/console/events/999999/correct/"),
    HttpCase("console-delete-event-unknown", CONSOLE_DELETE, {}, status=409, answer="This event no longer exists", path="/console/events/999999/delete/"),
    HttpCase("console-delete-client-key-nul", CONSOLE_DELETE, {"client_key": "\x00"}, answer="Client key: Null characters are not allowed."),
    HttpCase("console-status-unknown", CONSOLE_STATUS, {"status": "launch"}, answer="Status: There is no status 'launch'."),
    HttpCase("console-status-list", CONSOLE_STATUS, {"status": ["half_time"]}, answer="Status: There is no status"),
    HttpCase("console-status-impossible", CONSOLE_STATUS, {"status": "penalties"}, answer="can go to"),
    HttpCase("console-stats-possession-101", CONSOLE_STATS, stats(possession=101), answer="Possession: Ensure this value is less than or equal to 100."),
    HttpCase("console-stats-xg-infinity", CONSOLE_STATS, stats(expected_goals="Infinity"), answer="xG: Enter a number."),
    HttpCase("console-stats-shots-negative", CONSOLE_STATS, stats(shots=-1), answer="Shots: Ensure this value is greater than or equal to 0."),
    HttpCase("console-stats-penalties", CONSOLE_STATS, stats(period=5), answer="Half: Choose a half."),
    HttpCase("console-stats-team-other-match", CONSOLE_STATS, stats(team="{stranger_team}"), answer="Team: Choose one of the two teams."),
    # Fans' pages.
    HttpCase("updates-since-word", UPDATES, {"since": "abc"}, answer="since must be a whole number"),
    HttpCase("updates-match-unknown", UPDATES, {"since": "0"}, status=404, answer="Not Found", path="/matches/999999/updates"),
    HttpCase("table-stage-unknown", TABLE_PAGE, {"stage": "nowhere"}, status=404, answer="Not Found"),
    HttpCase("table-json-stage-nul", TABLE_JSON, {"stage": "\x00"}, status=404, answer="That season has no such table."),
    HttpCase("cookie-timezone-folder", HOME, status=200, answer="MatchCentre", headers={"Cookie": "tz=Europe"}, note="the page, in UK time"),
    HttpCase("cookie-timezone-long", HOME, status=200, answer="MatchCentre", headers={"Cookie": "tz=" + "a" * 300}, shown="Cookie: tz=aaa… (300 letters)", note="the page, in UK time"),
    HttpCase("admin-filter-nul", ADMIN_MATCHES, {"status": "\x00"}, answer="null character (%00)"),
    HttpCase("admin-search-nul", ADMIN_MATCHES, {"q": "Ars\x00"}, answer="null character (%00)"),
    HttpCase("admin-autocomplete-nul", ADMIN_AUTOCOMPLETE, {"term": "\x00", "app_label": "fixtures_app", "model_name": "matchevent", "field_name": "player"}, answer="null character (%00)", headers={"X-Requested-With": "XMLHttpRequest"}),
    HttpCase("cookie-session-nul", HOME, status=200, answer="MatchCentre", headers={"Cookie": "sessionid=abcdefgh\x00ijkl"}, note="the page, signed out"),
    HttpCase("vote-no-answer", VOTE, {"option": ""}, answer=MUST_BE_ANSWER),
    HttpCase("vote-word", VOTE, {"option": "home"}, answer=MUST_BE_ANSWER),
    HttpCase("vote-superscript-digit", VOTE, {"option": "²"}, answer=MUST_BE_ANSWER),
    HttpCase("vote-5000-digits", VOTE, {"option": "9" * 5000}, answer=MUST_BE_ANSWER, shown='{"option": 5,000 nines}'),
    HttpCase("vote-nul", VOTE, {"option": "\x00"}, answer=MUST_BE_ANSWER),
    HttpCase("vote-ballot-not-the-pages", VOTE, {"option": "{other_option}", "ballot": "not-a-ballot"}, answer="This vote could not be read: reload the page and vote again."),
    HttpCase("vote-answer-of-another-poll", VOTE, {"option": "{other_option}"}, answer="That answer is not one of this poll's answers."),
    HttpCase("vote-closed-poll", VOTE, {"option": "{closed_option}"}, status=409, answer="This poll is closed", path="/polls/{closed_poll}/vote/"),
    HttpCase("vote-poll-unknown", VOTE, {"option": "1"}, status=404, answer="Not Found", path="/polls/999999/vote/"),
    HttpCase("vote-too-many-fields", VOTE, TOO_MANY_FIELDS, status=413, answer=TOO_LARGE, shown="1,001 form fields"),
    HttpCase("signup-empty", SIGNUP, {"email": ""}, answer="Please type your email address."),
    HttpCase("signup-not-an-address", SIGNUP, {"email": "fan at example"}, answer=NOT_AN_EMAIL),
    HttpCase("signup-too-long", SIGNUP, {"email": "a" * 250 + "@example.com"}, answer="An email address has at most 254 characters.", shown='{"email": 250 letters + "@example.com"}'),
    HttpCase("signup-html", SIGNUP, {"email": "<script>@example.com"}, answer=NOT_AN_EMAIL),
    HttpCase("signup-nul", SIGNUP, {"email": "fan\x00@example.com"}, answer=NOT_AN_EMAIL),
    HttpCase("signup-right-to-left", SIGNUP, {"email": "\u202efan@example.com"}, answer=NOT_AN_EMAIL),
    HttpCase("signup-page-not-an-address", SIGNUP_PAGE, {"email": "nope", "next": "{match_page}"}, status=302, answer=NOT_AN_EMAIL),
    HttpCase("signup-next-header-injection", SIGNUP_PAGE, {"email": "nope", "next": "/\r\nSet-Cookie: admin=1"}, status=302, answer=""),
    HttpCase("signup-next-elsewhere", SIGNUP_PAGE, {"email": "nope", "next": "https://evil.example/"}, status=302, answer=""),
    HttpCase("confirm-token-unknown", CONFIRM, status=404, answer=BAD_LINK),
    HttpCase("confirm-token-nul", CONFIRM, status=404, answer=BAD_LINK, path="/newsletter/confirm/%00/"),
    HttpCase("unsubscribe-token-nul", UNSUBSCRIBE, status=404, answer=BAD_LINK, path="/newsletter/unsubscribe/a%00b/"),
    HttpCase("signin-wrong-password", SIGN_IN, {"username": "editor", "password": "guess"}, status=200, answer="Please enter a correct username and password.", note="the form again"),
    HttpCase("signin-nul", SIGN_IN, {"username": "editor\x00", "password": "guess"}, status=200, answer=SIGN_IN_AGAIN, note="the form again"),
    HttpCase("signin-username-too-long", SIGN_IN, {"username": "e" * 151, "password": "guess"}, status=200, answer="Please enter a correct username and password.", note="the form again", shown='{"username": 151 letters, "password": "guess"}'),
    HttpCase("signin-too-large", SIGN_IN, {"username": "editor", "password": OVER_LIMIT}, status=413, answer=TOO_LARGE, shown=f"a password over {LIMIT_KB} KB"),
    # The JSON API: every refusal is {"detail", "code", "errors"} (docs/API.md).
    HttpCase("api-minute-negative", API_RECORD, goal(minute=-1), answer="minute: Input should be greater than or equal to 0"),
    HttpCase("api-minute-200", API_RECORD, goal(minute=200), answer="minute: Input should be less than or equal to 120"),
    HttpCase("api-minute-word", API_RECORD, goal(minute="abc"), answer="minute: Input should be a valid integer"),
    HttpCase("api-minute-fraction", API_RECORD, goal(minute=12.5), answer="minute: Input should be a valid integer, got a number with a fractional part"),
    HttpCase("api-minute-null", API_RECORD, goal(minute=None), answer="minute: Input should be a valid integer"),
    HttpCase("api-added-time-99", API_RECORD, goal(minute=45, added_minute=99), answer="added_minute: Input should be less than or equal to 30"),
    HttpCase("api-minute-not-started", API_RECORD, goal(minute=60), answer="The second half has not started: 60' is impossible now."),
    HttpCase("api-kind-unknown", API_RECORD, goal(kind="launch"), answer="kind: Input should be 'goal'"),
    HttpCase("api-player-word", API_RECORD, goal(player="Saka"), answer="player: Input should be a valid integer"),
    HttpCase("api-player-huge-id", API_RECORD, goal(player=10**30), answer="player: Input should be less than or equal to 9223372036854775807"),
    HttpCase("api-player-other-match", API_RECORD, goal(player="{stranger}"), answer="Player: Choose a player from this match's line-ups."),
    HttpCase("api-assist-word", API_RECORD, goal(assist="Ødegaard"), answer="assist: Input should be a valid integer"),
    HttpCase("api-assist-own-goal", API_RECORD, goal(goal_type="own_goal", assist="{saka}"), answer="An own goal has no assist."),
    HttpCase("api-unknown-field", API_RECORD, goal(colour="red"), answer="colour: Extra inputs are not permitted"),
    HttpCase("api-text-too-long", API_RECORD, goal(text="x" * 2001), answer="text: String should have at most 2000 characters", shown='{"kind": "goal", …, "text": 2,001 characters}'),
    HttpCase("api-text-nul", API_RECORD, goal(text="Saka\x00"), answer="text: String should match pattern"),
    HttpCase("api-text-number", API_RECORD, goal(text=7), answer="text: Input should be a valid string"),
    HttpCase("api-body-array", API_RECORD, [goal()], answer="Input should be a valid dictionary"),
    HttpCase("api-body-null", API_RECORD, "null", answer="Input should be a valid dictionary"),
    HttpCase("api-body-malformed", API_RECORD, '{"kind": "goal",', answer="Cannot parse request body"),
    HttpCase("api-body-binary", API_RECORD, b"\xff\xfe\x00\x01", answer="Cannot parse request body", shown="bytes ff fe 00 01"),
    HttpCase("api-body-nested-deep", API_RECORD, "[" * 5000, answer="Cannot parse request body", shown="[[[[… (5,000 brackets)"),
    HttpCase("api-body-too-large", API_RECORD, '{"text": "' + "x" * 70_000 + '"}', status=413, answer="The request body is over 64 KB.", shown="a JSON body of 70 KB"),
    HttpCase("api-body-form-encoded", API_RECORD_FORM, goal(), answer="Cannot parse request body"),
    # Photos (multipart: the console's form and the API's upload) and quotes.
    HttpCase("photo-svg", CONSOLE_PHOTO, photo(photo=SVG_PHOTO), answer=NOT_AN_IMAGE, shown="an SVG with a script, named photo.jpg, declared image/jpeg"),
    HttpCase("photo-html", CONSOLE_PHOTO, photo(photo=HTML_PHOTO), answer=NOT_AN_IMAGE, shown="an HTML page named photo.jpg"),
    HttpCase("photo-empty-file", CONSOLE_PHOTO, photo(photo=b""), answer="Photo: This file is empty.", shown="an empty photo.jpg"),
    HttpCase("photo-bomb", CONSOLE_PHOTO, photo(photo=png(20_000, 20_000)), answer="Photo: This image is too large: at most 50 million pixels.", shown="a PNG of 2 KB declaring 20,000 x 20,000 pixels (a decompression bomb)"),
    HttpCase("photo-truncated", CONSOLE_PHOTO, photo(photo=png(64, 64)[:60]), answer="Photo: This image is damaged or incomplete: it cannot be read.", shown="a PNG cut short"),
    HttpCase("photo-no-file", CONSOLE_PHOTO, {"kind": "photo", "minute": 12, "text": "Saka celebrates", "credit": "Jane Doe"}, answer="A photo needs its image (a JPEG, PNG or WebP file)"),
    HttpCase("photo-no-caption", CONSOLE_PHOTO, photo(text=" "), answer="A photo needs a caption.", shown="a PNG, caption a space"),
    HttpCase("photo-no-credit", CONSOLE_PHOTO, photo(credit=""), answer="A photo needs a credit: who took it.", shown="a PNG, no credit"),
    HttpCase("photo-credit-control", CONSOLE_PHOTO, photo(credit="Jane\x1b[31m"), answer="The credit holds a control character (U+001B): remove it.", shown="a PNG, credit Jane\\x1b[31m (a terminal escape)"),
    HttpCase("photo-caption-too-long", CONSOLE_PHOTO, photo(text="x" * 501), answer="A caption is limited to 500 characters.", shown="a PNG, a caption of 501 characters"),
    HttpCase("photo-alt-too-long", CONSOLE_PHOTO, photo(alt_text="x" * 301), answer="Alt text: Ensure this value has at most 300 characters (it has 301).", shown="a PNG, alt text of 301 characters"),
    HttpCase("api-photo-svg", API_PHOTO, photo(photo=SVG_PHOTO), answer=NOT_AN_IMAGE, shown="an SVG with a script, named photo.jpg, declared image/jpeg"),
    HttpCase("api-photo-bomb", API_PHOTO, photo(photo=png(20_000, 20_000)), answer="Photo: This image is too large: at most 50 million pixels.", shown="a PNG of 2 KB declaring 20,000 x 20,000 pixels"),
    HttpCase("api-photo-no-credit", API_PHOTO, photo(credit=""), answer="A photo needs a credit: who took it.", shown="a PNG, no credit"),
    HttpCase("api-photo-as-json", API_RECORD, {"kind": "photo", "minute": 12, "text": "Caption", "credit": "Me"}, answer="POST /api/v1/matches/<id>/photos"),
    HttpCase("quote-no-speaker", CONSOLE_RECORD, quote(quote_by=""), answer="A quote needs who said it."),
    HttpCase("quote-no-words", CONSOLE_RECORD, quote(text=""), answer="A quote needs its words."),
    HttpCase("quote-control", CONSOLE_RECORD, quote(text="We go\x07 again"), answer="The text holds a control character (U+0007): remove it."),
    HttpCase("quote-by-too-long", API_RECORD, quote(quote_by="x" * 101), answer="quote_by: String should have at most 100 characters"),
    HttpCase("quote-on-a-goal", CONSOLE_RECORD, goal(quote_by="Arteta"), answer="Only a quote names who said it."),
    HttpCase("api-idempotency-key-bad", API_RECORD, goal(client_key="two words"), answer="client_key: String should match pattern"),
    HttpCase("api-correct-no-version", API_CORRECT, {"minute": 13}, answer="expected_version: Field required"),
    HttpCase("api-correct-stale", API_CORRECT, {"expected_version": 9, "minute": 13}, status=409, answer="changed by someone else"),
    HttpCase("api-correct-assist-scorer", API_CORRECT, {"expected_version": 1, "assist": "{saka}"}, answer="Saka scored this goal: the assist is another player's."),
    HttpCase("api-correct-event-unknown", API_CORRECT, {"expected_version": 1}, status=404, answer="There is no such event.", path="/api/v1/events/999999"),
    HttpCase("api-status-unknown", API_STATUS, {"status": "launch"}, answer="status: Input should be 'scheduled', 'first_half'"),
    HttpCase("api-status-impossible", API_STATUS, {"status": "penalties"}, answer="can go to"),
    HttpCase("api-stats-xg-nan", API_STATS, stats(expected_goals="NaN"), answer="expected_goals: Input should be a finite number"),
    HttpCase("api-stats-possession-101", API_STATS, stats(possession=101), answer="possession: Input should be less than or equal to 100"),
    HttpCase("api-lineup-unknown-field", API_LINEUP, {"entries": [{"player": "{saka}", "number": 7}]}, answer="entries.0.number: Extra inputs are not permitted"),
    HttpCase("api-lineup-shirt-100", API_LINEUP, {"entries": [{"player": "{saka}", "shirt_number": 100}]}, answer="entries.0.shirt_number: Input should be less than or equal to 99"),
    HttpCase("api-lineup-entries-object", API_LINEUP, {"entries": {"player": "{saka}"}}, answer="entries: Input should be a valid list"),
    HttpCase("api-lineup-position-nul", API_LINEUP, {"entries": [{"player": "{saka}", "position": "FW\x00"}]}, answer="entries.0.position: String should match pattern"),
    HttpCase("api-lineup-another-clubs-player", API_LINEUP_ADD, {"entries": [{"player": "{stranger}", "shirt_number": 40, "starter": False}]}, answer="Stranger plays for Team", note="the squad lists (else the season's line-ups) name another club"),
    HttpCase("api-idempotency-key-reused", API_STATS, stats(shots=3), status=409, answer="This Idempotency-Key was used for another change to this match", headers={"Idempotency-Key": "goal-12"}),
    HttpCase("api-lineup-after-kick-off", API_LINEUP, {"entries": [{"player": "{saka}"}]}, answer="has kicked off"),
    HttpCase("api-poll-question-too-long", API_POLL, {"question": "?" * 201}, answer="question: String should have at most 200 characters", shown='{"question": 201 characters}'),
    HttpCase("api-poll-one-answer", API_POLL, {"options": [{"key": "yes", "label": "Yes"}]}, answer="options: List should have at least 2 items"),
    HttpCase("api-poll-label-nul", API_POLL, {"options": [{"key": "a", "label": "A\x00"}, {"key": "b", "label": "B"}]}, answer="options.0.label: String should match pattern"),
    HttpCase("api-poll-closes-year-10000", API_POLL, {"closes_at": "10000-01-01T00:00:00Z"}, answer="closes_at: Input should be a valid datetime"),
    HttpCase("api-poll-unknown-field", API_POLL, {"question": "Who?", "public": True}, answer="public: Extra inputs are not permitted"),
    HttpCase("api-idempotency-header-bad", API_CLOSE_POLL, answer="Idempotency-Key: String should match pattern", headers={"Idempotency-Key": "two words"}),
    HttpCase("api-read-since-word", API_READ, {"since": "abc"}, answer="since: Input should be a valid integer", path="/api/v1/matches/{match}/updates"),
    HttpCase("api-read-match-zero", API_READ, answer="match_id: Input should be greater than or equal to 1", path="/api/v1/matches/0"),
    HttpCase("api-read-match-huge-id", API_READ, answer="match_id: Input should be less than or equal to", path="/api/v1/matches/99999999999999999999"),
    HttpCase("api-read-zone-unknown", API_READ, {"tz": "Mars/Olympus"}, answer="Unknown time zone 'Mars/Olympus'."),
    HttpCase("api-read-zone-folder", API_READ, {"tz": "Europe"}, answer="Unknown time zone 'Europe'."),
    HttpCase("api-read-date-word", API_READ, {"date": "tomorrow"}, answer="date: Input should be a valid date"),
    HttpCase("api-read-state-unknown", API_READ, {"state": "paused"}, answer="state: Input should be 'scheduled', 'live', 'final' or 'off'"),
]
# fmt: on


def command(kind: str, **fields) -> dict:
    return {"type": kind, "ref": "r1", **fields}


def record(**data) -> dict:
    return command("record_event", data={"kind": "goal", "minute": 12, "player": "{saka}", **data})


# fmt: off
WS_CASES = [
    WsCase("ws-not-json", "match", "anyone", "not json", NOT_A_MESSAGE),
    WsCase("ws-array", "match", "anyone", "[1, 2]", NOT_A_MESSAGE),
    WsCase("ws-no-type", "match", "anyone", {"since": 3}, NOT_A_MESSAGE),
    WsCase("ws-type-number", "match", "anyone", {"type": 5}, NOT_A_MESSAGE),
    WsCase("ws-type-unknown", "match", "anyone", {"type": "launch"}, "Unknown message type 'launch'."),
    WsCase("ws-binary-frame", "match", "anyone", b"\x00\xff", "Binary frames are not read: send JSON text.", shown="binary frame 00 ff"),
    WsCase("ws-frame-too-large", "match", "anyone", "x" * 20_000, "A message may be at most 16 KB.", shown="20,000 characters"),
    WsCase("ws-frame-too-large-in-bytes", "match", "anyone", '{"type": "ping", "pad": "' + "⚽" * 6000 + '"}', "A message may be at most 16 KB.", shown="a ping padded with 6,000 ⚽ (6,000 characters, 18 KB)"),
    WsCase("ws-nested-deep", "match", "anyone", "[" * 10_000, NOT_A_MESSAGE, shown="[[[[… (10,000 brackets)"),
    WsCase("ws-catch-up-word", "match", "anyone", {"type": "catch_up", "since": "x"}, 'catch_up needs "since"'),
    WsCase("ws-catch-up-true", "match", "anyone", {"type": "catch_up", "since": True}, 'catch_up needs "since"'),
    WsCase("ws-catch-up-missing", "match", "anyone", {"type": "catch_up"}, 'catch_up needs "since"'),
    WsCase("ws-catch-up-huge", "match", "anyone", {"type": "catch_up", "since": 10**30}, reply="snapshot"),
    WsCase("ws-since-word", "match", "anyone", path="/ws/matches/{match}/?since=abc", reply="snapshot"),
    WsCase("ws-match-unknown", "match", "anyone", path="/ws/matches/999999/", close=4404),
    WsCase("ws-anonymous-record", "match", "anyone", record(), ONLY_EDITORS, code="forbidden"),
    WsCase("ws-fan-record", "match", "fan", record(), ONLY_EDITORS, code="forbidden"),
    WsCase("ws-fan-correct", "match", "fan", command("correct_event", event="{event}", data={"minute": 13, "expected_version": 1}), ONLY_EDITORS, code="forbidden"),
    WsCase("ws-fan-delete", "match", "fan", command("delete_event", event="{event}"), ONLY_EDITORS, code="forbidden"),
    WsCase("ws-fan-status", "match", "fan", command("change_status", data={"status": "half_time"}), ONLY_EDITORS, code="forbidden"),
    WsCase("ws-record-data-text", "match", "editor", command("record_event", data="goal please"), '"data" must be an object', code="invalid"),
    WsCase("ws-record-data-null", "match", "editor", command("record_event", data=None), '"data" must be an object', code="invalid"),
    WsCase("ws-record-no-data", "match", "editor", command("record_event"), "This field is required.", code="invalid"),
    WsCase("ws-record-minute-word", "match", "editor", record(minute="soon"), "Enter a whole number.", code="invalid"),
    WsCase("ws-record-minute-negative", "match", "editor", record(minute=-1), "Ensure this value is greater than or equal to 0.", code="invalid"),
    WsCase("ws-record-minute-200", "match", "editor", record(minute=200), "The minute is at most 120", code="invalid"),
    WsCase("ws-record-added-time-99", "match", "editor", record(minute=45, added_minute=99), "Ensure this value is less than or equal to 30.", code="invalid"),
    WsCase("ws-record-minute-not-started", "match", "editor", record(minute=60), "The second half has not started: 60' is impossible now.", code="invalid"),
    WsCase("ws-record-kind-unknown", "match", "editor", record(kind="launch"), "Choose an event type", code="invalid"),
    WsCase("ws-record-player-list", "match", "editor", record(player=[1]), "Choose a player from this match's line-ups.", code="invalid"),
    WsCase("ws-record-assist-own-goal", "match", "editor", record(goal_type="own_goal", assist="{saka}"), "An own goal has no assist.", code="invalid"),
    WsCase("ws-record-assist-not-a-goal", "match", "editor", record(kind="yellow", assist="{saka}"), "Only a goal has an assist.", code="invalid"),
    WsCase("ws-record-text-nul", "match", "editor", record(text="Saka\x00"), "Null characters are not allowed.", code="invalid"),
    WsCase("ws-record-text-lone-surrogate", "match", "editor", record(text="Saka\ud800"), "Enter text in Unicode: this has a lone surrogate", code="invalid"),
    WsCase("ws-record-client-key-lone-surrogate", "match", "editor", record(client_key="k\ud800"), "Enter text in Unicode", code="invalid"),
    WsCase("ws-delete-client-key-lone-surrogate", "match", "editor", command("delete_event", event=999999, data={"client_key": "k\ud800"}), "There is no such event in this match.", code="not_found"),
    WsCase("ws-record-photo", "match", "editor", command("record_event", data={"kind": "photo", "minute": 12, "text": "Caption", "credit": "Me"}), "the websocket carries no files", code="invalid"),
    WsCase("ws-record-quote-no-speaker", "match", "editor", command("record_event", data={"kind": "quote", "minute": 12, "text": "We go again"}), "A quote needs who said it.", code="invalid"),
    WsCase("ws-record-text-too-long", "match", "editor", record(text="x" * 2001), "Ensure this value has at most 2000 characters (it has 2001).", code="invalid", shown='record_event, "text": 2,001 characters'),
    WsCase("ws-correct-event-word", "match", "editor", command("correct_event", event="x", data={"minute": 13, "expected_version": 1}), 'Say which event: "event" is its id.', code="invalid"),
    WsCase("ws-correct-event-unknown", "match", "editor", command("correct_event", event=999999, data={"minute": 13, "expected_version": 1}), "There is no such event in this match.", code="not_found"),
    WsCase("ws-correct-no-version", "match", "editor", command("correct_event", event="{event}", data={"minute": 13}), "Say which version of the event you are correcting.", code="invalid"),
    WsCase("ws-correct-assist-scorer", "match", "editor", command("correct_event", event="{event}", data={"expected_version": 1, "assist": "{saka}"}), "Saka scored this goal: the assist is another player's.", code="invalid"),
    WsCase("ws-correct-stale", "match", "editor", command("correct_event", event="{event}", data={"minute": 13, "expected_version": 9}), "changed by someone else", code="stale"),
    WsCase("ws-delete-event-unknown", "match", "editor", command("delete_event", event=999999), "There is no such event in this match.", code="not_found"),
    WsCase("ws-status-unknown", "match", "editor", command("change_status", data={"status": "launch"}), "There is no status 'launch'.", code="invalid"),
    WsCase("ws-status-null", "match", "editor", command("change_status", data={"status": None}), "This field is required.", code="invalid"),
    WsCase("ws-status-impossible", "match", "editor", command("change_status", data={"status": "penalties"}), "can go to", code="invalid"),
    WsCase("scores-not-json", "scores", "anyone", "not json", SCORES_ONLY),
    WsCase("scores-catch-up", "scores", "anyone", {"type": "catch_up", "since": 1}, SCORES_ONLY),
    WsCase("scores-binary-frame", "scores", "anyone", b"\x00\xff", SCORES_ONLY, shown="binary frame 00 ff"),
    WsCase("scores-editor-command", "scores", "editor", record(), SCORES_ONLY),
]
# fmt: on

# fmt: off
TEXT_CASES = [
    TextCase("text-html-image", '<img src=x onerror="alert(1)">', "an <img> with an onerror script", detail="<b>header</b>"),
    TextCase("text-script", "<script>alert('x')</script> & \"quotes\"", "a <script> element, & and quotes", detail='"><svg onload=alert(1)>'),
    TextCase("text-emoji", "Goal! ⚽🔥 👏🏽", "emoji, with a skin-tone modifier", detail="volley ⚽"),
    TextCase("text-right-to-left", "هدف! \u202eevil\u202c Salah", "Arabic and a right-to-left override", detail="\u202eredaeh"),
    TextCase("text-zero-width", "Sa\u200bka\u200d \ufeff", "zero-width space, joiner and BOM", detail="head\u200ber"),
]
# fmt: on
