"""Replaying real provider feeds into MatchCentre, as if an editor were entering them.

The parsers (`statsbomb`, `opta`) are pure: JSON in, a provider-neutral `ReplayMatch`
out (see `steps`). `setup` builds the match and its line-ups, `player` plays the steps
through the editors' write path in match time, `summary` reads the result back.
"""

from feeds.replay.opta import is_opta, parse_opta
from feeds.replay.statsbomb import is_statsbomb, parse_statsbomb
from feeds.replay.steps import FeedError, ReplayMatch


def parse_feed(data, lineups: list | None = None) -> ReplayMatch:
    """A replay from a feed's JSON, whichever provider's it is (StatsBomb takes its line-ups)."""
    if is_opta(data):
        return parse_opta(data)
    if is_statsbomb(data):
        return parse_statsbomb(data, lineups)
    raise FeedError(
        "Unknown feed: expected StatsBomb events (a list) or an Opta MA3 match (matchInfo, liveData)."
    )


def feed_key(file_name: str) -> str:
    """The name a feed file's replay is known by: `statsbomb_15986_events.json` → `statsbomb_15986`."""
    stem = file_name.rsplit("/", 1)[-1].removesuffix(".json").removesuffix("_events")
    return stem[:60]
