"""The three write channels (the console's JSON, the JSON API, the editors' websocket) refuse the
same bad write with the same answer: one code, one message, the same errors by field."""

import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from fixtures_app.models import MatchEvent
from fixtures_app.services.events import match_delete_event, match_record_event
from matchcentre.asgi import application
from tests.feeds.api_helpers import V1, editor_key, live_match, player_id

pytestmark = pytest.mark.django_db(transaction=True)
SHAPE = {"ok", "code", "message", "errors"}


def goal(match, **data) -> dict:
    return {"kind": "goal", "minute": 12, "player": player_id(match, "Saka"), **data}


def through_console(client: Client, path: str, data: dict) -> dict:
    response = client.post(
        path, json.dumps(data), content_type="application/json", HTTP_ACCEPT="application/json"
    )
    return {"status": response.status_code, **response.json()}


def through_api(method: str, path: str, data: dict | None, key: str) -> dict:
    call = getattr(Client(), method)
    response = call(
        path, json.dumps(data or {}), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    return {"status": response.status_code, **response.json()}


async def through_socket(match, editor, command: dict) -> dict:
    client = Client()
    await database_sync_to_async(client.force_login)(editor)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    headers = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000"), (b"cookie", cookie)]
    socket = WebsocketCommunicator(application, f"/ws/matches/{match.pk}/", headers=headers)
    assert (await socket.connect())[0]
    await socket.receive_json_from()  # the snapshot
    await socket.send_json_to({"ref": "r1", **command})
    reply = await socket.receive_json_from(timeout=3)
    await socket.disconnect()
    assert (reply.pop("type"), reply.pop("ref")) == ("error", "r1")
    return reply


def answers(match, editor, key, console: tuple, api: tuple, command: dict) -> list[dict]:
    client = Client()
    client.force_login(editor)
    from asgiref.sync import async_to_sync

    found = [through_console(client, *console), through_api(*api, key)]
    found.append(async_to_sync(through_socket)(match, editor, command))
    return found


def same_refusal(found: list[dict], status: int) -> dict:
    console, api, socket = found
    assert console.pop("status") == api.pop("status") == status
    assert set(console) == set(api) == set(socket) == SHAPE
    assert console == api == socket
    return socket


def test_an_impossible_minute_is_refused_alike_by_the_console_the_api_and_the_socket():
    match = live_match()  # twenty minutes into the first half
    editor, key = editor_key()
    data = goal(match, minute=75)
    found = answers(
        match,
        editor,
        key,
        console=(f"/console/matches/{match.pk}/events/", data),
        api=("post", f"{V1}/matches/{match.pk}/events", data),
        command={"type": "record_event", "data": data},
    )
    refusal = same_refusal(found, 400)
    assert refusal["code"] == "invalid" and "75'" in refusal["message"]
    assert not MatchEvent.objects.filter(match=match, kind="goal").exists()


def a_goal(match) -> MatchEvent:
    player = match.lineup.first().player
    return match_record_event(match=match, kind="goal", minute=12, team=match.home_team, player=player).event


def corrections(match, event: MatchEvent, data: dict) -> list[dict]:
    """The same correction of `event`, sent by the console, the API and the socket."""
    editor, key = editor_key()
    return answers(
        match,
        editor,
        key,
        console=(f"/console/events/{event.pk}/correct/", data),
        api=("patch", f"{V1}/events/{event.pk}", data),
        command={"type": "correct_event", "event": event.pk, "data": data},
    )


def test_a_stale_correction_is_a_conflict_on_every_channel_with_every_message():
    match = live_match()
    event = a_goal(match)
    found = corrections(match, event, {"expected_version": event.version + 5, "minute": 14})
    refusal = same_refusal(found, 409)
    assert refusal["code"] == "stale" and "changed by someone else" in refusal["message"]
    assert MatchEvent.objects.get(pk=event.pk).minute == 12


def test_correcting_a_deleted_event_is_gone_not_invalid_on_every_channel():
    match = live_match()
    event = a_goal(match)
    match_delete_event(event=event)
    found = corrections(match, event, {"expected_version": event.version, "minute": 14})
    refusal = same_refusal(found, 409)
    assert refusal["code"] == "gone" and "no longer exists" in refusal["message"]
