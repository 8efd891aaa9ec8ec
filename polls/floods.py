"""Floods of votes are refused: too many from one fan, or from one network address.

Fixed windows (a minute for `10/m`), counted in Redis when REDIS_URL is set, so every server
process counts together, else in this process's cache. A batch of votes (the vote lane's) is
counted in one round trip to Redis. A rate of "0" means no limit. When the counters cannot be
reached, no vote is let through uncounted: CountersOutOfReach, and the fan is told voting is
paused (not that they voted too often).
"""

import hashlib
import ipaddress
import logging
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from live import realtime

logger = logging.getLogger(__name__)
FLOOD_MESSAGE = "Too many votes from here. Wait a minute, then try again."
PAUSED_MESSAGE = "Voting is paused for a moment: we can't count votes right now. Try again in a minute."
PAUSED_RETRY_AFTER = 60  # seconds, the Retry-After of a vote refused while the counters are out of reach
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")


class CountersOutOfReach(Exception):
    """The rate counters cannot be reached: no vote can be checked against the limits."""


@dataclass(frozen=True)
class Rate:
    limit: int
    seconds: int


def parse_rate(text: str) -> Rate | None:
    """`10/m` is ten a minute, `100/5m` a hundred in five minutes; "0" (or nothing) is no limit."""
    text = text.strip()
    if text in {"", "0"}:
        return None
    found = RATE.match(text)
    if found is None:
        raise ValueError(f"Not a rate: {text!r} (e.g. 10/m).")
    return Rate(int(found[1]), int(found[2] or 1) * PERIODS[found[3]])


def vote_is_flood(request: HttpRequest, voter_key: str) -> bool:
    """Counts this vote against the fan's and the address's rates; True when either is past its
    limit. Raises CountersOutOfReach."""
    return votes_are_floods([(request, voter_key)])[0]


def votes_are_floods(votes: Sequence[tuple[HttpRequest, str]], *, now: float | None = None) -> list[bool]:
    """For each (request, fan) vote in order, counted as if one after another: past a limit?

    Raises CountersOutOfReach when the counters cannot be reached (logged): votes are refused then.
    """
    now = time.time() if now is None else now
    rates = [
        ("fan", parse_rate(settings.POLLS_VOTE_RATE_PER_FAN), lambda request, fan: fan),
        ("address", parse_rate(settings.POLLS_VOTE_RATE_PER_ADDRESS), lambda request, fan: _address(request)),
    ]
    counters = [
        [(_key(group, rate, who(request, fan), now), rate) for group, rate, who in rates if rate]
        for request, fan in votes
    ]
    added = Counter(key for keys in counters for key, _ in keys)
    if not added:
        return [False] * len(votes)
    try:
        totals = _add(added, {key: rate.seconds for keys in counters for key, rate in keys})
    except Exception as error:
        # Fail closed: uncounted votes would let one script vote as thousands of new fans.
        logger.exception("vote rate counters out of reach: votes refused, voting paused")
        raise CountersOutOfReach from error
    before = {key: totals[key] - added[key] for key in added}
    floods = []
    for keys in counters:
        flood = False
        for key, rate in keys:
            before[key] += 1
            flood = flood or before[key] > rate.limit
        floods.append(flood)
    return floods


def _address(request: HttpRequest) -> str:
    """The client's address (IPv6 by its /64, as one household or phone has many)."""
    address = request.META.get(getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR", "")
    try:
        network = ipaddress.ip_network(f"{address}/{64 if ':' in address else 32}", strict=False)
    except ValueError:
        return address
    return str(network.network_address)


def _key(group: str, rate: Rate, who: str, now: float) -> str:
    digest = hashlib.blake2b(who.encode(), digest_size=12).hexdigest()
    return f"polls:flood:{group}:{rate.seconds}:{int(now // rate.seconds)}:{digest}"


def _add(increments: Counter, seconds: dict[str, int]) -> dict[str, int]:
    """Adds to each counter (made when missing, kept for its window); the totals after."""
    if settings.REDIS_URL:
        pipeline = realtime.redis_client().pipeline(transaction=False)
        for key, count in increments.items():
            pipeline.set(key, 0, ex=seconds[key] + 5, nx=True)
            pipeline.incrby(key, count)
        replies = pipeline.execute()
        return {key: replies[2 * n + 1] for n, key in enumerate(increments)}
    totals = {}
    for key, count in increments.items():
        cache.add(key, 0, seconds[key] + 5)
        totals[key] = cache.incr(key, count)
    return totals
