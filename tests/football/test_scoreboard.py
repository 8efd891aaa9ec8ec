import pytest

from football.scoreboard import status_line
from football.scoring import Score
from football.status import Status


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": Status.FULL_TIME, "clock": "FT", "half_time": Score(0, 1)}, "FT (HT: 0-1)"),
        ({"status": Status.FULL_TIME, "clock": "FT"}, "FT"),
        ({"status": Status.SECOND_HALF, "clock": "90+1'", "half_time": Score(0, 1)}, "90+1'"),
        ({"status": Status.HALF_TIME, "clock": "HT", "half_time": Score(1, 1)}, "HT"),
        ({"status": Status.AFTER_EXTRA_TIME, "clock": "AET", "normal_time": Score(1, 1)}, "AET (90': 1-1)"),
        (
            {
                "status": Status.AFTER_PENALTIES,
                "clock": "Pens",
                "score": Score(2, 2),
                "penalties": Score(4, 3),
            },
            "Pens 4-3 (AET 2-2)",
        ),
        ({"status": Status.ABANDONED, "clock": "Abandoned"}, "Abandoned"),
        ({"status": Status.SCHEDULED, "clock": ""}, ""),
    ],
)
def test_status_line_reads_as_a_match_page_prints_it(fields, expected):
    assert status_line(**fields) == expected
