"""Every write to a poll: creating one for a match, voting, closing and reopening, demo votes."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import connection, transaction

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
class Ballot:
    """One fan's vote as it came in: the answer chosen, who chose it and when."""

    option_id: int
    voter_key: str
    cast_at: dt.datetime


@dataclass(frozen=True)
class VoteOutcome:
    vote: Vote  # the fan's vote, the one counted first
    counted: bool  # True when this ballot put the vote in
    resent: bool = False  # True when the fan's vote for this same answer was in already

    @property
    def is_in(self) -> bool:
        """The fan's vote for the answer sent is in: counted now, or by an earlier send of the
        same vote (a retry whose first answer was lost), which is answered as that send was."""
        return self.counted or self.resent


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


def poll_open_for_new_match(*, match: Match, now: dt.datetime) -> Poll | None:
    """Opens the "Who will win?" poll on a new football match that has not kicked off yet.

    Past matches (results imported after the fact), other sports (no draw to offer) and
    matches that already have a poll get none.
    """
    if match.kickoff <= now or match.stage.season.competition.sport != "football":
        return None
    if Poll.objects.filter(match=match).exists():
        return None
    return poll_create_for_match(match=match)


def _check_options(options: Sequence[tuple[str, str]]) -> None:
    if len(options) < 2:
        raise PollError("A poll needs at least two answers.")
    keys = [key for key, _ in options]
    if len(set(keys)) != len(keys):
        raise PollError("Each answer of a poll needs its own key.")
    if not all(key and label.strip() for key, label in options):
        raise PollError("Every answer needs a key and a label.")


def poll_vote(*, poll: Poll, option_id: int, voter_key: str, now: dt.datetime) -> VoteOutcome:
    """Counts the fan's vote once; a fan who has voted already keeps the first choice, and the
    same vote sent again is answered as the first send was."""
    [outcome] = poll_vote_many(
        poll=poll, ballots=[Ballot(option_id=option_id, voter_key=voter_key, cast_at=now)]
    )
    if isinstance(outcome, PollError):
        raise outcome
    return outcome


def poll_vote_many(*, poll: Poll, ballots: Sequence[Ballot]) -> list[VoteOutcome | PollError]:
    """Counts many fans' votes in one transaction, each as `poll_vote` counts one.

    Returns, for each ballot in order, its outcome or the refusal (closed poll, unknown answer).
    A fan with two ballots keeps the first; a fan who voted before keeps that vote. A ballot for
    the answer the fan's vote already holds is the same vote sent again: `resent`, nothing added.
    """
    options = {option.pk: option for option in poll.options.all()}
    casts = poll_cast_many(poll=poll, options=options, ballots=ballots)
    return [
        cast
        if isinstance(cast, PollError)
        else VoteOutcome(_vote(poll, options, ballot, cast), cast.counted, cast.resent)
        for ballot, cast in zip(ballots, casts, strict=True)
    ]


@dataclass(frozen=True)
class Cast:
    """What one ballot did: the vote the fan holds (its id, answer and time), whether this
    ballot put it in, and whether it was that same vote sent again."""

    vote_id: int
    option_id: int
    created_at: dt.datetime
    counted: bool
    resent: bool

    @property
    def is_in(self) -> bool:
        return self.counted or self.resent


def poll_cast_many(
    *, poll: Poll, options: Mapping[int, PollOption], ballots: Sequence[Ballot]
) -> list[Cast | PollError]:
    """`poll_vote_many` without making a Vote per fan (the vote lane's bursts): the poll's
    `options` by id are given, and each ballot's outcome is a Cast or the refusal."""
    refusals = [_refusal(poll, options, ballot) for ballot in ballots]
    first: dict[str, Ballot] = {}
    for ballot, refusal in zip(ballots, refusals, strict=True):
        if refusal is None:
            first.setdefault(ballot.voter_key, ballot)
    with transaction.atomic():
        new = _insert_new_votes(poll, list(first.values()))
        held = _votes_of(poll, [key for key in first if key not in new])
        if new:
            transaction.on_commit(lambda: poll_tally_changed(poll_id=poll.pk, match_id=poll.match_id))
    for key, vote_id in new.items():
        held[key] = (vote_id, first[key].option_id, first[key].cast_at)
    casts: list[Cast | PollError] = []
    for ballot, refusal in zip(ballots, refusals, strict=True):
        if refusal is not None:
            casts.append(refusal)
            continue
        vote_id, option_id, created_at = held[ballot.voter_key]
        counted = first[ballot.voter_key] is ballot and ballot.voter_key in new
        resent = not counted and option_id == ballot.option_id
        casts.append(Cast(vote_id, option_id, created_at, counted, resent))
    return casts


def _vote(poll: Poll, options: Mapping[int, PollOption], ballot: Ballot, cast: Cast) -> Vote:
    option = options[cast.option_id]
    return Vote(
        pk=cast.vote_id, poll=poll, option=option, voter_key=ballot.voter_key, created_at=cast.created_at
    )


def _refusal(poll: Poll, options: Mapping[int, PollOption], ballot: Ballot) -> PollError | None:
    if not poll.is_open_at(ballot.cast_at):
        return PollClosedError("This poll is closed: no more votes are taken.")
    if ballot.option_id not in options:
        return PollOptionError("That answer is not one of this poll's answers.")
    return None


def _insert_new_votes(poll: Poll, ballots: Sequence[Ballot]) -> dict[str, int]:
    """Inserts the votes of fans who have not voted yet, in one statement; the new votes' ids by fan.

    The unique (poll, voter) index skips a fan who has voted, even one whose vote is being
    committed by another request at this moment, and RETURNING says which fans went in:
    bulk_create(ignore_conflicts=True) cannot tell, so this is SQL (SQLite 3.35+, PostgreSQL).
    """
    if not ballots:
        return {}
    adapt = connection.ops.adapt_datetimefield_value
    rows = ", ".join(["(%s, %s, %s, %s)"] * len(ballots))
    params = [value for b in ballots for value in (poll.pk, b.option_id, b.voter_key, adapt(b.cast_at))]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {connection.ops.quote_name(Vote._meta.db_table)}"
            f" (poll_id, option_id, voter_key, created_at) VALUES {rows}"
            " ON CONFLICT (poll_id, voter_key) DO NOTHING RETURNING id, voter_key",
            params,
        )
        return {voter_key: vote_id for vote_id, voter_key in cursor.fetchall()}


def _votes_of(poll: Poll, voter_keys: Sequence[str]) -> dict[str, tuple[int, int, dt.datetime]]:
    """The votes these fans hold already: (id, answer, time) by fan."""
    if not voter_keys:
        return {}
    votes = Vote.objects.filter(poll=poll, voter_key__in=voter_keys)
    rows = votes.values_list("voter_key", "pk", "option_id", "created_at")
    return {key: (vote_id, option_id, created_at) for key, vote_id, option_id, created_at in rows}


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
