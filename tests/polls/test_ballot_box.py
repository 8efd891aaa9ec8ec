"""The ballot box: what comes in together is counted together, each caller gets its own result."""

import asyncio
import threading

import pytest

from polls.ballot_box import BallotBox


class Counter:
    """A count function that records its batches and the thread it ran in."""

    def __init__(self, fail: bool = False) -> None:
        self.batches: list[list[int]] = []
        self.threads: set[str] = set()
        self.fail = fail

    def __call__(self, items: list[int]) -> list[int]:
        self.batches.append(items)
        self.threads.add(threading.current_thread().name)
        if self.fail:
            raise RuntimeError("the database went away")
        return [item * 10 for item in items]


@pytest.fixture
def counter():
    return Counter()


async def test_items_cast_together_are_counted_in_few_batches_each_with_its_result(counter):
    box = BallotBox(counter)
    results = await asyncio.gather(*(box.cast(n) for n in range(100)))
    assert results == [n * 10 for n in range(100)]
    assert [len(batch) for batch in counter.batches] == [1, 99]  # the first at once, then all who waited
    assert counter.threads == {"ballot-box_0"}
    box.close()


async def test_a_batch_holds_at_most_its_limit(counter):
    box = BallotBox(counter, most=30)
    await asyncio.gather(*(box.cast(n) for n in range(100)))
    assert max(len(batch) for batch in counter.batches) == 30
    assert sorted(n for batch in counter.batches for n in batch) == list(range(100))
    box.close()


async def test_a_failed_batch_fails_each_of_its_callers():
    box = BallotBox(Counter(fail=True))
    outcomes = await asyncio.gather(*(box.cast(n) for n in range(5)), return_exceptions=True)
    assert [str(outcome) for outcome in outcomes] == ["the database went away"] * 5
    box.close()


async def test_a_caller_who_goes_away_leaves_the_others_their_results(counter):
    box = BallotBox(counter)
    leaving = asyncio.ensure_future(box.cast(1))
    staying = asyncio.ensure_future(box.cast(2))
    await asyncio.sleep(0)
    leaving.cancel()
    assert await staying == 20
    box.close()


async def test_a_quiet_box_counts_each_item_as_it_comes(counter):
    box = BallotBox(counter)
    for n in range(3):
        assert await box.cast(n) == n * 10
    assert counter.batches == [[0], [1], [2]]
    box.close()


def _cast_in_a_forked_child(box: BallotBox, answers) -> None:
    answers.send(asyncio.run(asyncio.wait_for(box.cast(7), timeout=5)))


def test_a_server_forked_after_the_box_started_still_counts_its_ballots(counter):
    """A process forked from one whose box had threads (a preloading server's workers, the
    tests' live server) gets none of them: without threads of its own its fans would wait."""
    import multiprocessing

    box = BallotBox(counter)
    assert asyncio.run(box.cast(1)) == 10  # the parent's box now has its thread
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_cast_in_a_forked_child, args=(box, sending))
    child.start()
    child.join(timeout=15)
    if child.is_alive():
        child.kill()
    assert receiving.poll(0), "the forked process's ballot was never counted"
    assert receiving.recv() == 70
    box.close()
