"""Read payloads for polls, shared by the match page, the vote view's JSON and the live push.

`poll_tally` is the same for every fan (the push serialises it once); `match_poll` adds what
belongs to one fan: the question's wording, where to vote and the fan's own choice.
"""

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from fixtures_app.models import Match
from polls.models import Poll, PollOption, Vote
from polls.tally import percentages

MAIN_POLL_ANCHOR = "poll"
# Below this many votes a poll is counted on every read: counting is cheap (about a
# millisecond), and a fan who has just voted sees the vote in the total. From here on
# one vote moves no percentage by a visible tenth, and counting costs several milliseconds.
CACHE_FROM_VOTES = 10_000


def poll_counts(poll_id: int, *, fresh: bool = False) -> dict[int, int]:
    """Votes by option id, counted from the votes; a big poll's counts are cached briefly.

    `fresh` counts now whatever the cache holds, and refreshes it (the live push, which
    must carry the last vote of a burst).
    """
    cache_key = f"polls:counts:{poll_id}"
    seconds = settings.POLLS_TALLY_CACHE_SECONDS
    counts = cache.get(cache_key) if seconds > 0 and not fresh else None
    if counts is None:
        counts = _count_votes(poll_id)
        if seconds > 0 and sum(counts.values()) >= CACHE_FROM_VOTES:
            cache.set(cache_key, counts, seconds)
    return counts


def _count_votes(poll_id: int) -> dict[int, int]:
    """SELECT option_id, count(*) … GROUP BY option_id, from the (poll, option) index. Written as
    SQL: a vote burst counts once per batch, and the ORM's compiling cost more than the count."""
    table = connection.ops.quote_name(Vote._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT option_id, count(*) FROM {table} WHERE poll_id = %s GROUP BY option_id", [poll_id]
        )
        return dict(cursor.fetchall())


def poll_tally(poll_id: int, *, now: dt.datetime | None = None, fresh: bool = False) -> dict[str, Any] | None:
    """The poll's counts and percentages as every fan sees them, or None for no such poll."""
    poll = Poll.objects.filter(pk=poll_id).prefetch_related("options").first()
    if poll is None:
        return None
    return _tally(poll, list(poll.options.all()), now or timezone.now(), fresh=fresh)


def _tally(
    poll: Poll, options: Sequence[PollOption], now: dt.datetime, *, fresh: bool = False
) -> dict[str, Any]:
    counts = poll_counts(poll.pk, fresh=fresh)
    votes = [counts.get(option.pk, 0) for option in options]
    return {
        "id": poll.pk,
        "is_open": poll.is_open_at(now),
        "total": sum(votes),
        "options": [
            {"id": option.pk, "key": option.key, "label": option.label, "votes": count, "percent": percent}
            for option, count, percent in zip(options, votes, percentages(votes), strict=True)
        ],
    }


def match_polls(
    *, match: Match, voter_key: str | None, now: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """Every poll of the match as this fan sees it, the main one first."""
    polls = list(Poll.objects.filter(match=match).select_related("match__home_team", "match__away_team"))
    if not polls:
        return []
    options = _options_by_poll(polls)
    choices = _choices_by_poll(polls, voter_key)
    now = now or timezone.now()
    return [
        _fan_payload(poll, options[poll.pk], choices.get(poll.pk), now, main=index == 0)
        for index, poll in enumerate(polls)
    ]


def match_poll(
    *, match: Match, voter_key: str | None, now: dt.datetime | None = None
) -> dict[str, Any] | None:
    """The match's main poll as this fan sees it, or None when the match has no poll."""
    polls = match_polls(match=match, voter_key=voter_key, now=now)
    return polls[0] if polls else None


def poll_for_fan(*, poll: Poll, voter_key: str | None, now: dt.datetime | None = None) -> dict[str, Any]:
    """One poll as this fan sees it: the payload the vote view answers with."""
    choices = _choices_by_poll([poll], voter_key)
    options = list(poll.options.all())
    return _fan_payload(poll, options, choices.get(poll.pk), now or timezone.now(), main=poll_is_main(poll))


def poll_for_fans(
    *, poll: Poll, choices: Sequence[int | None], now: dt.datetime | None = None, main: bool | None = None
) -> list[dict[str, Any]]:
    """One poll as each of several fans sees it, given each fan's choice; counted once for all.
    `main`: whether it is the match's main poll, when the caller knows (else it is looked up)."""
    main = poll_is_main(poll) if main is None else main
    seen = _fan_payload(poll, list(poll.options.all()), None, now or timezone.now(), main=main)
    return [_with_choice(seen, choice) for choice in choices]


def poll_is_main(poll: Poll) -> bool:
    """Whether this is the first poll of its match, the one the page shows at #poll."""
    return Poll.objects.filter(match_id=poll.match_id).values_list("pk", flat=True).first() == poll.pk


def poll_anchor(poll: Poll, *, main: bool) -> str:
    return MAIN_POLL_ANCHOR if main else f"{MAIN_POLL_ANCHOR}-{poll.pk}"


def _options_by_poll(polls: Sequence[Poll]) -> dict[int, list[PollOption]]:
    options: dict[int, list[PollOption]] = {poll.pk: [] for poll in polls}
    for option in PollOption.objects.filter(poll__in=polls):
        options[option.poll_id].append(option)
    return options


def _choices_by_poll(polls: Sequence[Poll], voter_key: str | None) -> dict[int, int]:
    if not voter_key:
        return {}
    votes = Vote.objects.filter(poll__in=polls, voter_key=voter_key).values_list("poll_id", "option_id")
    return dict(votes)


def _fan_payload(
    poll: Poll, options: Sequence[PollOption], choice: int | None, now: dt.datetime, *, main: bool
) -> dict[str, Any]:
    match = poll.match
    payload = {
        **_tally(poll, options, now),
        "question": poll.question,
        "title": f"{match.home_team.name} vs {match.away_team.name}",
        "anchor": poll_anchor(poll, main=main),
        "closes_at": poll.closes_at.isoformat() if poll.closes_at else None,
        "choice": None,
        "vote_url": _vote_url(poll.pk),
        "match_url": match.get_absolute_url(),
    }
    return _with_choice(payload, choice)


@functools.lru_cache(maxsize=1024)
def _vote_url(poll_id: int) -> str:
    return reverse("polls:vote", kwargs={"pk": poll_id})


def _with_choice(payload: dict[str, Any], choice: int | None) -> dict[str, Any]:
    options = [{**option, "chosen": option["id"] == choice} for option in payload["options"]]
    return {**payload, "options": options, "choice": choice}


SHOWN_SQL = """SELECT p.id, p.question, p.closes_at, p.closed, p."order",
    o.id, o.key, o.label, o."order", COUNT(v.id)
  FROM {poll} p JOIN {option} o ON o.poll_id = p.id LEFT JOIN {vote} v ON v.option_id = o.id
  WHERE p.match_id = %s
  GROUP BY p.id, p.question, p.closes_at, p.closed, p."order", o.id, o.key, o.label, o."order"
  ORDER BY p.id, o.id"""


def match_polls_shown(*, match_id: int, now: dt.datetime) -> list[tuple]:
    """What the match's polls show every anonymous reader, in one statement, for the page's ETag
    (fixtures_app/selectors/page_keys.py): each option's poll, wording and votes, and whether
    its poll is open at `now`. Written as SQL: it runs on every load of the match page."""
    tables = {
        name: model._meta.db_table for name, model in [("poll", Poll), ("option", PollOption), ("vote", Vote)]
    }
    with connection.cursor() as cursor:
        cursor.execute(SHOWN_SQL.format(**tables), [match_id])
        rows = cursor.fetchall()
    return [(*row, _open_at(row[2], row[3], now)) for row in rows]


def _open_at(closes_at: Any, closed: bool | None, now: dt.datetime) -> bool:
    """Poll.is_open_at, from a row as a raw statement reads it (SQLite's datetimes: text in UTC)."""
    if closed is not None:
        return not closed
    if closes_at is not None and not isinstance(closes_at, dt.datetime):
        closes_at = dt.datetime.fromisoformat(str(closes_at))
    if closes_at is not None and closes_at.tzinfo is None:
        closes_at = closes_at.replace(tzinfo=dt.UTC)
    return closes_at is None or now < closes_at
