"""Redis stopped and started again mid-match: editors' changes are still saved, the editor is
told live delivery is degraded, and fans' pages catch up when Redis is back.

The server process runs on a Redis of the test's own, for its live delivery, its channel layer
and its cache alike, as production runs on one; the shared Redis other tests use is never
stopped."""

import asyncio
import time

import pytest
from django.conf import settings
from websockets.exceptions import ConnectionClosed

from feeds.tokens import api_token_create
from fixtures_app.editing import run_editor_command
from fixtures_app.models import MatchEvent, MatchUpdate
from live import realtime
from tests.factories import make_editor, make_poll
from tests.faults.desk import OPENER, Desk, api_call, event
from tests.faults.fan import FanPage
from tests.faults.servers import ServerProcess, free_port

BANNER = "Live delivery is degraded: changes are saved, fans' pages will catch up when it is back."


def banner_shown(page: str) -> bool:
    """The console page's banner, there and not hidden."""
    return 'role="alert">' + BANNER in page


@pytest.mark.slow
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_redis_stopped_and_restarted_mid_match(match, own_redis, tmp_path, figures):
    editor = make_editor()
    key = api_token_create(name="feed", user=editor)[1]
    poll = make_poll(match)
    server = ServerProcess(free_port(), tmp_path / "daphne.log", REDIS_URL=own_redis.url)
    server.start()
    try:
        desk = Desk.signed_in(server.url, editor)
        record = f"/console/matches/{match.pk}/events/"
        fan = FanPage(server.url.replace("http://", "ws://"), match.pk)
        with fan.open() as socket:
            fan.read(socket, 0.3)
            first = desk.post(record, event(match, "goal", "Saka", 21)).json()
            assert (first["ok"], first["delivery"]) == (True, "ok")
            _read_until(fan, socket, first["seq"], timeout=5)  # live, through Redis
            own_redis.stop()
            stopped = time.monotonic()
            closed = _closed_within(fan, socket, seconds=3)

        # Redis down: saved, logged, and the editor is told.
        booking = desk.post(record, event(match, "yellow", "Caicedo", 23))
        goal = api_call(
            server.url, key, "POST", f"/matches/{match.pk}/events", event(match, "goal", "Palmer", 24)
        )
        assert (booking.status, booking.json()["ok"], booking.json()["delivery"]) == (200, True, "degraded")
        assert (goal.status, goal.json()["delivery"], goal.json()["score"]) == (201, "degraded", [1, 1])
        assert banner_shown(desk.get(f"/console/matches/{match.pk}/").body)
        saved = MatchEvent.objects.filter(match=match, kind__in=["goal", "yellow"]).count()
        assert saved == 3 and MatchUpdate.objects.filter(match=match, seq__gt=first["seq"]).count() == 2
        # The cache is out of reach too: the match page, its share card and the poll's counts
        # are served without it (each a 500 before: the cache's ConnectionError).
        assert "Palmer" in desk.get(f"/matches/{match.pk}/").body
        with OPENER.open(f"{server.url}/matches/{match.pk}/card.png", timeout=15) as card:
            assert (card.status, card.headers["Content-Type"], card.read(4)) == (200, "image/png", b"\x89PNG")
        counts = desk.get(f"/api/v1/polls/{poll.pk}")
        assert (counts.status, counts.json()["total"]) == (200, 0)
        # A page whose socket is down keeps current over HTTP meanwhile (live.js polls).
        polled = desk.get(f"/matches/{match.pk}/updates?since={first['seq']}").json()
        assert [message["seq"] for message in polled["messages"]] == [first["seq"] + 1, first["seq"] + 2]

        own_redis.start()
        outage = time.monotonic() - stopped
        # The page reconnects with ?since= and gets what it missed; then changes are live again.
        fan.follow_until(first["seq"] + 2, timeout=15)
        with fan.open() as socket:
            after = desk.post(record, event(match, "goal", "Rice", 30)).json()
            assert after["delivery"] == "ok"
            _read_until(fan, socket, after["seq"], timeout=5)
        assert not banner_shown(desk.get(f"/console/matches/{match.pk}/").body)
    finally:
        server.stop()

    log = list(
        MatchUpdate.objects.filter(match=match, seq__gte=first["seq"]).values_list("seq", "kind", "event_id")
    )
    assert fan.applied == log and len(log) == 4
    assert (fan.snapshots, fan.state["score"]) == (1, [2, 1])
    figures(
        f"Redis stopped {outage:.1f} s: 2 changes made meanwhile, 2 saved and logged, the editor told "
        f"'degraded' 2/2 (console and API); the fan's socket {'was closed' if closed else 'stayed open'}, "
        f"caught up 2 missed changes once Redis was back ({fan.refused} reconnect(s) refused first), then "
        f"took the next live; events lost: "
        f"{len({seq for seq, _, _ in log} - {seq for seq, _, _ in fan.applied})}"
    )


@pytest.mark.django_db(transaction=True)
def test_the_editors_ack_says_delivery_is_degraded_until_a_frame_gets_through(match, own_redis, monkeypatch):
    monkeypatch.setattr(settings, "REDIS_URL", own_redis.url)
    monkeypatch.setattr(realtime, "_client", None)
    monkeypatch.setattr(realtime, "_delivery_failed", False)
    editor = make_editor()

    def record(minute: int) -> dict:
        message = {"type": "record_event", "ref": f"m{minute}", "data": event(match, "goal", "Saka", minute)}
        return run_editor_command(user=editor, match_id=match.pk, message=message)

    assert record(21)["delivery"] == "ok"
    own_redis.stop()
    down = record(22)
    own_redis.start()
    assert (down["type"], down["delivery"]) == ("ack", "degraded")
    assert record(23)["delivery"] == "ok"
    assert list(MatchUpdate.objects.filter(match=match).values_list("seq", flat=True)) == [1, 2, 3, 4]


def _read_until(fan: FanPage, socket, seq: int, *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while (fan.seq or 0) < seq and time.monotonic() < deadline:
        fan.read(socket, 0.1)
    assert fan.seq == seq, f"the fan's page is at {fan.seq}, not {seq}, after {timeout} s"


def _closed_within(fan: FanPage, socket, *, seconds: float) -> bool:
    try:
        fan.read(socket, seconds)
    except ConnectionClosed:
        return True
    return False


class HeldSocket:
    """A fan's socket as the hub sees it: takes every frame, remembers how it was let go."""

    def __init__(self) -> None:
        self.frames: list[str] = []
        self.dropped: int | None = None

    def offer(self, text: str) -> bool:
        self.frames.append(text)
        return True

    def drop(self, code: int) -> None:
        self.dropped = code


async def _until(condition, *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert condition()


@pytest.mark.redis
async def test_the_hub_subscribes_again_by_itself_and_lets_sockets_that_missed_frames_catch_up(
    own_redis, monkeypatch
):
    monkeypatch.setattr(settings, "REDIS_URL", own_redis.url)
    monkeypatch.setattr(realtime, "_client", None)
    hub, group = realtime.Hub(), realtime.match_group(1)
    before = HeldSocket()
    await hub.join(group, before)
    realtime.publish(group, '{"seq":1}')
    await _until(lambda: before.frames == ['{"seq":1}'], timeout=5)

    own_redis.stop()
    await asyncio.sleep(1)
    own_redis.start()

    # No new socket joins: the hub's own retries bring the subscription back, and the socket
    # open across the outage is let go to reconnect and catch up (1012, service restart).
    await _until(lambda: before.dropped == realtime.CLOSE_RESYNC, timeout=15)
    after = HeldSocket()
    await hub.join(group, after)
    realtime.publish(group, '{"seq":2}')
    await _until(lambda: after.frames == ['{"seq":2}'], timeout=5)
    hub.listener.cancel()


@pytest.mark.redis
async def test_a_hub_that_stopped_listening_during_an_outage_forgets_the_seqs_it_knew(own_redis, monkeypatch):
    """The fan page that reconnected with ?since=2 after an outage was told it was up to date,
    though changes 3 and 4 were saved meanwhile: the hub still trusted the seq it saw before."""
    monkeypatch.setattr(settings, "REDIS_URL", own_redis.url)
    monkeypatch.setattr(realtime, "_client", None)
    hub, group = realtime.Hub(), realtime.match_group(1)
    fan = HeldSocket()
    await hub.join(group, fan)
    hub.saw_seq(group, 2)
    hub.leave(group, fan)  # the page's socket closes in the outage
    own_redis.stop()
    await _until(lambda: hub.listener.done(), timeout=10)
    own_redis.start()
    await hub.join(group, HeldSocket())
    assert hub.latest_seq(group) is None
    hub.listener.cancel()


@pytest.mark.redis
async def test_a_frame_redis_did_not_take_makes_the_hub_forget_its_matchs_seq(monkeypatch):
    hub, group = realtime.Hub(), realtime.match_group(1)
    monkeypatch.setattr(settings, "REDIS_URL", "")
    await hub.join(group, HeldSocket())  # the hub's loop is this one
    hub.saw_seq(group, 7)
    monkeypatch.setattr(realtime, "hub", hub)
    monkeypatch.setattr(settings, "REDIS_URL", "redis://127.0.0.1:1/0")  # nothing listens there
    monkeypatch.setattr(realtime, "_client", None)
    monkeypatch.setattr(realtime, "_delivery_failed", False)
    assert await asyncio.to_thread(realtime.publish, group, '{"seq":8}') is False
    await _until(lambda: hub.latest_seq(group) is None, timeout=5)
