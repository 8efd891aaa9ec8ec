import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from fixtures_app.services.events import match_delete_event, match_record_event
from fixtures_app.services.status import match_change_status
from matchcentre.asgi import application
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    add_to_lineup(match, match.away_team, "Salah")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


async def connect(path: str) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(application, path, headers=ORIGIN)
    connected, _ = await communicator.connect()
    assert connected
    return communicator


@database_sync_to_async
def goal(match, minute=7):
    return match_record_event(
        match=match,
        kind="goal",
        minute=minute,
        team=match.away_team,
        player=match.lineup.get().player,
        goal_type="penalty",
    ).event


async def test_fan_gets_a_snapshot_on_connect(match):
    fan = await connect(f"/ws/matches/{match.pk}/")
    snapshot = await fan.receive_json_from()
    assert snapshot["type"] == "snapshot"
    assert snapshot["seq"] == match.seq
    assert snapshot["state"]["score"] == [0, 0]
    assert snapshot["state"]["status"] == "first_half"
    await fan.disconnect()


async def test_fan_sees_a_goal_the_moment_it_is_saved(match):
    fan = await connect(f"/ws/matches/{match.pk}/")
    snapshot = await fan.receive_json_from()
    event = await goal(match)
    message = await fan.receive_json_from(timeout=3)
    assert message["type"] == "event_added"
    assert message["seq"] == snapshot["seq"] + 1
    assert message["state"]["score"] == [0, 1]
    assert "Salah (7&#x27; pen.)" in message["state"]["scoreboard_html"]
    assert message["order"][0] == event.pk
    assert "Goal!" in message["entries"][str(event.pk)]
    assert message["announce"].startswith("Goal! 7'")
    await fan.disconnect()


async def test_deleted_goal_goes_back_for_every_fan(match):
    event = await goal(match)
    fan = await connect(f"/ws/matches/{match.pk}/")
    await fan.receive_json_from()
    await database_sync_to_async(match_delete_event)(event=event)
    message = await fan.receive_json_from(timeout=3)
    assert message["type"] == "event_deleted"
    assert message["state"]["score"] == [0, 0]
    assert event.pk not in message["order"]
    await fan.disconnect()


async def test_reconnecting_fan_gets_exactly_the_missed_messages_in_order(match):
    seen = match.seq
    first = await goal(match, 7)
    second = await goal(match, 20)
    fan = await connect(f"/ws/matches/{match.pk}/?since={seen}")
    missed = [await fan.receive_json_from(), await fan.receive_json_from()]
    assert [m["seq"] for m in missed] == [seen + 1, seen + 2]
    assert [m["event_id"] for m in missed] == [first.pk, second.pk]
    assert await fan.receive_nothing(timeout=0.3)
    await fan.disconnect()


async def test_fan_asks_to_catch_up_after_a_gap(match):
    fan = await connect(f"/ws/matches/{match.pk}/")
    snapshot = await fan.receive_json_from()
    await goal(match)
    await fan.receive_json_from(timeout=3)
    await fan.send_json_to({"type": "catch_up", "since": snapshot["seq"]})
    again = await fan.receive_json_from()
    assert (again["type"], again["seq"]) == ("event_added", snapshot["seq"] + 1)
    await fan.disconnect()


async def test_fan_too_far_behind_gets_a_fresh_snapshot(match):
    fan = await connect(f"/ws/matches/{match.pk}/?since=-5")
    assert (await fan.receive_json_from())["type"] == "snapshot"
    await fan.disconnect()


@pytest.mark.parametrize(
    "frame",
    [
        "not json",
        "[1, 2]",
        '{"no": "type"}',
        '{"type": "launch_rockets"}',
        '{"type": "catch_up", "since": "x"}',
        "x" * 20_000,
    ],
)
async def test_malformed_messages_get_an_error_and_the_socket_lives_on(match, frame):
    fan = await connect(f"/ws/matches/{match.pk}/")
    await fan.receive_json_from()
    await fan.send_to(text_data=frame)
    assert (await fan.receive_json_from())["type"] == "error"
    await fan.send_to(bytes_data=b"\x00\xff")
    assert (await fan.receive_json_from())["type"] == "error"
    await fan.send_json_to({"type": "ping"})
    assert (await fan.receive_json_from())["type"] == "pong"
    await fan.disconnect()


async def test_unknown_match_is_refused(db):
    communicator = WebsocketCommunicator(application, "/ws/matches/999999/", headers=ORIGIN)
    connected, code = await communicator.connect()
    assert not connected or code == 4404


async def test_socket_from_another_site_is_refused(match):
    communicator = WebsocketCommunicator(
        application, f"/ws/matches/{match.pk}/", headers=[(b"origin", b"https://evil.example")]
    )
    connected, _ = await communicator.connect()
    assert not connected


async def test_home_page_socket_gets_every_score_change(match):
    scores = await connect("/ws/scores/")
    await goal(match)
    message = await scores.receive_json_from(timeout=3)
    assert (message["type"], message["match"], message["score"]) == ("score", match.pk, [0, 1])
    await scores.disconnect()
