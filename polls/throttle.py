"""When a poll's live tally goes out to the fans watching the match.

- A poll's tally is pushed at most once per interval (a few times a second), however fast
  the votes come in.
- The first vote after a quiet spell goes out at once.
- A vote that comes in sooner is never dropped: one push at the end of the interval carries
  it, and every other vote that came in meanwhile, so the last vote of a burst is published.
"""


def tally_push_delay(
    *, last_push_at: float | None, push_pending: bool, now: float, interval: float
) -> float | None:
    """Seconds to wait before pushing the tally for a vote that came in at `now`.

    0.0 means push now; None means a push already waiting will carry this vote. Times are in
    seconds on one clock (e.g. the event loop's).
    """
    if push_pending:
        return None
    if last_push_at is None:
        return 0.0
    return max(0.0, last_push_at + interval - now)
