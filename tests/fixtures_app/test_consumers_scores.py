"""/ws/scores/: every score and status change of any game reaches the pages that list games."""

import datetime as dt

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from fixtures_app.services.events import match_correct_event, match_delete_event, match_record_event
from fixtures_app.services.status import match_change_status
from live import realtime
from matchcentre.asgi import application
from tests.factories import add_to_lineup, make_match, make_team

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


@pytest.fixture
def match():
    """Arsenal v Chelsea, kicked off today, in the first half."""
    kickoff = timezone.now() - dt.timedelta(minutes=20)
    match = make_match(make_team("Arsenal"), make_team("Chelsea"), kickoff=kickoff)
    add_to_lineup(match, match.home_team, "Saka")
    add_to_lineup(match, match.away_team, "Palmer")
    match_change_status(match=match, status="first_half", at=kickoff)
    match.refresh_from_db()
    return match


async def connect() -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(application, "/ws/scores/", headers=ORIGIN)
    connected, _ = await communicator.connect()
    assert connected
    return communicator


@database_sync_to_async
def goal(match, side: str, minute: int):
    team = match.home_team if side == "home" else match.away_team
    return match_record_event(
        match=match, kind="goal", minute=minute, team=team, player=match.lineup.get(team=team).player
    ).event


async def test_a_goal_reaches_the_scores_socket_with_the_new_score_and_minute(match):
    fan = await connect()
    await goal(match, "away", 18)
    message = await fan.receive_json_from(timeout=3)
    assert message["type"] == "score"
    assert (message["match"], message["score"], message["status"]) == (match.pk, [0, 1], "first_half")
    assert message["status_line"] == "21'"
    assert message["period_started_at"] == match.first_half_started_at.isoformat()
    await fan.disconnect()


def given_to_the_away_side(event):
    away = event.match.away_team
    player = event.match.lineup.get(team=away).player
    return match_correct_event(event=event, expected_version=event.version, team=away, player=player)


async def test_a_correction_and_a_deletion_reach_the_scores_socket(match):
    first = await goal(match, "home", 5)
    second = await goal(match, "home", 9)
    fan = await connect()
    await database_sync_to_async(given_to_the_away_side)(second)
    assert (await fan.receive_json_from(timeout=3))["score"] == [1, 1]
    await database_sync_to_async(match_delete_event)(event=first)
    assert (await fan.receive_json_from(timeout=3))["score"] == [0, 1]
    await fan.disconnect()


async def test_a_var_reversal_takes_the_goal_off_the_score(match):
    scored = await goal(match, "home", 12)
    fan = await connect()
    await database_sync_to_async(match_record_event)(
        match=match, kind="var", minute=14, var_decision="goal_disallowed", reverses=scored
    )
    assert (await fan.receive_json_from(timeout=3))["score"] == [0, 0]
    await fan.disconnect()


async def test_half_time_and_full_time_reach_the_scores_socket(match):
    await goal(match, "home", 12)
    fan = await connect()
    await database_sync_to_async(match_change_status)(match=match, status="half_time")
    half_time = await fan.receive_json_from(timeout=3)
    assert (half_time["status"], half_time["status_line"], half_time["period_started_at"]) == (
        "half_time",
        "HT",
        None,
    )
    await database_sync_to_async(match_change_status)(match=match, status="second_half")
    assert (await fan.receive_json_from(timeout=3))["status_line"] == "46'"
    await database_sync_to_async(match_change_status)(match=match, status="full_time")
    full_time = await fan.receive_json_from(timeout=3)
    assert (full_time["status"], full_time["status_line"], full_time["score"]) == (
        "full_time",
        "FT (HT: 1-0)",
        [1, 0],
    )
    await fan.disconnect()


async def test_a_change_is_serialised_once_however_many_fans_follow(match, monkeypatch):
    published = []
    real_publish = realtime.publish
    monkeypatch.setattr(
        realtime, "publish", lambda group, text: published.append(group) or real_publish(group, text)
    )
    fans = [await connect() for _ in range(3)]
    await goal(match, "home", 12)
    frames = [await fan.receive_from(timeout=3) for fan in fans]
    assert published.count(realtime.SCORES_GROUP) == 1
    assert len(set(frames)) == 1 and '"score":[1,0]' in frames[0]
    for fan in fans:
        await fan.disconnect()


async def test_the_scores_socket_answers_ping_and_refuses_anything_else(db):
    fan = await connect()
    await fan.send_json_to({"type": "ping"})
    assert await fan.receive_json_from(timeout=3) == {"type": "pong"}
    await fan.send_json_to({"type": "catch_up", "since": 3})
    refusal = await fan.receive_json_from(timeout=3)
    assert refusal["type"] == "error" and "only sends scores" in refusal["message"]
    await fan.disconnect()
