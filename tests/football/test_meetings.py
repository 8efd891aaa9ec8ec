"""Head-to-head records: no database."""

import pytest

from football.meetings import HeadToHead, Meeting, head_to_head


@pytest.mark.parametrize(
    ("meetings", "expected"),
    [
        ([], HeadToHead(0, 0, 0)),
        ([Meeting("ATA", "LIV", 0, 1)], HeadToHead(0, 0, 1)),  # lost at home
        ([Meeting("LIV", "ATA", 0, 3)], HeadToHead(1, 0, 0)),  # won away
        ([Meeting("ATA", "LIV", 2, 2)], HeadToHead(0, 1, 0)),
        # Level after extra time and won on penalties: a draw, as head-to-head records count it.
        ([Meeting("LIV", "ATA", 1, 1)], HeadToHead(0, 1, 0)),
        (
            [Meeting("LIV", "ATA", 0, 3), Meeting("ATA", "LIV", 0, 1), Meeting("ATA", "LIV", 1, 0)],
            HeadToHead(2, 0, 1),
        ),
    ],
)
def test_head_to_head_counts_wins_at_either_ground_from_the_first_sides_view(meetings, expected):
    record = head_to_head("ATA", meetings)
    assert record == expected
    assert record.played == len(meetings)
