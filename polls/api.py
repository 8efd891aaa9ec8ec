"""Polls in the JSON API: anyone reads a poll and its counts; editors open, close and reopen polls.

Fans vote on the site (one vote each, by cookie or account), not through the API.
"""

import datetime as dt
from typing import Annotated

from django.utils import timezone
from ninja import Field, Path, Router, Schema, Status
from pydantic import AfterValidator, AwareDatetime, ConfigDict, StringConstraints

from feeds.auth import editors_only
from feeds.errors import ApiRefusal, with_errors
from feeds.idempotency import ClientKey, KeyHeader, answer_once, given_key
from fixtures_app.models import Match
from polls.models import Poll
from polls.selectors import match_polls, poll_for_fan
from polls.services import DEFAULT_QUESTION, PollError, poll_close, poll_create_for_match, poll_reopen

router = Router(tags=["polls"])
IdPath = Annotated[int, Path(ge=1, le=2**63 - 1)]
Text = StringConstraints(strip_whitespace=True, pattern=r"^[^\x00]*$")


class PollOptionOut(Schema):
    id: int
    key: str
    label: str
    votes: int
    percent: float


class PollOut(Schema):
    id: int
    question: str
    title: str
    is_open: bool
    closes_at: str | None
    total: int
    options: list[PollOptionOut]
    vote_url: str = Field(description="Where fans vote, on the site.")
    match_url: str


def _in_range(moment: dt.datetime) -> dt.datetime:
    try:
        utc = moment.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("Give a time between the years 1900 and 2999.") from None
    if not 1900 <= utc.year <= 2999:
        raise ValueError("Give a time between the years 1900 and 2999.")
    return utc


Moment = Annotated[AwareDatetime, AfterValidator(_in_range)]


class Body(Schema):
    model_config = ConfigDict(extra="forbid")


class AnswerIn(Body):
    key: Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]{1,40}$")]
    label: Annotated[str, Text, StringConstraints(min_length=1, max_length=100)]


class PollIn(Body):
    question: Annotated[str, Text, StringConstraints(min_length=1, max_length=200)] = DEFAULT_QUESTION
    options: list[AnswerIn] | None = Field(
        None, min_length=2, max_length=10, description="Default: home, draw, away."
    )
    closes_at: Moment | None = Field(None, description="Default: kick-off.")
    client_key: ClientKey | None = None


class ReopenIn(Body):
    until: Moment | None = Field(None, description="Empty: open until an editor closes it.")
    client_key: ClientKey | None = None


@router.get("/polls/{poll_id}", response=with_errors({200: PollOut}, 400, 404))
def read_poll(request, poll_id: IdPath):
    """The poll and its counts, as every fan sees them."""
    return poll_for_fan(poll=_poll(poll_id), voter_key=None)


@router.get("/matches/{match_id}/polls", response=with_errors({200: list[PollOut]}, 400, 404))
def list_polls(request, match_id: IdPath):
    """The match's polls, its main one first."""
    return match_polls(match=_match(match_id), voter_key=None)


@router.post("/matches/{match_id}/polls", **editors_only({201: PollOut}, tag="polls"))
def create_poll(request, match_id: IdPath, payload: PollIn, idempotency_key: KeyHeader = None):
    """Opens a poll on the match; a retry with the same key opens no second poll."""
    match = _match(match_id)

    def write() -> tuple[int, dict]:
        options = [(answer.key, answer.label) for answer in payload.options] if payload.options else None
        try:
            poll = poll_create_for_match(
                match=match, question=payload.question, options=options, closes_at=payload.closes_at
            )
        except PollError as error:
            raise ApiRefusal(400, str(error), errors={"options": [str(error)]}) from None
        return 201, poll_for_fan(poll=poll, voter_key=None)

    key = given_key(idempotency_key, payload.client_key)
    return Status(*answer_once(request, user=request.auth, key=key, write=write))


@router.post("/polls/{poll_id}/close", **editors_only({200: PollOut}, tag="polls"))
def close_poll(request, poll_id: IdPath, idempotency_key: KeyHeader = None):
    """Closes the poll now, whatever its close time."""
    poll = _poll(poll_id)

    def write() -> tuple[int, dict]:
        return 200, poll_for_fan(poll=poll_close(poll=poll), voter_key=None, now=timezone.now())

    return Status(*answer_once(request, user=request.auth, key=given_key(idempotency_key), write=write))


@router.post("/polls/{poll_id}/reopen", **editors_only({200: PollOut}, tag="polls"))
def reopen_poll(request, poll_id: IdPath, payload: ReopenIn, idempotency_key: KeyHeader = None):
    """Opens the poll again, until `until` or until an editor closes it."""
    poll = _poll(poll_id)

    def write() -> tuple[int, dict]:
        reopened = poll_reopen(poll=poll, until=payload.until)
        return 200, poll_for_fan(poll=reopened, voter_key=None, now=timezone.now())

    key = given_key(idempotency_key, payload.client_key)
    return Status(*answer_once(request, user=request.auth, key=key, write=write))


def _poll(poll_id: int) -> Poll:
    poll = Poll.objects.select_related("match__home_team", "match__away_team").filter(pk=poll_id).first()
    if poll is None:
        raise ApiRefusal(404, "There is no such poll.")
    return poll


def _match(match_id: int) -> Match:
    match = Match.objects.select_related("home_team", "away_team").filter(pk=match_id).first()
    if match is None:
        raise ApiRefusal(404, "There is no such match.")
    return match
