"""Matches replayed for the webhook tests, and what a partner must have received of them."""

import json
import time
from io import StringIO

from django.core.management import call_command

from fixtures_app.models import Match, MatchUpdate
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status


def replay(path) -> Match:
    """Replays a feed file as `manage.py replay_match --speed 0` does; returns its match."""
    call_command("replay_match", str(path), "--speed", "0", stdout=StringIO(), stderr=StringIO())
    return MatchUpdate.objects.latest("pk").match


def logged(match: Match) -> list[MatchUpdate]:
    return list(MatchUpdate.objects.filter(match=match).order_by("seq"))


def assert_received_as_logged(received, updates, *, secret: str) -> None:
    """Each request is one update, in seq order, its body what the log holds, its signature good."""
    assert [(request.match, request.seq) for request in received] == [(u.match_id, u.seq) for u in updates]
    for request, update in zip(received, updates, strict=True):
        body = json.loads(request.body)
        assert (body["match"], body["seq"], body["kind"], body["summary"]) == (
            update.match_id,
            update.seq,
            update.kind,
            update.summary,
        )
        assert body["message"] == update.message
        assert request.verifies(secret, now=time.time())
        assert not request.verifies("not-the-secret", now=time.time())


def play(match, changes: int = 3) -> list[MatchUpdate]:
    """An editor's changes: kick-off, then commentary, `changes` in all; returns the log."""
    match_change_status(match=match, status="first_half")
    for minute in range(1, changes):
        match_record_event(match=match, kind="commentary", minute=minute, text=f"Minute {minute}.")
    return list(MatchUpdate.objects.filter(match=match).order_by("seq"))
