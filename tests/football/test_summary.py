"""Key-event lines under the score: scorers and cards per side, as a fan reads them."""

from dataclasses import replace

import pytest

from football.events import EventFact, EventKind, GoalType, Period, Side, VarDecision
from football.summary import KeyEntry, SideSummary, key_events

HOME, AWAY = Side.HOME, Side.AWAY
P1, P2, ET1, ET2, PENS = Period


def goal(
    id: int,
    side: Side,
    name: str,
    minute: int,
    added_minute: int = 0,
    goal_type: GoalType = GoalType.OPEN_PLAY,
    period: Period | None = None,
) -> EventFact:
    period = period or (P1 if minute <= 45 else P2)
    return EventFact(
        id=id,
        kind=EventKind.GOAL,
        period=period,
        minute=minute,
        added_minute=added_minute,
        side=side,
        player_name=name,
        goal_type=goal_type,
    )


def card(id: int, side: Side, name: str, kind: EventKind, minute: int, added_minute: int = 0) -> EventFact:
    period = P1 if minute <= 45 else P2
    return EventFact(
        id=id, kind=kind, period=period, minute=minute, added_minute=added_minute, side=side, player_name=name
    )


def var(id: int, reverses_id: int, decision: VarDecision) -> EventFact:
    return EventFact(
        id=id, kind=EventKind.VAR, period=P2, minute=89, var_decision=decision, reverses_id=reverses_id
    )


@pytest.mark.parametrize(
    ("event", "side", "text", "kind"),
    [
        (goal(1, HOME, "Salah", 7, goal_type=GoalType.PENALTY), HOME, "Salah (7' pen.)", "penalty"),
        (goal(1, AWAY, "Koopmeiners", 77), AWAY, "Koopmeiners (77')", "goal"),
        (goal(1, AWAY, "Ruggeri", 52, goal_type=GoalType.OWN_GOAL), HOME, "Ruggeri (52' o.g.)", "own_goal"),
        (goal(1, HOME, "", 52, goal_type=GoalType.OWN_GOAL), AWAY, "(52' o.g.)", "own_goal"),
        (goal(1, HOME, "Núñez", 45, 2), HOME, "Núñez (45+2')", "goal"),
        (goal(1, AWAY, "Lookman", 90, 4), AWAY, "Lookman (90+4')", "goal"),
        (goal(1, AWAY, "De Ketelaere", 118, period=ET2), AWAY, "De Ketelaere (118')", "goal"),
        (goal(1, HOME, "Gakpo", 105, 1, GoalType.PENALTY, ET1), HOME, "Gakpo (105+1' pen.)", "penalty"),
    ],
)
def test_goal_is_listed_under_the_side_it_counts_for(
    event: EventFact, side: Side, text: str, kind: str
) -> None:
    summary = key_events([event])
    assert summary[side].goals == (KeyEntry(player_name=event.player_name, text=text, kind=kind),)
    assert summary[side.other].goals == ()


@pytest.mark.parametrize(
    ("events", "home_line", "away_line"),
    [
        (
            [goal(3, AWAY, "Scamacca", 60), goal(1, AWAY, "Scamacca", 38), goal(4, AWAY, "Pašalić", 90, 1)],
            "",
            "Scamacca (38', 60'), Pašalić (90+1')",
        ),
        ([goal(1, HOME, "Saka", 12), goal(2, HOME, "Saka", 60)], "Saka (12', 60')", ""),
        (
            [goal(1, HOME, "Salah", 7, goal_type=GoalType.PENALTY), goal(2, HOME, "Salah", 60)],
            "Salah (7' pen., 60')",
            "",
        ),
        (
            [goal(1, HOME, "Núñez", 20), goal(2, HOME, "Gakpo", 30), goal(3, HOME, "Núñez", 45, 2)],
            "Núñez (20', 45+2'), Gakpo (30')",
            "",
        ),
        (
            [goal(1, AWAY, "Ruggeri", 52, goal_type=GoalType.OWN_GOAL), goal(2, AWAY, "Ruggeri", 70)],
            "Ruggeri (52' o.g.)",
            "Ruggeri (70')",
        ),
        ([goal(1, HOME, "", 10), goal(2, HOME, "", 20)], "(10'), (20')", ""),
        (
            [
                goal(1, AWAY, "Scamacca", 38),
                goal(2, AWAY, "Scamacca", 99, period=ET1),
                goal(3, AWAY, "Scamacca", 1, period=PENS),
            ],
            "",
            "Scamacca (38', 99')",
        ),
    ],
)
def test_a_scorer_is_named_once_with_every_goal_in_match_order(
    events: list[EventFact], home_line: str, away_line: str
) -> None:
    summary = key_events(events)
    assert summary[HOME].goals_line == home_line
    assert summary[AWAY].goals_line == away_line


def test_a_scorers_entry_keeps_its_goals_kind_when_they_share_one() -> None:
    events = [
        goal(1, AWAY, "Ruggeri", 52, goal_type=GoalType.OWN_GOAL),
        goal(2, AWAY, "Ruggeri", 80, goal_type=GoalType.OWN_GOAL),
        goal(3, HOME, "Salah", 7, goal_type=GoalType.PENALTY),
        goal(4, HOME, "Salah", 60),
    ]
    summary = key_events(events)
    assert [(entry.text, entry.kind) for entry in summary[HOME].goals] == [
        ("Salah (7' pen., 60')", "goal"),
        ("Ruggeri (52' o.g., 80' o.g.)", "own_goal"),
    ]


@pytest.mark.parametrize(
    ("events", "home_line", "away_line"),
    [
        ([goal(1, HOME, "Salah", 7), var(2, 1, VarDecision.GOAL_DISALLOWED)], "", ""),
        (
            [
                goal(1, AWAY, "Scamacca", 38, goal_type=GoalType.PENALTY),
                var(2, 1, VarDecision.PENALTY_OVERTURNED),
            ],
            "",
            "",
        ),
        (
            [
                goal(1, AWAY, "Ruggeri", 52, goal_type=GoalType.OWN_GOAL),
                var(2, 1, VarDecision.GOAL_DISALLOWED),
            ],
            "",
            "",
        ),
        (
            [
                goal(1, HOME, "Salah", 20),
                goal(2, HOME, "Salah", 120, goal_type=GoalType.PENALTY, period=PENS),
                goal(3, AWAY, "Lookman", 120, goal_type=GoalType.PENALTY, period=PENS),
            ],
            "Salah (20')",
            "",
        ),
    ],
)
def test_disallowed_goals_and_shootout_kicks_are_not_listed(
    events: list[EventFact], home_line: str, away_line: str
) -> None:
    summary = key_events(events)
    assert (summary[HOME].goals_line, summary[AWAY].goals_line) == (home_line, away_line)


@pytest.mark.parametrize(
    ("event", "text", "kind"),
    [
        (card(1, AWAY, "Hien", EventKind.YELLOW, 43), "Hien (43')", "yellow"),
        (
            card(1, AWAY, "Zappacosta", EventKind.SECOND_YELLOW, 90, 1),
            "Zappacosta (90+1' 2nd yellow, sent off)",
            "second_yellow",
        ),
        (card(1, AWAY, "Mancini", EventKind.RED, 33), "Mancini (33' sent off)", "red"),
    ],
)
def test_card_is_listed_under_the_booked_players_side(event: EventFact, text: str, kind: str) -> None:
    summary = key_events([event])
    assert summary[AWAY].cards == (KeyEntry(player_name=event.player_name, text=text, kind=kind),)
    assert summary[HOME].cards == ()


def test_cards_line_lists_cards_in_match_order() -> None:
    events = [
        card(3, AWAY, "Zappacosta", EventKind.SECOND_YELLOW, 90, 1),
        card(1, AWAY, "Zappacosta", EventKind.YELLOW, 30),
        card(2, AWAY, "Hien", EventKind.YELLOW, 43),
        card(4, HOME, "Endo", EventKind.YELLOW, 45, 1),
    ]
    summary = key_events(events)
    assert summary[AWAY].cards_line == "Zappacosta (30'), Hien (43'), Zappacosta (90+1' 2nd yellow, sent off)"
    assert summary[HOME].cards_line == "Endo (45+1')"


def test_rescinded_red_is_not_listed() -> None:
    events = [card(1, HOME, "Van Dijk", EventKind.RED, 33), var(2, 1, VarDecision.RED_RESCINDED)]
    assert key_events(events)[HOME].cards == ()


def test_both_sides_are_present_when_nothing_happened() -> None:
    assert key_events([]) == {HOME: SideSummary(), AWAY: SideSummary()}
    assert key_events([])[HOME].goals_line == ""


def test_other_events_are_not_key_events() -> None:
    events = [
        EventFact(id=1, kind=EventKind.MISSED_PENALTY, period=P1, minute=12, side=HOME, player_name="Salah"),
        EventFact(id=2, kind=EventKind.SUBSTITUTION, period=P2, minute=60, side=AWAY, player_name="Scamacca"),
        EventFact(id=3, kind=EventKind.COMMENTARY, period=P2, minute=61, detail="What a save."),
    ]
    assert key_events(events) == {HOME: SideSummary(), AWAY: SideSummary()}


def test_each_entry_names_its_player_by_id_for_his_link() -> None:
    events = [
        replace(goal(1, HOME, "Salah", 7), player_id=11),
        replace(goal(2, HOME, "Salah", 60), player_id=11),
        replace(card(3, AWAY, "Hien", EventKind.YELLOW, 43), player_id=4),
    ]
    summary = key_events(events)
    assert [(entry.text, entry.player_id) for entry in summary[HOME].goals] == [("Salah (7', 60')", 11)]
    assert [(entry.text, entry.player_id) for entry in summary[AWAY].cards] == [("Hien (43')", 4)]


def test_two_scorers_of_the_same_name_are_listed_apart() -> None:
    events = [
        replace(goal(1, HOME, "Silva", 10), player_id=3),
        replace(goal(2, HOME, "Silva", 20), player_id=33),
        replace(goal(3, HOME, "Silva", 30), player_id=3),
    ]
    assert [(entry.text, entry.player_id) for entry in key_events(events)[HOME].goals] == [
        ("Silva (10', 30')", 3),
        ("Silva (20')", 33),
    ]
