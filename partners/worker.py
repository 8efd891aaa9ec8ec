"""The webhook worker: reads the update log and POSTs what each partner is owed, never from a
request, so an editor's save never waits for a partner.

The database is read and written in the worker's own thread; the POSTs run in a pool of
threads, one claimed cursor (a partner and a match) at a time each, its updates in seq order,
stopping at the first failure, which is then retried after a growing delay. A partner that is
down or slow holds up only its own matches: it may take at most half the pool.
"""

import datetime as dt
import logging
import random
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection
from django.utils import timezone

from partners import selectors, services, signing
from partners.backoff import retry_delay
from partners.sender import Outcome, post
from partners.services import Job

logger = logging.getLogger(__name__)
BATCH = 20  # updates sent per claim of a cursor
PRUNE_EVERY = 3600  # seconds between trims of the delivery log
DATABASE_TRIES = 10  # rounds a --once run tries a database that fails
USER_AGENT = "MatchCentre-Webhooks/1"


@dataclass(frozen=True)
class Config:
    timeout: float
    retry_first: float
    retry_most: float
    poll_interval: float
    concurrency: int
    log_days: float = 30
    batch: int = BATCH

    @classmethod
    def from_settings(cls) -> "Config":
        return cls(
            timeout=settings.WEBHOOK_TIMEOUT,
            retry_first=settings.WEBHOOK_RETRY_FIRST,
            retry_most=settings.WEBHOOK_RETRY_MAX,
            poll_interval=settings.WEBHOOK_POLL_INTERVAL,
            concurrency=max(1, settings.WEBHOOK_CONCURRENCY),
            log_days=settings.WEBHOOK_LOG_DAYS,
        )

    @property
    def lease(self) -> dt.timedelta:
        """Long enough for a whole batch to time out: a worker that died lets go after it."""
        return dt.timedelta(seconds=self.batch * self.timeout + 60)

    @property
    def per_partner(self) -> int:
        return max(1, self.concurrency // 2)

    def retry_delay(self, failures: int) -> float:
        return retry_delay(failures, first=self.retry_first, most=self.retry_most, draw=random.random())


def deliver(config: Config, *, once: bool = False, stop: Callable[[], bool] = lambda: False) -> int:
    """Sends until `stop()` says so, or with `once` until nothing is due now and nothing is in
    flight (a retry still waiting is left for the next run); returns how many were delivered.
    While the database is out of reach the answers wait in memory and are written once it is
    back (with `once`, it gives up after DATABASE_TRIES rounds)."""
    with ThreadPoolExecutor(config.concurrency, thread_name_prefix="webhook") as pool:
        worker = _Worker(config, pool)
        failed_rounds = 0
        while True:
            try:
                worker.write(claim=not stop())
                failed_rounds = 0
            except DatabaseError:
                failed_rounds += 1
                logger.warning("Webhook worker: the database failed (round %d)", failed_rounds, exc_info=True)
                connection.close()
                if once and failed_rounds >= DATABASE_TRIES:
                    raise
            if worker.idle and (once or stop()):
                return worker.delivered
            worker.wait()


class _Worker:
    """What is in flight (POSTs running in the pool) and what is answered but not yet recorded."""

    def __init__(self, config: Config, pool: ThreadPoolExecutor) -> None:
        self.config, self.pool = config, pool
        self.running: dict[Future[list[Outcome]], Job] = {}
        self.answered: list[tuple[Job, list[Outcome]]] = []
        self.delivered = 0
        self.pruned_at = -float(PRUNE_EVERY)

    @property
    def idle(self) -> bool:
        return not self.running and not self.answered

    def write(self, *, claim: bool) -> None:
        """Records the answers, trims the log when due, claims what is due for free threads."""
        while self.answered:
            job, outcomes = self.answered[0]
            try:
                services.job_record(job, outcomes, now=timezone.now(), retry_delay=self.config.retry_delay)
            except IntegrityError:  # the match or the partner was deleted meanwhile
                logger.warning(
                    "Webhook answers of partner %s, match %s dropped", job.partner_id, job.match_id
                )
            self.answered.pop(0)
            self.delivered += sum(outcome.delivered for outcome in outcomes)
        if time.monotonic() - self.pruned_at >= PRUNE_EVERY:
            services.deliveries_prune(before=timezone.now() - dt.timedelta(days=self.config.log_days))
            self.pruned_at = time.monotonic()
        if claim:
            for job in _claim(self.config, self.running):
                self.running[self.pool.submit(send_job, job, timeout=self.config.timeout)] = job

    def wait(self) -> None:
        """Until a POST is answered, at most the poll interval."""
        if not self.running:
            time.sleep(self.config.poll_interval)
            return
        done, _ = wait(self.running, timeout=self.config.poll_interval, return_when=FIRST_COMPLETED)
        for future in done:
            job = self.running.pop(future)
            self.answered.append((job, _outcomes(job, future)))


def _claim(config: Config, running: dict[Future[list[Outcome]], Job]) -> list[Job]:
    """Claims due cursors for the free threads, at most `per_partner` of them per partner."""
    free = config.concurrency - len(running)
    if free <= 0:
        return []
    services.cursors_open()
    now = timezone.now()
    per_partner = Counter(job.partner_id for job in running.values())
    full = [partner_id for partner_id, count in per_partner.items() if count >= config.per_partner]
    claimed: list[Job] = []
    for cursor in selectors.due_cursors(now).exclude(partner_id__in=full)[: free * 4]:
        if len(claimed) >= free or per_partner[cursor.partner_id] >= config.per_partner:
            continue
        job = services.job_claim(cursor, now=now, lease=config.lease, batch=config.batch)
        if job is not None:
            claimed.append(job)
            per_partner[job.partner_id] += 1
    return claimed


def _outcomes(job: Job, future: Future[list[Outcome]]) -> list[Outcome]:
    try:
        return future.result()
    except Exception as error:  # a bug in sending must not stop the other partners' deliveries
        logger.exception("Webhook job for partner %s, match %s failed", job.partner_id, job.match_id)
        return [Outcome(delivered=False, status=None, error=f"worker error: {error}"[:200], duration_ms=0)]


def send_job(job: Job, *, timeout: float) -> list[Outcome]:
    """POSTs the job's updates in order, each signed as it goes, until one fails."""
    outcomes = []
    for send in job.sends:
        outcome = post(job.url, send.body, request_headers(job, send, now=time.time()), timeout=timeout)
        outcomes.append(outcome)
        if not outcome.delivered:
            break
    return outcomes


def request_headers(job: Job, send: services.Send, *, now: float) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "MatchCentre-Delivery": send.delivery_id,
        "MatchCentre-Match": str(job.match_id),
        "MatchCentre-Seq": str(send.seq),
        "MatchCentre-Attempt": str(send.attempt),
        **signing.sign(job.secret, send.body, int(now)),
    }
