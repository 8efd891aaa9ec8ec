"""A goal's assist over the editors' websocket: recorded and told to fans, corrected, refused with the
console's words."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from fixtures_app.models import Match, MatchEvent
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_editor, make_match, make_team
from tests.fixtures_app.test_consumers_editing import socket
from tests.pages import without_links

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def match():
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka", "Ødegaard")
    add_to_lineup(match, match.away_team, "Palmer")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    return Match.objects.get(pk=match.pk)


def ids(match) -> dict[str, int]:
    return {entry.player.known_as: entry.player_id for entry in match.lineup.select_related("player")}


async def reply_of(desk: WebsocketCommunicator, ref: str) -> dict:
    """The ack or error answering `ref` (a change the desk made also reaches it as a fan)."""
    while True:
        reply = await desk.receive_json_from(timeout=3)
        if reply.get("ref") == ref:
            return reply


def goal(people, assist: str, ref="r1") -> dict:
    data = {"kind": "goal", "minute": 7, "player": people["Saka"], "assist": people[assist]}
    return {"type": "record_event", "ref": ref, "data": data}


async def test_goal_with_an_assist_over_the_socket_tells_fans_who_set_it_up(match):
    editor = await database_sync_to_async(make_editor)()
    people = await database_sync_to_async(ids)(match)
    fan = await socket(match)
    desk = await socket(match, editor)
    await desk.send_json_to(goal(people, "Ødegaard"))
    assert (await reply_of(desk, "r1"))["type"] == "ack"
    update = await fan.receive_json_from(timeout=3)
    [entry] = update["entries"].values()
    assert "(Arsenal) scores, assisted by Ødegaard.</p>" in without_links(entry)
    event = await database_sync_to_async(MatchEvent.objects.get)(kind="goal")
    assert event.assist_id == people["Ødegaard"]
    await fan.disconnect()
    await desk.disconnect()


async def test_assist_of_the_other_side_is_refused_over_the_socket(match):
    editor = await database_sync_to_async(make_editor)()
    people = await database_sync_to_async(ids)(match)
    desk = await socket(match, editor)
    await desk.send_json_to(goal(people, "Palmer"))
    reply = await reply_of(desk, "r1")
    assert reply == {
        "type": "error",
        "ref": "r1",
        "ok": False,
        "code": "invalid",
        "message": "Palmer is not in Arsenal's squad for this match.",
        "errors": {"__all__": ["Palmer is not in Arsenal's squad for this match."]},
    }
    assert not await database_sync_to_async(MatchEvent.objects.filter(kind="goal").exists)()
    await desk.disconnect()


async def test_correction_over_the_socket_removes_the_assist_and_fans_see_the_new_line(match):
    editor = await database_sync_to_async(make_editor)()
    people = await database_sync_to_async(ids)(match)
    fan = await socket(match)
    desk = await socket(match, editor)
    await desk.send_json_to(goal(people, "Ødegaard"))
    await reply_of(desk, "r1")
    await fan.receive_json_from(timeout=3)
    event = await database_sync_to_async(MatchEvent.objects.get)(kind="goal")
    data = {"expected_version": 1, "assist": None}
    await desk.send_json_to({"type": "correct_event", "ref": "r2", "event": event.pk, "data": data})
    assert (await reply_of(desk, "r2"))["type"] == "ack"
    update = await fan.receive_json_from(timeout=3)
    assert update["type"] == "event_corrected"
    assert "(Arsenal) scores.</p>" in update["entries"][str(event.pk)]
    await event.arefresh_from_db()
    assert event.assist_id is None
    await fan.disconnect()
    await desk.disconnect()
