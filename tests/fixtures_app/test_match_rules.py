"""`{% match_rules %}`: the rules the pages' scripts follow come from football/, once per page."""

import json
import re

import pytest
from django.template import Context, Template

from fixtures_app.models import Match
from football.clock import PERIOD_MINUTES
from football.events import Period
from football.status import FINISHED, Status
from tests.factories import make_match

RULES = re.compile(r'<script id="match-rules" type="application/json">(.*?)</script>', re.S)


def rendered_rules(html: str) -> dict:
    found = RULES.findall(html)
    assert len(found) == 1, f"{len(found)} copies of the rules in the page"
    return json.loads(found[0])


def test_the_clock_runs_in_the_four_periods_of_play_with_their_minutes():
    rules = rendered_rules(Template("{% load match_rules %}{% match_rules %}").render(Context()))
    assert rules["clock"] == {
        "first_half": {"first": 1, "last": 45},
        "second_half": {"first": 46, "last": 90},
        "extra_first_half": {"first": 91, "last": 105},
        "extra_second_half": {"first": 106, "last": 120},
    }
    assert {status: PERIOD_MINUTES[Period[status.upper()]] for status in rules["clock"]} == {
        status: (bounds["first"], bounds["last"]) for status, bounds in rules["clock"].items()
    }
    assert "penalties" not in rules["clock"]  # a shoot-out has no running clock


@pytest.mark.django_db
def test_finished_and_in_play_statuses_are_those_the_server_uses():
    rules = rendered_rules(Template("{% load match_rules %}{% match_rules %}").render(Context()))
    assert set(rules["finished"]) == set(FINISHED)
    for status in Status:
        make_match(status=status)
    in_play = set(Match.objects.in_play().values_list("status", flat=True))
    assert set(rules["in_play"]) == in_play
    assert {"half_time", "penalties", "suspended"} <= in_play


@pytest.mark.django_db
def test_pages_with_live_scripts_carry_the_rules_once(client, demo):
    match = Match.objects.in_play().football().get()
    season = match.stage.season
    for path in (
        "/",
        match.get_absolute_url(),
        f"/competitions/{season.competition.slug}/{season.slug}/table/",
    ):
        rules = rendered_rules(client.get(path).content.decode())
        assert match.status in rules["clock"] and match.status in rules["in_play"]
