"""Fences on what live/outbox.py borrows from asyncio: it runs a write coroutine by hand up to its
first suspension (`eager`) and, when the write suspends on a future, waits for that future itself
and resumes the coroutine (`_resume`), as an asyncio Task would. That leans on asyncio's
undocumented protocol between a Future and the Task running it: the awaited future is what the
coroutine yields, flagged `_asyncio_future_blocking`. If a Python upgrade changes any of it, these
tests say so, by name, before a fan's frames go missing."""

import asyncio
import sys

import pytest

from live.outbox import eager

PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def changed(thing: str, relied_on: str) -> str:
    return f"Python {PYTHON} changed {thing} that live/outbox.py relies on: {relied_on}"


async def waiting_on(future: asyncio.Future) -> str:
    return f"got {await future}"


def futures() -> dict[str, asyncio.Future]:
    """What a server's `send` may suspend on: a future of the loop, or a task."""
    loop = asyncio.get_running_loop()
    return {"a future": loop.create_future(), "a task": asyncio.ensure_future(asyncio.sleep(3600))}


async def test_a_coroutine_run_by_hand_yields_the_future_it_awaits_flagged_as_blocking():
    for kind, future in futures().items():
        coroutine = waiting_on(future)
        yielded = coroutine.send(None)
        assert yielded is future, changed(
            "what a coroutine awaiting a future yields",
            f"awaiting {kind}, coroutine.send(None) must yield that very future (it yielded {yielded!r})",
        )
        assert getattr(yielded, "_asyncio_future_blocking", None) is True, changed(
            "Future._asyncio_future_blocking",
            f"{kind} yielded by an awaiting coroutine must have _asyncio_future_blocking set to True",
        )
        try:
            yielded._asyncio_future_blocking = False
        except (AttributeError, TypeError, ValueError) as error:
            pytest.fail(changed("Future._asyncio_future_blocking", f"it must be writable ({error!r})"))
        coroutine.close()
        future.cancel()


async def test_a_bare_yield_gives_none():
    coroutine = asyncio.sleep(0)
    assert coroutine.send(None) is None, changed(
        "asyncio.sleep(0)", "a coroutine giving the loop a turn must yield None (a bare yield)"
    )
    with pytest.raises(StopIteration):
        coroutine.send(None)


async def test_a_coroutine_resumed_once_its_future_is_done_reads_the_result_itself():
    future = asyncio.get_running_loop().create_future()
    coroutine = waiting_on(future)
    yielded = coroutine.send(None)
    yielded._asyncio_future_blocking = False
    asyncio.get_running_loop().call_soon(future.set_result, "goal")
    done, _ = await asyncio.wait([yielded])
    assert done == {future}, changed("asyncio.wait", "it must wait for a future taken from a coroutine")
    with pytest.raises(StopIteration) as finished:
        coroutine.send(None)
    assert finished.value.value == "got goal", changed(
        "Future.__await__",
        "a coroutine resumed with send(None) after its future is done must return the future's result",
    )


async def test_a_failed_future_raises_in_the_coroutine_resumed_by_hand():
    future = asyncio.get_running_loop().create_future()
    coroutine = waiting_on(future)
    coroutine.send(None)._asyncio_future_blocking = False
    future.set_exception(ConnectionResetError("the fan has gone"))
    with pytest.raises(ConnectionResetError, match="the fan has gone"):
        coroutine.send(None)


async def test_a_cancellation_thrown_in_reaches_the_awaiting_coroutine():
    future = asyncio.get_running_loop().create_future()
    seen: list[str] = []

    async def write() -> None:
        try:
            await future
        except asyncio.CancelledError:
            seen.append("cancelled")
            raise

    coroutine = write()
    coroutine.send(None)
    with pytest.raises(asyncio.CancelledError):
        coroutine.throw(asyncio.CancelledError())
    assert seen == ["cancelled"], changed(
        "coroutine.throw",
        "an error thrown into a coroutine suspended on a future must be raised at its await",
    )
    future.cancel()


async def test_eager_finishes_a_write_that_never_suspends_and_hands_back_one_that_does():
    """The outbox itself, on the behaviour above: a write that suspends finishes when its future does."""
    written: list[str] = []

    async def write(frame: str, wait: asyncio.Future | None = None) -> None:
        if wait is not None:
            await wait
        written.append(frame)

    assert eager(write("kick-off")) is None
    gate = asyncio.get_running_loop().create_future()
    rest = eager(write("goal", gate))
    assert rest is not None and written == ["kick-off"]
    gate.set_result(None)
    await asyncio.wait_for(rest(), timeout=5)
    assert written == ["kick-off", "goal"], changed(
        "the Future/Task protocol", "a write suspended on a future, resumed by hand, must finish"
    )
