"""When a failed webhook is tried again: the first retry after `first` seconds, each later one
after twice the last (1 s, 2 s, 4 s, …) up to `most`; each delay then drawn between half and
all of itself (jitter), so partners coming back up are not hit by every retry at once."""


def retry_delay(failures: int, *, first: float, most: float, draw: float) -> float:
    """Seconds to wait after the `failures`-th failure in a row (1 for the first); `draw` is a
    random number in [0, 1)."""
    nominal = min(most, first * 2 ** min(max(failures - 1, 0), 62))
    return nominal * (0.5 + draw / 2)
