"""The alert worker: reads the update log, makes the alerts owed (fans/alerts_plan.py) and sends
them with Web Push from a pool of threads. It runs beside the server (`manage.py send_alerts`),
never in a request, so an editor's save and the fans' frames never wait for a push service.
The database is read and written in the worker's own thread; only the sending is in the pool."""

import datetime as dt
import logging
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from fans import alerts_plan, push_keys, push_services
from fans.models import AlertPush
from fans.push_send import Outcome, send
from fans.push_services import Claimed

logger = logging.getLogger(__name__)
EXPIRE_EVERY = 60  # seconds between give-ups of alerts too late to send


@dataclass(frozen=True)
class Config:
    timeout: float
    concurrency: int
    poll_interval: float
    max_age: float
    subject: str

    @classmethod
    def from_settings(cls) -> "Config":
        return cls(
            timeout=settings.ALERTS_TIMEOUT,
            concurrency=max(1, settings.ALERTS_CONCURRENCY),
            poll_interval=settings.ALERTS_POLL_INTERVAL,
            max_age=settings.ALERTS_MAX_AGE,
            subject=settings.VAPID_SUBJECT,
        )

    @property
    def lease(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.timeout * 2 + 60)

    def retry_in(self, attempts: int) -> float:
        return min(300.0, 2.0 ** max(0, attempts - 1))


def run(config: Config, *, once: bool = False, stop: Callable[[], bool] = lambda: False) -> int:
    """Makes and sends alerts until `stop()`, or with `once` until nothing is due now and nothing
    in flight; returns how many were sent."""
    if not push_keys.enabled():
        raise RuntimeError(push_keys.NOT_SET_UP)
    with ThreadPoolExecutor(config.concurrency, thread_name_prefix="alerts") as pool:
        worker = _Worker(config, pool)
        while True:
            busy = False
            try:
                busy = worker.plan() > 0
                worker.claim()
            except DatabaseError:
                logger.warning("Alert worker: the database failed", exc_info=True)
                connection.close()
            if not worker.running and not busy and (once or stop()):
                return worker.sent
            worker.collect()


class _Worker:
    """The pushes in flight (sending in the pool) and how many were sent."""

    def __init__(self, config: Config, pool: ThreadPoolExecutor) -> None:
        self.config, self.pool = config, pool
        self.signer = push_keys.vapid()
        self.running: dict[Future[Outcome], Claimed] = {}
        self.sent = 0
        self.expired_at = -float(EXPIRE_EVERY)

    def plan(self) -> int:
        """Reads the changes of every match whose log moved on; says how many alerts were made."""
        now, config = timezone.now(), self.config
        alerts_plan.cursors_open(now=now, max_age=config.max_age)
        return sum(
            alerts_plan.cursor_read(cursor_id, now=now, lease=config.lease, max_age=config.max_age)
            for cursor_id in alerts_plan.cursors_due(now=now)
        )

    def claim(self) -> None:
        """Hands the alerts that are due to the pool's free threads."""
        free, now = self.config.concurrency - len(self.running), timezone.now()
        if time.monotonic() - self.expired_at >= EXPIRE_EVERY:  # a write: not at every round
            push_services.pushes_expire(now=now, max_age=self.config.max_age)
            self.expired_at = time.monotonic()
        if free <= 0:
            return
        lease, ttl = self.config.lease, int(self.config.max_age)
        for claimed in push_services.pushes_claim(now=now, lease=lease, limit=free, ttl=ttl):
            future = self.pool.submit(
                send,
                claimed.message,
                signer=self.signer,
                subject=self.config.subject,
                timeout=self.config.timeout,
            )
            self.running[future] = claimed

    def collect(self) -> None:
        """Waits for answers (at most the poll interval) and records them."""
        if not self.running:
            time.sleep(self.config.poll_interval)
            return
        done, _ = wait(self.running, timeout=self.config.poll_interval, return_when=FIRST_COMPLETED)
        for future in done:
            claimed = self.running.pop(future)
            outcome = _outcome(future)
            retry_in = self.config.retry_in(_attempts(claimed))
            push_services.push_record(claimed, outcome, now=timezone.now(), retry_in=retry_in)
            self.sent += outcome.sent


def _outcome(future: Future[Outcome]) -> Outcome:
    try:
        return future.result()
    except Exception as error:  # a bug in sending one alert must not stop the others
        logger.exception("Sending an alert failed")
        return Outcome(False, error=f"worker error: {error}"[:200])


def _attempts(claimed: Claimed) -> int:
    return AlertPush.objects.filter(pk=claimed.push_id).values_list("attempts", flat=True).first() or 1
