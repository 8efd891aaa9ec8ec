"""What operators and their tools ask a server process: is it alive (/healthz), can it serve
(/readyz: the database and, with REDIS_URL, Redis answer), and its metrics (/metrics).

None of them reads a session or sets a cookie, and none is cached; they answer GET and HEAD
only, which Django's CSRF check never refuses. /readyz asks each service in a worker thread
of its own and waits a second at most, so a service that hangs makes it answer 503 in time
rather than hold the probe; it never lets an exception out.
"""

import ipaddress
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

import redis
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

import matchcentre.metrics  # noqa: F401  (registers the site's metrics in REGISTRY)

logger = logging.getLogger(__name__)
OK = "ok"
READY_TIMEOUT = 1.0  # seconds /readyz waits for the services, all together
REDIS_TIMEOUT = 0.5  # seconds for Redis to take the connection, and again to answer PING

# One check of each service at a time: a probe that comes while the last check still waits
# (a database that hangs) waits on that one, so hung checks never pile up threads.
_checks = ThreadPoolExecutor(max_workers=2, thread_name_prefix="readiness")
_running: dict[str, Future[None]] = {}
_lock = threading.Lock()


def _after_fork() -> None:
    """A process forked from one that had checked (a preloading server's workers) inherits the
    pool without its threads: every check would wait in vain and /readyz say 503 for ever."""
    global _checks, _lock
    _checks = ThreadPoolExecutor(max_workers=2, thread_name_prefix="readiness")
    _running.clear()
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_after_fork)
_was_ready = True


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is alive and answers: touches neither the database nor Redis."""
    return JsonResponse({"status": OK})


@require_safe
@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    """200 when every service this process needs answers, else 503 naming the ones that do not."""
    checks = readiness()
    ready = all(outcome == OK for outcome in checks.values())
    response = JsonResponse({"status": OK if ready else "unavailable", "checks": checks})
    if not ready:
        response.status_code = 503
        # A probe's answer, not a server error: Django would log every 503 as one.
        response._has_been_logged = True  # type: ignore[attr-defined]
    return response


@require_safe
@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """This process's metrics in Prometheus's text format, to the addresses settings allow."""
    if not metrics_allowed(request):
        raise Http404("No such page.")
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)


def readiness() -> dict[str, str]:
    """Each service's state: "ok", or "unreachable: …" with why."""
    probes: dict[str, Callable[[], None]] = {"database": database_answers}
    if settings.REDIS_URL:
        probes["redis"] = redis_answers
    running = {name: _start(name, probe) for name, probe in probes.items()}
    wait(running.values(), timeout=READY_TIMEOUT)
    checks = {name: _outcome(future) for name, future in running.items()}
    _log_change(running, checks)
    return checks


def database_answers() -> None:
    """Runs the cheapest query on a connection of this thread's own, given back at once."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        connection.close()


def redis_answers() -> None:
    """PINGs Redis on a connection of its own (not the forgiving cache, which hides failures)."""
    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
    )
    try:
        client.ping()
    finally:
        client.close()


def metrics_allowed(request: HttpRequest) -> bool:
    """From an address MATCHCENTRE_METRICS_ALLOWED lists, and not through a proxy: Prometheus
    scrapes each process directly, and a proxy on the same machine would make every visitor
    look local."""
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in allowed_networks())


def allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    try:
        return [ipaddress.ip_network(item, strict=False) for item in settings.METRICS_ALLOWED]
    except ValueError as error:
        raise ImproperlyConfigured(f"MATCHCENTRE_METRICS_ALLOWED: {error}") from error


def _start(name: str, probe: Callable[[], None]) -> Future[None]:
    with _lock:
        future = _running.get(name)
        if future is None or future.done():
            future = _running[name] = _checks.submit(probe)
        return future


def _outcome(future: Future[None]) -> str:
    if not future.done():
        return f"unreachable: no answer within {READY_TIMEOUT:g} s"
    error = future.exception()
    # The kind of failure only: the message may name hosts and ports (it is logged).
    return OK if error is None else f"unreachable: {type(error).__name__}"


def _log_change(running: dict[str, Future[None]], checks: dict[str, str]) -> None:
    """Logs when this process stops or starts being ready, with why, not on every probe."""
    global _was_ready
    ready = all(outcome == OK for outcome in checks.values())
    if ready == _was_ready:
        return
    _was_ready = ready
    if ready:
        logger.info("ready again: every service answers")
        return
    for name, outcome in checks.items():
        future = running[name]
        if outcome != OK:
            error = future.exception() if future.done() else None
            logger.warning("not ready: %s is %s (%s)", name, outcome, error or "still waiting")
