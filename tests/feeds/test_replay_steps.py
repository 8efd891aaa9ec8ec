"""The replay's clock and figures, without a database."""

import pytest

from feeds.replay import FeedError, feed_key, parse_feed
from feeds.replay.steps import match_minute, playing_position, possession_split
from football.events import Period


@pytest.mark.parametrize(
    ("period", "clock", "expected"),
    [
        (Period.FIRST_HALF, 0, (1, 0)),
        (Period.FIRST_HALF, 59, (1, 0)),
        (Period.FIRST_HALF, 60, (2, 0)),
        (Period.FIRST_HALF, 44 * 60 + 29, (45, 0)),
        (Period.FIRST_HALF, 45 * 60, (45, 1)),
        (Period.FIRST_HALF, 48 * 60 + 1, (45, 4)),
        (Period.SECOND_HALF, 45 * 60, (46, 0)),
        (Period.SECOND_HALF, 89 * 60, (90, 0)),
        (Period.SECOND_HALF, 91 * 60 + 42, (90, 2)),
        (Period.SECOND_HALF, 95 * 60 + 22, (90, 6)),
        (Period.EXTRA_FIRST_HALF, 90 * 60, (91, 0)),
        (Period.EXTRA_FIRST_HALF, 105 * 60 + 10, (105, 1)),
        (Period.EXTRA_SECOND_HALF, 105 * 60, (106, 0)),
        (Period.EXTRA_SECOND_HALF, 121 * 60, (120, 2)),
        (Period.PENALTIES, 3 * 60, (120, 0)),
    ],
)
def test_match_minute_counts_from_one_with_added_time_on_the_last_minute(period, clock, expected):
    assert match_minute(period, clock) == expected


@pytest.mark.parametrize(
    ("passes", "expected"),
    [((70, 30), (70, 30)), ((1, 2), (33, 67)), ((2, 1), (67, 33)), ((5, 0), (100, 0)), ((0, 0), None)],
)
def test_possession_is_the_share_of_passes_adding_up_to_100(passes, expected):
    assert possession_split(*passes) == expected


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Goalkeeper", "Goalkeeper"),
        ("Right Wing Back", "Defender"),
        ("Left Center Back", "Defender"),
        ("Center Defensive Midfield", "Midfielder"),
        ("Right Wing", "Forward"),
        ("Center Forward", "Forward"),
        ("", ""),
    ],
)
def test_playing_position_fits_a_line_up(name, role):
    assert playing_position(name) == role


@pytest.mark.parametrize(
    ("file_name", "key"),
    [
        ("statsbomb_15986_events.json", "statsbomb_15986"),
        ("../data/opta_ma3_hamburg-sandhausen_2021-09-11.json", "opta_ma3_hamburg-sandhausen_2021-09-11"),
    ],
)
def test_feed_key_names_the_replay_after_its_file(file_name, key):
    assert feed_key(file_name) == key


@pytest.mark.parametrize("data", [{}, [], {"matchInfo": {}}, [1, 2], "text"])
def test_an_unknown_feed_is_refused_clearly(data):
    with pytest.raises(FeedError, match="Unknown feed"):
        parse_feed(data)
