"""An assist the rules refuse gets the same answer from the console's JSON, the JSON API and the
editors' websocket: one code, one message, the same errors by field."""

import pytest

from fixtures_app.models import MatchEvent
from tests.feeds.api_helpers import V1, editor_key, live_match, player_id
from tests.fixtures_app.test_write_channels import a_goal, answers, corrections, goal, same_refusal

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"assist": "Palmer"}, "Palmer is not in Arsenal's squad for this match."),
        ({"assist": "Saka"}, "Saka scored this goal: the assist is another player's."),
        ({"assist": "Rice", "goal_type": "own_goal"}, "An own goal has no assist."),
        ({"assist": "Rice", "kind": "yellow"}, "Only a goal has an assist."),
    ],
)
def test_a_refused_assist_gets_the_same_answer_on_every_channel(fields, message):
    match = live_match()
    editor, key = editor_key()
    data = goal(match, **{**fields, "assist": player_id(match, fields["assist"])})
    found = answers(
        match,
        editor,
        key,
        console=(f"/console/matches/{match.pk}/events/", data),
        api=("post", f"{V1}/matches/{match.pk}/events", data),
        command={"type": "record_event", "data": data},
    )
    refusal = same_refusal(found, 400)
    assert refusal == {"ok": False, "code": "invalid", "message": message, "errors": {"__all__": [message]}}
    assert not MatchEvent.objects.filter(match=match, kind__in=["goal", "yellow"]).exists()


def test_a_correction_naming_the_scorer_as_his_own_assist_is_refused_alike():
    match = live_match()
    event = a_goal(match)
    found = corrections(match, event, {"expected_version": 1, "assist": event.player_id})
    refusal = same_refusal(found, 400)
    assert refusal["message"] == f"{event.player.known_as} scored this goal: the assist is another player's."
    assert MatchEvent.objects.get(pk=event.pk).assist is None
