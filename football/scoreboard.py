"""The status line under a scoreline, as a match page prints it.

In play the line is the clock (`67'`, `90+1'`); at half-time `HT`; at full time the
half-time score follows in brackets: `FT (HT: 0-1)`. After extra time the score at ninety
minutes is given (`AET (90': 1-1)`), and after a shoot-out its score (`Pens 4-3 (AET 2-2)`).
A match that has not kicked off shows nothing here; postponed, suspended and abandoned
matches say so.
"""

from football.scoring import Score
from football.status import Status


def status_line(
    *,
    status: Status,
    clock: str,
    score: Score | None = None,
    half_time: Score | None = None,
    normal_time: Score | None = None,
    penalties: Score | None = None,
) -> str:
    if status is Status.FULL_TIME:
        return f"FT (HT: {half_time})" if half_time else "FT"
    if status is Status.AFTER_EXTRA_TIME:
        return f"AET (90': {normal_time})" if normal_time else "AET"
    if status is Status.AFTER_PENALTIES:
        return f"Pens {penalties} (AET {score})" if penalties and score else "Pens"
    return clock
