"""The site's own Prometheus metrics, per server process (live delivery's are in live/metrics.py;
both are served at /metrics by matchcentre/health.py). Imports nothing of the apps, so that any
of them may count here.

Label values are fixed lists or URL pattern names, never anything a request chose: the number
of series stays bounded whatever is sent.
"""

from prometheus_client import Counter, Histogram

# A poll vote as it ended: counted; a repeat (the fan had voted: their first vote stands, or
# the same vote sent again); refused by the poll's rules or the form (closed, not an answer,
# a ballot cookie refused); refused as a flood (429); or paused, the counters out of reach (503).
VOTE_ACCEPTED, VOTE_REPEAT, VOTE_REFUSED = "accepted", "repeat", "refused"
VOTE_FLOOD, VOTE_PAUSED = "flood", "paused"
VOTE_OUTCOMES = (VOTE_ACCEPTED, VOTE_REPEAT, VOTE_REFUSED, VOTE_FLOOD, VOTE_PAUSED)
# Requests Django answered without resolving a view (an address no pattern matches).
NO_VIEW = "<unresolved>"

DEGRADED_WRITES = Counter(
    "matchcentre_degraded_writes",
    'Match changes saved but not sent live (Redis did not take the frame): answered "degraded".',
)
POLL_VOTES = Counter(
    "matchcentre_poll_votes",
    "Poll votes by outcome: accepted, repeat, refused, flood, paused.",
    ["outcome"],
)
REQUEST_LATENCY = Histogram(
    "matchcentre_request_duration_seconds",
    "Time Django took to answer a request, middleware included, by view (URL pattern name).",
    ["view"],
)
for _outcome in VOTE_OUTCOMES:
    POLL_VOTES.labels(_outcome)  # every series shown from the start, at 0


def vote_counted(outcome: str, votes: int = 1) -> None:
    """Counts `votes` votes that ended as `outcome` (one of VOTE_OUTCOMES)."""
    if outcome not in VOTE_OUTCOMES:
        raise ValueError(f"{outcome!r} is not a vote outcome: use one of {', '.join(VOTE_OUTCOMES)}")
    POLL_VOTES.labels(outcome).inc(votes)
