import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client

from fixtures_app.models import Match
from fixtures_app.services.status import match_change_status
from matchcentre.asgi import application
from tests.factories import KICKOFF, add_to_lineup, make_editor, make_match, make_team

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    add_to_lineup(match, match.away_team, "Salah")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    return Match.objects.get(pk=match.pk)


def session_cookie(user) -> bytes:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


async def socket(match, user=None) -> WebsocketCommunicator:
    headers = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]
    if user is not None:
        headers.append((b"cookie", await database_sync_to_async(session_cookie)(user)))
    communicator = WebsocketCommunicator(application, f"/ws/matches/{match.pk}/", headers=headers)
    assert (await communicator.connect())[0]
    await communicator.receive_json_from()  # snapshot
    return communicator


def goal_command(match, client_key="key-1"):
    salah = match.lineup.get().player
    data = {
        "kind": "goal",
        "minute": 7,
        "team": match.away_team_id,
        "player": salah.pk,
        "goal_type": "penalty",
        "client_key": client_key,
    }
    return {"type": "record_event", "ref": "r1", "data": data}


async def test_editor_records_a_goal_over_the_socket_and_every_fan_sees_it(match):
    editor = await database_sync_to_async(make_editor)()
    fan = await socket(match)
    desk = await socket(match, editor)
    await desk.send_json_to(await database_sync_to_async(goal_command)(match))
    replies = [await desk.receive_json_from(timeout=3), await desk.receive_json_from(timeout=3)]
    ack = next(reply for reply in replies if reply["type"] == "ack")
    assert ack["ref"] == "r1"
    update = await fan.receive_json_from(timeout=3)
    assert (update["type"], update["seq"], update["state"]["score"]) == ("event_added", ack["seq"], [0, 1])
    await fan.disconnect()
    await desk.disconnect()


async def test_the_same_command_sent_twice_records_one_goal(match):
    editor = await database_sync_to_async(make_editor)()
    desk = await socket(match, editor)
    command = await database_sync_to_async(goal_command)(match)
    for _ in range(2):
        await desk.send_json_to(command)
    acks = []
    while len(acks) < 2:
        reply = await desk.receive_json_from(timeout=3)
        if reply["type"] == "ack":
            acks.append(reply)
    assert acks[0]["seq"] == acks[1]["seq"]
    assert await database_sync_to_async(match.events.filter(kind="goal").count)() == 1
    await desk.disconnect()


@pytest.mark.parametrize("who", ["anonymous", "fan"])
async def test_a_fan_cannot_change_a_match_over_the_socket(match, who):
    user = None
    if who == "fan":
        user = await database_sync_to_async(User.objects.create_user)("fan", password="x")
    fan = await socket(match, user)
    await fan.send_json_to(await database_sync_to_async(goal_command)(match))
    reply = await fan.receive_json_from()
    assert (reply["type"], reply["code"]) == ("error", "forbidden")
    assert await database_sync_to_async(match.events.filter(kind="goal").exists)() is False
    await fan.disconnect()


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ({"type": "record_event", "data": {"kind": "goal", "minute": "soon"}}, "number"),
        ({"type": "record_event", "data": "goal please"}, "data"),
        ({"type": "delete_event", "event": "x"}, "Say which event"),
        ({"type": "delete_event", "event": 99999999}, "no such event"),
        ({"type": "change_status", "data": {"status": "full_time"}}, "can go to"),
    ],
)
async def test_editor_commands_with_bad_input_are_refused_with_a_message(match, command, message):
    editor = await database_sync_to_async(make_editor)()
    desk = await socket(match, editor)
    await desk.send_json_to(command)
    reply = await desk.receive_json_from()
    assert reply["type"] == "error"
    assert message in reply["message"]
    await desk.disconnect()


def test_anonymous_user_is_not_an_editor():
    from fixtures_app.editors import can_edit_matches

    assert not can_edit_matches(AnonymousUser())


def deactivate(editor) -> None:
    editor.is_active = False
    editor.save()


def remove_from_editors(editor) -> None:
    editor.groups.clear()


def change_password(editor) -> None:
    editor.set_password("a-new-password-for-tests")
    editor.save()


def sign_out(editor) -> None:
    from django.contrib.sessions.models import Session

    for session in Session.objects.all():
        if session.get_decoded().get("_auth_user_id") == str(editor.pk):
            session.delete()


@pytest.mark.parametrize("revoke", [deactivate, remove_from_editors, change_password, sign_out])
async def test_an_editor_whose_rights_ended_cannot_write_over_a_socket_opened_before(match, revoke):
    editor = await database_sync_to_async(make_editor)()
    desk = await socket(match, editor)
    await desk.send_json_to(await database_sync_to_async(goal_command)(match, client_key="before"))
    replies = [await desk.receive_json_from(timeout=3), await desk.receive_json_from(timeout=3)]
    assert any(reply["type"] == "ack" for reply in replies)

    await database_sync_to_async(revoke)(editor)
    await desk.send_json_to(await database_sync_to_async(goal_command)(match, client_key="after"))
    reply = await desk.receive_json_from(timeout=3)
    assert (reply["type"], reply["code"]) == ("error", "forbidden")
    await desk.disconnect()
    goals = await database_sync_to_async(lambda: match.events.filter(kind="goal").count())()
    assert goals == 1
