"""Pull quotes over the editors' socket reach every fan at once; a photo is refused there with
where to send it (the socket carries no files)."""

import pytest
from channels.db import database_sync_to_async

from tests.factories import make_editor
from tests.fixtures_app.test_consumers_editing import match, socket  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)


async def reply_of(desk, kind: str) -> dict:
    while True:
        reply = await desk.receive_json_from(timeout=3)
        if reply["type"] == kind:
            return reply


async def test_a_quote_over_the_socket_reaches_every_fan_escaped(match):  # noqa: F811
    editor = await database_sync_to_async(make_editor)()
    fan = await socket(match)
    desk = await socket(match, editor)
    data = {
        "kind": "quote",
        "minute": 9,
        "text": "<b>We</b> go again",
        "quote_by": "Gasperini",
        "quote_role": "Atalanta coach",
    }
    await desk.send_json_to({"type": "record_event", "ref": "q1", "data": data})
    ack = await reply_of(desk, "ack")
    update = await fan.receive_json_from(timeout=3)
    assert (update["type"], update["seq"]) == ("event_added", ack["seq"])
    html = update["entries"][str(update["event_id"])]
    assert "<blockquote><p>&lt;b&gt;We&lt;/b&gt; go again</p></blockquote>" in html
    assert "<cite>Gasperini</cite>, Atalanta coach" in html
    await fan.disconnect()
    await desk.disconnect()


async def test_a_photo_over_the_socket_is_refused_with_where_to_send_it(match):  # noqa: F811
    editor = await database_sync_to_async(make_editor)()
    desk = await socket(match, editor)
    data = {"kind": "photo", "minute": 9, "text": "Caption", "credit": "Jane Doe"}
    await desk.send_json_to({"type": "record_event", "ref": "p1", "data": data})
    error = await reply_of(desk, "error")
    assert (error["ref"], error["code"]) == ("p1", "invalid")
    assert "the websocket carries no files" in error["message"]
    assert "POST /api/v1/matches/<id>/photos" in error["message"]
    assert not await database_sync_to_async(match.events.filter(kind="photo").exists)()
    await desk.disconnect()


async def test_a_quote_without_who_said_it_is_refused_over_the_socket(match):  # noqa: F811
    editor = await database_sync_to_async(make_editor)()
    desk = await socket(match, editor)
    await desk.send_json_to(
        {"type": "record_event", "ref": "q2", "data": {"kind": "quote", "minute": 9, "text": "Hm"}}
    )
    error = await reply_of(desk, "error")
    assert error["message"] == "A quote needs who said it."
    await desk.disconnect()
