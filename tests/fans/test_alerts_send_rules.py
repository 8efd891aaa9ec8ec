"""Which changes alert and what the alert says (fans/alerts.py): a table, no database."""

import pytest

from fans.alerts import Change, alert_for

GOAL = "Goal! 61': Saka (Arsenal) scores. Arsenal 1, Chelsea 0."
RED = "Red card, 70': Palmer (Chelsea) is sent off."


def change(kind, score=(1, 0), before=(0, 0), status="second_half", label="Second half", announce=""):
    return Change(
        kind=kind, status=status, status_label=label, score=score, score_before=before, announce=announce
    )


@pytest.mark.parametrize(
    "the_change, kind, title",
    [
        (change("event_added", announce=GOAL), "goal", "Goal! Arsenal 1–0 Chelsea"),
        (
            change("event_added", score=(0, 1), announce="Own goal! 3': …"),
            "goal",
            "Goal! Arsenal 0–1 Chelsea",
        ),
        (change("event_added", before=(1, 0), announce=RED), "red_card", "Red card · Arsenal 1–0 Chelsea"),
        (
            change("status_changed", before=(1, 0), status="half_time", label="Half-time"),
            "half_time",
            "Half-time · Arsenal 1–0 Chelsea",
        ),
        (
            change("status_changed", before=(1, 0), status="full_time", label="Full time"),
            "full_time",
            "Full time · Arsenal 1–0 Chelsea",
        ),
        (
            change(
                "status_changed",
                before=(1, 1),
                score=(1, 1),
                status="after_penalties",
                label="After penalties",
            ),
            "full_time",
            "After penalties · Arsenal 1–1 Chelsea",
        ),
        (
            change("event_added", score=(0, 0), before=(1, 0)),
            "goal_disallowed",
            "Goal disallowed · Arsenal 0–0 Chelsea",
        ),
        (
            change("event_deleted", score=(0, 0), before=(1, 0)),
            "goal_disallowed",
            "Goal disallowed · Arsenal 0–0 Chelsea",
        ),
        (
            change("event_corrected", score=(0, 1), before=(1, 0)),
            "score_corrected",
            "Score corrected · Arsenal 0–1 Chelsea",
        ),
    ],
)
def test_what_alerts_and_what_it_says(the_change, kind, title):
    alert = alert_for(the_change, home="Arsenal", away="Chelsea")
    assert alert is not None and (alert.kind, alert.title) == (kind, title)


@pytest.mark.parametrize(
    "the_change",
    [
        change("event_corrected", before=(1, 0)),  # a goal's minute moved: the score stands
        change("event_added", before=(1, 0)),  # a yellow card, a substitution, commentary
        change("event_deleted", before=(1, 0)),  # a booking deleted
        change("status_changed", before=(1, 0), status="second_half"),  # the second half kicks off
        change("stats_changed", before=(1, 0)),
        change("lineups_changed", score=None, before=None),
    ],
)
def test_what_does_not_alert(the_change):
    assert alert_for(the_change, home="Arsenal", away="Chelsea") is None
