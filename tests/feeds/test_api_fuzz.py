"""Schemathesis fuzzes every operation of the JSON API from its own OpenAPI schema, valid and
invalid requests alike, as an editor with a token on a match in play: no answer may be a
server error, and every answer must be one the schema documents (status, type and shape)."""

import datetime as dt
from dataclasses import dataclass

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from feeds.tokens import api_token_create
from fixtures_app.models import Match
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_editor, make_match, make_poll, make_season, make_stage

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Per operation and mode: twenty operations, valid then invalid requests, about 30 s in all.
EXAMPLES = 30


@dataclass(frozen=True)
class Feed:
    match: Match
    key: str
    ids: dict[str, int]
    slugs: dict[str, str]


@pytest.fixture
def feed(transactional_db) -> Feed:
    """A Premier League match in its first half, with line-ups, a goal and a poll."""
    stage = make_stage(make_season(name="2024/25"))
    match = make_match(stage=stage, kickoff=timezone.now() - dt.timedelta(minutes=20))
    scorer, *_ = add_to_lineup(match, match.home_team, "Saka", "Rice", "Odegaard")
    add_to_lineup(match, match.away_team, "Palmer", "Jackson")
    editor = make_editor()
    match_change_status(match=match, status="first_half", by=editor)
    goal = match_record_event(
        match=match, kind="goal", minute=5, team=match.home_team, player=scorer, by=editor
    ).event
    poll = make_poll(match)
    _, key = api_token_create(name="Fuzzer", user=editor)
    ids = {"match_id": match.pk, "event_id": goal.pk, "team_id": match.home_team_id, "poll_id": poll.pk}
    slugs = {"competition": stage.season.competition.slug, "season": stage.season.slug}
    return Feed(match=match, key=key, ids=ids, slugs=slugs)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_every_answer_is_documented_and_none_is_a_server_error(feed, mode):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 19
    for operation in operations:
        _fuzz(operation, mode, feed)


def _fuzz(operation, mode: GenerationMode, feed: Feed) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same requests every run: CI must not pass or fail by luck
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        _aim_at_the_match(case, feed)
        response = case.call(headers={"Authorization": f"Bearer {feed.key}"})
        case.validate_response(response, checks=CHECKS)

    run()


def _aim_at_the_match(case, feed: Feed) -> None:
    """Half the generated ids and slugs become the real match's, so writes reach the services."""
    for name, value in (case.path_parameters or {}).items():
        if name in feed.ids and isinstance(value, int) and value % 2 == 0:
            case.path_parameters[name] = feed.ids[name]
        elif name in feed.slugs and len(str(value)) % 2 == 0:
            case.path_parameters[name] = feed.slugs[name]
