"""Bad input over the websockets: every row of WS_CASES in tests/security/cases.py (shown in
docs/BAD_INPUT.md) is answered with an `error` saying what was wrong (or the documented
reply), changes nothing, and leaves the socket open; fans' editor commands are refused."""

import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils.html import escape

from fixtures_app.models import MatchEvent
from matchcentre.asgi import application
from tests.fixtures_app.test_consumers_editing import session_cookie
from tests.security.cases import TEXT_CASES, WS_CASES, WsCase
from tests.security.conftest import World, database_state

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://127.0.0.1:8000")
HOST = (b"host", b"127.0.0.1:8000")
WAIT = 10  # seconds; a loaded machine (PostgreSQL, Redis, other runs) is slow, a broken socket slower


async def open_socket(world: World, who: str, path: str) -> tuple[WebsocketCommunicator, bool, int | None]:
    headers = [ORIGIN, HOST]
    user = {"editor": world.editor, "fan": world.fan}.get(who)
    if user is not None:
        headers.append((b"cookie", await database_sync_to_async(session_cookie)(user)))
    communicator = WebsocketCommunicator(application, path, headers=headers)
    # With Redis a socket's first join waits for the hub's subscription: more than the default second.
    connected, code = await communicator.connect(timeout=WAIT)
    return communicator, connected, code


async def send_frame(communicator: WebsocketCommunicator, world: World, frame) -> None:
    if isinstance(frame, bytes):
        await communicator.send_to(bytes_data=frame)
    elif isinstance(frame, str):
        await communicator.send_to(text_data=frame)
    else:
        await communicator.send_to(text_data=json.dumps(world.fill(frame)))


async def reply_of(communicator: WebsocketCommunicator, wanted: str) -> dict:
    """The first message of the wanted type (a refused command sends nothing else)."""
    while True:
        message = await communicator.receive_json_from(timeout=WAIT)
        if message["type"] == wanted:
            return message


def socket_path(world: World, case: WsCase) -> str:
    if case.path:
        return world.path(case.path)
    return "/ws/scores/" if case.socket == "scores" else world.path("/ws/matches/{match}/")


@pytest.mark.parametrize("case", WS_CASES, ids=lambda case: case.id)
async def test_bad_frames_are_answered_and_change_nothing(case, world):
    communicator, connected, code = await open_socket(world, case.who, socket_path(world, case))
    before = await database_sync_to_async(database_state)()
    if case.close is not None:
        assert (connected, code) == (False, case.close)
        return
    assert connected
    if case.frame is not None:
        if case.socket == "match":
            assert (await communicator.receive_json_from(timeout=WAIT))["type"] == "snapshot"
        await send_frame(communicator, world, case.frame)
    reply = await reply_of(communicator, case.reply)
    if case.reply == "error":
        assert case.answer in reply["message"]
        assert reply.get("code") == case.code
    assert await database_sync_to_async(database_state)() == before
    await communicator.send_json_to({"type": "ping"})
    assert await reply_of(communicator, "pong") == {"type": "pong"}
    await communicator.disconnect()


def test_every_case_has_its_own_name():
    names = [case.id for case in WS_CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda case: case.id)
async def test_unusual_text_sent_over_the_socket_reaches_fans_escaped(case, world):
    fan, _, _ = await open_socket(world, "anyone", world.path("/ws/matches/{match}/"))
    desk, _, _ = await open_socket(world, "editor", world.path("/ws/matches/{match}/"))
    await fan.receive_json_from(timeout=WAIT)
    await desk.receive_json_from(timeout=WAIT)
    data = {"kind": "goal", "minute": 15, "player": "{saka}", "text": case.text, "detail": case.detail}
    await send_frame(desk, world, {"type": "record_event", "ref": "r1", "data": data})
    assert (await reply_of(desk, "ack"))["ref"] == "r1"
    message = await reply_of(fan, "event_added")
    event = await database_sync_to_async(MatchEvent.objects.get)(pk=message["event_id"])
    assert (event.text, event.detail) == (case.text, case.detail)
    entry = message["entries"][str(event.pk)]
    # Every part the page inserts as HTML; `announce` is plain text (live.js sets textContent).
    markup = json.dumps(
        {name: part for name, part in message.items() if name != "announce"}, ensure_ascii=False
    )
    for typed in filter(None, (case.text, case.detail)):
        assert escape(typed) in entry
        assert "<" not in typed or json.dumps(typed, ensure_ascii=False)[1:-1] not in markup
    await fan.disconnect()
    await desk.disconnect()
