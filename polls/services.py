"""Every write to a poll: creating one for a match, voting, closing and reopening, demo votes."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from fixtures_app.models import Match
from polls.models import Poll, PollOption, Vote
from polls.realtime import poll_tally_changed

DEFAULT_QUESTION = "Who will win?"
SEED_VOTER_PREFIX = "seed:"


class PollError(Exception):
    """A refused write; the message is written for the fan or the editor who asked."""


class PollClosedError(PollError):
    pass


class PollOptionError(PollError):
    pass


@dataclass(frozen=True)
class VoteOutcome:
    vote: Vote
    counted: bool  # False when the fan had already voted: nothing changed.


def match_default_options(match: Match) -> list[tuple[str, str]]:
    return [("home", match.home_team.name), ("draw", "Draw"), ("away", match.away_team.name)]


def poll_create_for_match(
    *,
    match: Match,
    question: str = DEFAULT_QUESTION,
    options: Sequence[tuple[str, str]] | None = None,
    closes_at: dt.datetime | None = None,
) -> Poll:
    """Opens a poll on the match, closing at kick-off unless told otherwise.

    `options` are (key, label) pairs in the order shown; by default home, draw and away.
    """
    options = list(options) if options is not None else match_default_options(match)
    _check_options(options)
    with transaction.atomic():
        poll = Poll.objects.create(
            match=match,
            question=question,
            closes_at=closes_at or match.kickoff,
            order=Poll.objects.filter(match=match).count(),
        )
        PollOption.objects.bulk_create(
            PollOption(poll=poll, key=key, label=label, order=order)
            for order, (key, label) in enumerate(options)
        )
    return poll


def _check_options(options: Sequence[tuple[str, str]]) -> None:
    if len(options) < 2:
        raise PollError("A poll needs at least two answers.")
    keys = [key for key, _ in options]
    if len(set(keys)) != len(keys):
        raise PollError("Each answer of a poll needs its own key.")
    if not all(key and label.strip() for key, label in options):
        raise PollError("Every answer needs a key and a label.")


def poll_vote(*, poll: Poll, option_id: int, voter_key: str, now: dt.datetime) -> VoteOutcome:
    """Counts the fan's vote once; a fan who has voted already keeps the first choice."""
    if not poll.is_open_at(now):
        raise PollClosedError("This poll is closed: no more votes are taken.")
    option = PollOption.objects.filter(poll=poll, pk=option_id).first()
    if option is None:
        raise PollOptionError("That answer is not one of this poll's answers.")
    earlier = Vote.objects.select_related("option").filter(poll=poll, voter_key=voter_key).first()
    if earlier is not None:
        return VoteOutcome(vote=earlier, counted=False)
    try:
        with transaction.atomic():
            vote = Vote.objects.create(poll=poll, option=option, voter_key=voter_key, created_at=now)
            transaction.on_commit(lambda: poll_tally_changed(poll_id=poll.pk, match_id=poll.match_id))
    except IntegrityError:
        # The same fan's other request got in first; the unique (poll, voter) index keeps theirs.
        earlier = Vote.objects.select_related("option").get(poll=poll, voter_key=voter_key)
        return VoteOutcome(vote=earlier, counted=False)
    return VoteOutcome(vote=vote, counted=True)


def poll_close(*, poll: Poll) -> Poll:
    """Closes the poll now, whatever its close time."""
    with transaction.atomic():
        poll.closed = True
        poll.save(update_fields=["closed"])
    return poll


def poll_reopen(*, poll: Poll, until: dt.datetime | None = None) -> Poll:
    """Opens the poll again: until the given time, or until an editor closes it."""
    with transaction.atomic():
        if until is None:
            poll.closed = False
        else:
            poll.closed, poll.closes_at = None, until
        poll.save(update_fields=["closed", "closes_at"])
    return poll


def poll_seed_votes(*, poll: Poll, counts: Mapping[str, int], now: dt.datetime) -> None:
    """Gives the poll exactly these demo vote counts by answer key, e.g. {"home": 122, "away": 269}.

    Fans' votes are left alone; running it again replaces the demo votes rather than adding.
    """
    options = {option.key: option for option in poll.options.all()}
    unknown = set(counts) - set(options)
    if unknown:
        raise PollOptionError(f"No answer with the key {', '.join(sorted(unknown))} in this poll.")
    if any(count < 0 for count in counts.values()):
        raise PollError("A vote count cannot be negative.")
    with transaction.atomic():
        Vote.objects.filter(poll=poll, voter_key__startswith=SEED_VOTER_PREFIX).delete()
        Vote.objects.bulk_create(
            (
                Vote(
                    poll=poll, option=options[key], voter_key=f"{SEED_VOTER_PREFIX}{key}:{n}", created_at=now
                )
                for key, count in counts.items()
                for n in range(count)
            ),
            batch_size=1000,
        )
