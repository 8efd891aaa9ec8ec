"""The timeline's line for a goal: who scored, how, and who set it up."""

import pytest

from football.events import EventFact, EventKind, GoalType, Period, Side
from football.timeline import timeline

TEAMS = {Side.HOME: "Arsenal", Side.AWAY: "Chelsea"}


def goal(goal_type=GoalType.OPEN_PLAY, *, side=Side.HOME, player="Saka", assist="", detail="") -> EventFact:
    return EventFact(
        id=1,
        kind=EventKind.GOAL,
        period=Period.FIRST_HALF,
        minute=12,
        side=side,
        player_id=7,
        player_name=player,
        assist_id=8 if assist else None,
        assist_name=assist,
        goal_type=goal_type,
        detail=detail,
    )


def description(event: EventFact) -> str:
    [entry] = timeline([event], TEAMS, {})
    return entry.description


@pytest.mark.parametrize(
    ("event", "told"),
    [
        pytest.param(goal(), "Saka (Arsenal) scores.", id="no assist known"),
        pytest.param(goal(assist="Ødegaard"), "Saka (Arsenal) scores, assisted by Ødegaard.", id="assist"),
        pytest.param(
            goal(detail="header", assist="Ødegaard"),
            "Saka (Arsenal) scores (header), assisted by Ødegaard.",
            id="assist after the detail",
        ),
        pytest.param(
            goal(GoalType.PENALTY, assist="Rice"),
            "Saka (Arsenal) scores from the penalty spot, assisted by Rice.",
            id="penalty credited to the player who won it",
        ),
        pytest.param(
            goal(GoalType.PENALTY),
            "Saka (Arsenal) scores from the penalty spot.",
            id="penalty without assist",
        ),
        pytest.param(
            goal(GoalType.OWN_GOAL, side=Side.AWAY, player="Colwill"),
            "Colwill (Chelsea) puts it into his own net.",
            id="own goal",
        ),
    ],
)
def test_goal_line_names_the_assist_when_there_is_one(event, told):
    assert description(event) == told
