"""Votes counted for operators by outcome (matchcentre_poll_votes_total, docs/OPERATIONS.md)."""

import pytest
from django.urls import reverse

from matchcentre.metrics import POLL_VOTES
from tests.factories import make_open_poll

pytestmark = pytest.mark.django_db
AS_SCRIPT = {"HTTP_ACCEPT": "application/json"}


def outcomes() -> dict[str, float]:
    return {
        sample.labels["outcome"]: sample.value
        for metric in POLL_VOTES.collect()
        for sample in metric.samples
        if sample.name.endswith("_total")
    }


def test_votes_are_counted_by_outcome(client):
    poll = make_open_poll()
    url = reverse("polls:vote", args=[poll.pk])
    away = poll.options.get(key="away").pk
    before = outcomes()
    client.post(url, {"option": away}, **AS_SCRIPT)
    client.post(url, {"option": away}, **AS_SCRIPT)  # the same vote again
    client.post(url, {"option": "nope"}, **AS_SCRIPT)
    after = outcomes()
    changed = {
        outcome: after[outcome] - before[outcome] for outcome in after if after[outcome] != before[outcome]
    }
    assert changed == {"accepted": 1, "repeat": 1, "refused": 1}
