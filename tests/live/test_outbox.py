"""A fan's outbox and the hub that feeds it: no socket is waited for, order is kept, and a
fan too far behind is given up. Pure asyncio: no database, no server."""

import asyncio

import pytest

from live.outbox import Outbox, eager
from live.realtime import CLOSE_TOO_SLOW, Hub


class Wire:
    """A fan's connection: takes frames at once, or holds them while `stalled`."""

    def __init__(self) -> None:
        self.frames: list[str] = []
        self.stalled: asyncio.Future | None = None
        self.broken = False

    async def write(self, frame: str) -> None:
        if self.broken:
            raise ConnectionResetError("the fan has gone")
        if self.stalled is not None:
            await self.stalled
        self.frames.append(frame)


class Fan:
    def __init__(self, limit: int = 3) -> None:
        self.wire = Wire()
        self.outbox = Outbox(self.wire.write, limit=limit)
        self.dropped: int | None = None

    def offer(self, text: str) -> bool:
        return self.outbox.offer(text)

    def drop(self, code: int) -> None:
        self.dropped = code
        self.outbox.cancel()


async def test_a_write_the_server_takes_at_once_needs_no_task():
    fan = Fan()

    fan.outbox.put("goal")

    assert fan.wire.frames == ["goal"]
    assert fan.outbox.writer is None


async def test_frames_behind_a_stalled_write_arrive_in_order_once_it_moves():
    fan = Fan(limit=10)
    fan.wire.stalled = asyncio.get_running_loop().create_future()

    for frame in ("1", "2", "3"):
        assert fan.offer(frame)
    assert fan.wire.frames == []

    fan.wire.stalled.set_result(None)
    fan.wire.stalled = None
    await fan.outbox.writer

    assert fan.wire.frames == ["1", "2", "3"]
    assert fan.offer("4") and fan.wire.frames[-1] == "4"


async def test_a_slow_fan_is_given_up_and_the_others_get_the_goal_at_once():
    hub, group = Hub(), "match.1"
    quick, slow = Fan(), Fan(limit=2)
    slow.wire.stalled = asyncio.get_running_loop().create_future()
    await hub.join(group, quick)
    await hub.join(group, slow)

    for n in range(4):  # the slow fan's first write stalls; two more wait; the fourth is one too many
        hub.deliver(group, f"frame {n}")

    assert quick.wire.frames == ["frame 0", "frame 1", "frame 2", "frame 3"]
    assert slow.dropped == CLOSE_TOO_SLOW and hub.groups[group] == {quick}
    hub.deliver(group, "frame 4")
    assert quick.wire.frames[-1] == "frame 4"


async def test_a_socket_that_breaks_is_dropped_without_stopping_the_others():
    hub, group = Hub(), "match.1"
    gone, staying = Fan(), Fan()
    gone.wire.broken = True
    await hub.join(group, gone)
    await hub.join(group, staying)

    hub.deliver(group, "goal")

    assert gone.dropped == CLOSE_TOO_SLOW and staying.wire.frames == ["goal"]
    assert hub.groups[group] == {staying}


async def test_a_write_that_fails_after_waiting_makes_the_next_offer_fail():
    fan = Fan()
    fan.wire.stalled = asyncio.get_running_loop().create_future()
    assert fan.offer("1")

    fan.wire.stalled.set_exception(ConnectionResetError("gone"))
    await fan.outbox.writer

    assert fan.offer("2") is False


async def test_eager_runs_a_coroutine_that_suspends_to_the_end_and_keeps_its_result_or_error():
    seen = []
    gate = asyncio.get_running_loop().create_future()

    async def waits():
        seen.append(await gate)

    rest = eager(waits())
    assert rest is not None and seen == []
    gate.set_result("through")
    await rest()
    assert seen == ["through"]

    async def fails():
        await asyncio.sleep(0)
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        await eager(fails())()


async def test_cancelling_a_stalled_write_tells_the_write():
    cancelled = []
    gate = asyncio.get_running_loop().create_future()

    async def write(frame):
        try:
            await gate
        except asyncio.CancelledError:
            cancelled.append(frame)
            raise

    outbox = Outbox(write, limit=1)
    outbox.put("goal")
    await asyncio.sleep(0)
    outbox.cancel()
    with pytest.raises(asyncio.CancelledError):
        await outbox.writer
    assert cancelled == ["goal"]
