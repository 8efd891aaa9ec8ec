"""How a poll's votes are shown as shares of the whole.

- Each answer's share is a percentage to one decimal place, and the shares of a poll with
  votes always add up to exactly 100.0: 122 and 269 of 391 votes show as 31.2% and 68.8%.
- Shares are rounded by largest remainder: every answer gets its share rounded down to the
  tenth, and the tenths still missing from 100.0 go one each to the answers that lost most
  in rounding down.
- Answers that lost the same amount are settled by more votes first, then by the order the
  answers are listed in, so the same counts always show the same shares and an answer never
  shows less than one with fewer votes.
- A poll without votes shows every answer at 0.0%.

Shares are worked out in whole tenths of a percent, so nothing here depends on how floating
point numbers round.
"""

from collections.abc import Sequence

TENTHS_IN_WHOLE = 1000


def shares_in_tenths(counts: Sequence[int]) -> tuple[int, ...]:
    """Each answer's share in tenths of a percent; they add up to 1000 when there are votes."""
    if any(count < 0 for count in counts):
        raise ValueError("A vote count cannot be negative.")
    total = sum(counts)
    if total == 0:
        return tuple(0 for _ in counts)
    floors = [count * TENTHS_IN_WHOLE // total for count in counts]
    remainders = [count * TENTHS_IN_WHOLE % total for count in counts]
    missing = TENTHS_IN_WHOLE - sum(floors)
    first_to_round_up = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in first_to_round_up[:missing]:
        floors[i] += 1
    return tuple(floors)


def percentages(counts: Sequence[int]) -> tuple[float, ...]:
    """Each answer's share as a percentage to one decimal, e.g. (31.2, 68.8)."""
    return tuple(tenths / 10 for tenths in shares_in_tenths(counts))
