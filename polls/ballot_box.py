"""Votes that come in together are counted together: one transaction for a burst of fans.

A request drops its fan's ballot in the box and waits. One thread of the server process
empties the box: while it writes one batch, the next one fills, so a quiet poll writes each
vote at once and a kick-off burst writes hundreds in one transaction. Each fan is answered
after the transaction holding the vote has committed, never before.
"""

import asyncio
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, TypeVar

from django.db import close_old_connections, connections

Item = TypeVar("Item")
Result = TypeVar("Result")
MOST_PER_BATCH = 500


class BallotBox(Generic[Item, Result]):
    """Hands the waiting items to `count` in batches, in threads of its own.

    `count` returns one result per item, in order. With several threads, a batch goes to the
    database while the one before is still there: the database's round trips overlap.
    """

    def __init__(
        self,
        count: Callable[[list[Item]], Sequence[Result]],
        *,
        most: int = MOST_PER_BATCH,
        threads: int = 1,
    ) -> None:
        self.count = count
        self.most = most
        self.threads = threads
        self.waiting: list[tuple[Item, asyncio.Future]] = []
        self.counting = 0
        self.loop: asyncio.AbstractEventLoop | None = None
        self.executor: ThreadPoolExecutor | None = None
        self.pid = os.getpid()

    async def cast(self, item: Item) -> Result:
        """The item's result once its batch is counted; the batch's exception if it failed."""
        loop = asyncio.get_running_loop()
        if loop is not self.loop:
            self.loop, self.waiting, self.counting = loop, [], 0
        future = loop.create_future()
        self.waiting.append((item, future))
        self._start_batches()
        return await future

    def _start_batches(self) -> None:
        while self.waiting and self.counting < self.threads:
            batch, self.waiting = self.waiting[: self.most], self.waiting[self.most :]
            self.counting += 1
            self._loop().create_task(self._count_batch(batch))

    async def _count_batch(self, batch: list[tuple[Item, asyncio.Future]]) -> None:
        try:
            results = await self._loop().run_in_executor(
                self._executor(), self._count, [item for item, _ in batch]
            )
        except Exception as error:
            for _, future in batch:
                if not future.done():  # a fan who went away leaves a cancelled future
                    future.set_exception(error)
        else:
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)
        finally:
            self.counting -= 1
            self._start_batches()

    def _loop(self) -> asyncio.AbstractEventLoop:
        """The loop of the latest `cast`, which set it before any item waited."""
        if self.loop is None:
            raise RuntimeError("The ballot box has no loop before its first cast.")
        return self.loop

    def _count(self, items: list[Item]) -> Sequence[Result]:
        # As Django does around each request: a broken or too old connection is replaced.
        close_old_connections()
        try:
            return self.count(items)
        finally:
            close_old_connections()

    def _executor(self) -> ThreadPoolExecutor:
        # A process forked from one whose box had started (a server forked after the app was
        # used, as gunicorn's preload or the tests' live server do) inherits the executor but
        # not its threads: its ballots would wait for ever. It starts threads of its own.
        if self.executor is None or self.pid != os.getpid():
            self.executor = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="ballot-box")
            self.pid = os.getpid()
        return self.executor

    def close(self) -> None:
        """Closes the threads' database connections and stops them (a test database cannot be
        dropped while a connection is open); the next item starts them again."""
        if self.executor is not None:
            # One task per thread: each waits until every thread has one.
            all_there = threading.Barrier(self.threads)
            tasks = [self.executor.submit(_close_connections, all_there) for _ in range(self.threads)]
            for task in tasks:
                task.result()
            self.executor.shutdown()
            self.executor = None


def _close_connections(all_there: threading.Barrier) -> None:
    all_there.wait()
    connections.close_all()
