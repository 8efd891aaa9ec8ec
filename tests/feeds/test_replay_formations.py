"""A replay keeps each side's formation and shirt numbers, and puts its starters in the order the
pitch draws them: goalkeeper, then each line from the back, from the right."""

import json

import pytest
from django.utils import timezone

from feeds.replay import parse_feed
from feeds.replay.formations import formation_of, opta_formation
from feeds.replay.opta import parse_opta
from feeds.replay.setup import replay_prepare
from feeds.replay.statsbomb import parse_statsbomb
from fixtures_app.models import LineupEntry
from tests.feeds.replay_feeds import (
    SB_AWAY,
    SB_HOME,
    opta_feed,
    sb_event,
    statsbomb_events,
    statsbomb_lineups,
)


@pytest.mark.parametrize(
    ("written", "formation"),
    [(4231, "4-2-3-1"), ("41221", "4-1-2-2-1"), (3232, "3-2-3-2"), (4431, ""), (None, ""), ("", "")],
)
def test_a_feeds_formation_is_written_the_sites_way_or_left_unknown(written, formation):
    assert formation_of(written) == formation


@pytest.mark.parametrize(
    ("code", "formation"),
    [("8", "4-2-3-1"), ("4", "4-3-3"), ("5", "4-5-1"), ("22", ""), ("99", ""), (None, "")],
)
def test_opta_formation_numbers_are_read_from_its_table(code, formation):
    assert opta_formation(code) == formation


def eleven(team: dict, first: int, formation: int, positions: list[tuple[int, str]]) -> dict:
    lineup = [
        {
            "player": {"id": first + index, "name": f"{name} {first + index}"},
            "position": {"id": pid, "name": name},
        }
        for index, (pid, name) in enumerate(positions)
    ]
    return sb_event(35, "Starting XI", 1, 0, team=team, tactics={"formation": formation, "lineup": lineup})


# A 3-4-3 whose wing backs StatsBomb numbers before the centre midfielders, listed out of order.
THREE_FOUR_THREE = [
    (23, "Center Forward"),
    (5, "Left Center Back"),
    (1, "Goalkeeper"),
    (8, "Left Wing Back"),
    (3, "Right Center Back"),
    (7, "Right Wing Back"),
    (4, "Center Back"),
    (13, "Right Center Midfield"),
    (15, "Left Center Midfield"),
    (21, "Left Wing"),
    (17, "Right Wing"),
]


def test_statsbomb_starters_go_from_the_back_each_line_from_the_right():
    events = [eleven(SB_HOME, 1, 343, THREE_FOUR_THREE), eleven(SB_AWAY, 101, 442, THREE_FOUR_THREE)]
    home = parse_statsbomb(events).home
    assert home.formation == "3-4-3"
    assert [player.name.rsplit(" ", 1)[0] for player in home.players] == [
        "Goalkeeper",
        "Right Center Back",
        "Center Back",
        "Left Center Back",
        "Right Wing Back",
        "Right Center Midfield",
        "Left Center Midfield",
        "Left Wing Back",
        "Right Wing",
        "Center Forward",
        "Left Wing",
    ]


def test_a_formation_that_does_not_fit_the_eleven_keeps_statsbombs_order_from_the_back():
    events = [eleven(SB_HOME, 1, 4431, THREE_FOUR_THREE), eleven(SB_AWAY, 101, 442, THREE_FOUR_THREE)]
    home = parse_statsbomb(events).home
    assert home.formation == ""
    assert home.players[0].position == "Goalkeeper" and home.players[-1].name.startswith("Center Forward")


def test_opta_starters_go_goalkeeper_defenders_midfielders_forwards_full_backs_outside():
    feed = opta_feed()
    feed["liveData"]["event"][0]["qualifier"].append({"qualifierId": 130, "value": "2"})
    home = parse_opta(feed).home
    assert home.formation == "4-4-2"
    starters = [player.id for player in home.players if player.starter]
    # Place 2 (right back) first and place 3 (left back) last of the back four.
    assert starters[:5] == ["h1", "h2", "h4", "h5", "h3"]
    assert [player.position for player in home.players if player.starter] == [
        "Goalkeeper",
        *["Defender"] * 4,
        *["Midfielder"] * 4,
        *["Forward"] * 2,
    ]


@pytest.mark.django_db
def test_the_replayed_match_keeps_the_formations_and_shirt_numbers():
    fixture = replay_prepare(
        replay=parse_statsbomb(statsbomb_events(), statsbomb_lineups()),
        key="sb-formation",
        kickoff=timezone.now(),
    )
    match = fixture.match
    match.refresh_from_db()
    assert (match.home_formation, match.away_formation) == ("4-4-2", "4-4-2")
    assert LineupEntry.objects.filter(match=match, shirt_number__isnull=False).exists()


REAL_FEEDS = {
    # feed: (line-ups, home formation, away formation, a home starter and his shirt number)
    "statsbomb_15986_events.json": (
        "statsbomb_15986_lineups.json",
        "4-1-2-2-1",
        "3-2-3-2",
        ("Lionel Messi", 10),
    ),
    "statsbomb_3788741_events.json": (
        "statsbomb_3788741_lineups.json",
        "4-1-4-1",
        "4-3-3",
        ("Burak Yılmaz", 17),
    ),
    "opta_ma3_hamburg-sandhausen_2021-09-11.json": (None, "4-3-3", "4-5-1", ("R. Glatzel", 9)),
}


@pytest.mark.needs_data
@pytest.mark.django_db
@pytest.mark.parametrize("feed", REAL_FEEDS)
def test_real_feeds_formations_and_shirt_numbers_reach_the_match_and_its_pitch(shared_data, client, feed):
    lineups, home_formation, away_formation, (name, number) = REAL_FEEDS[feed]
    folder = shared_data / "events"
    data = json.loads((folder / feed).read_text(encoding="utf-8"))
    listed = json.loads((folder / lineups).read_text(encoding="utf-8")) if lineups else None
    replay = parse_feed(data, listed)
    match = replay_prepare(replay=replay, key=feed, kickoff=replay.kickoff or timezone.now()).match
    match.refresh_from_db()
    assert (match.home_formation, match.away_formation) == (home_formation, away_formation)
    assert LineupEntry.objects.get(match=match, player__known_as=name).shirt_number == number
    content = client.get(match.get_absolute_url()).content.decode()
    assert content.count('class="shirt"') == 22
    assert f">{home_formation}</span>" in content and f">{away_formation}</span>" in content
