"""Fans cut off at random moments while a real match is replayed live end with exactly the
editor's changes: every one, in order, once, and the page the server would draw now.

The replay runs inside the server process (tests/faults/replay_server.py: a thread, through
the editors' services), so its frames reach the server's sockets with the in-memory layer as
with Redis. Each fan keeps to live.js's rules (tests/faults/fan.py) and is cut off after a
random stay, half the time abruptly (no close frame, as when a phone loses signal), then
comes back with `?since=<last>`. The seed is printed; MATCHCENTRE_FAULT_SEED=<seed> plays the
same cuts again.
"""

import json
import os
import random
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import timezone

from feeds.replay import feed_key
from fixtures_app.models import Match, MatchUpdate
from fixtures_app.selectors.live import snapshot
from fixtures_app.selectors.updates import updates_since
from fixtures_app.services.events import match_record_event
from tests.faults.fan import FanPage
from tests.faults.servers import ServerProcess, done_file, free_port

pytestmark = [pytest.mark.needs_data, pytest.mark.django_db(transaction=True)]

# feed: its line-ups (Opta's are in the feed)
FEEDS = {
    "statsbomb_15986_events.json": "statsbomb_15986_lineups.json",
    "statsbomb_3788741_events.json": "statsbomb_3788741_lineups.json",
    "statsbomb_15946_events.json": "statsbomb_15946_lineups.json",
    "opta_ma3_hamburg-sandhausen_2021-09-11.json": None,
}


@dataclass
class Cuts:
    total: int = 0
    abrupt: int = 0


@pytest.mark.slow
def test_a_fan_cut_off_at_random_ends_with_exactly_the_editors_changes(
    shared_data, delivery_redis_url, tmp_path, figures
):
    feed = "statsbomb_15986_events.json"  # Barcelona 2-2 Girona: a red card, eight yellows
    replay_with_cuts(
        shared_data / "events", feed, delivery_redis_url, tmp_path, speed=1000, fans=3, figures=figures
    )


def test_a_catch_up_asked_while_a_change_commits_answers_the_missed_messages_not_a_snapshot(match):
    """The race the soak run found: the log read just after a change committed held one more
    message than the match's seq said, and the fan was sent a snapshot instead of its messages."""
    as_read = Match.objects.get(pk=match.pk)
    saka = match.lineup.get(player__known_as="Saka").player
    match_record_event(match=match, kind="goal", minute=21, team=match.home_team, player=saka)
    caught_up = updates_since(as_read, 0, now=timezone.now())
    assert [(message["type"], message["seq"]) for message in caught_up] == [("status_changed", 1)]


@pytest.mark.slow
@pytest.mark.soak
@pytest.mark.parametrize("feed", FEEDS)
def test_soak_four_fans_cut_off_through_each_real_match(
    shared_data, feed, delivery_redis_url, tmp_path, figures
):
    replay_with_cuts(
        shared_data / "events", feed, delivery_redis_url, tmp_path, speed=150, fans=4, figures=figures
    )


def replay_with_cuts(
    folder: Path, feed: str, redis_url: str, tmp_path: Path, *, speed: float, fans: int, figures
) -> None:
    seed = int(os.environ.get("MATCHCENTRE_FAULT_SEED") or random.randrange(1_000_000))
    print(f"MATCHCENTRE_FAULT_SEED={seed}")
    lineups = FEEDS[feed]
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "feed": str(folder / feed),
                "lineups": str(folder / lineups) if lineups else None,
                "speed": speed,
                "seed": seed,
            }
        )
    )
    port = free_port()
    argv = ["-m", "tests.faults.replay_server", str(port), str(plan)]
    server = ServerProcess(port, tmp_path / "server.log", argv=argv, REDIS_URL=redis_url)
    server.start()
    try:
        match = _wait_for_match(feed_key(feed))
        pages = [FanPage(f"ws://127.0.0.1:{port}", match.pk, seq=0) for _ in range(fans)]
        cuts = _cut_off_at_random(pages, seed, done_file(plan))
        editor = json.loads(done_file(plan).read_text())
        assert "failed" not in editor, editor.get("failed")
        match.refresh_from_db()
        for page in pages:
            page.follow_until(match.seq, timeout=15)
    finally:
        server.stop()

    log = list(MatchUpdate.objects.filter(match=match).order_by("seq").values_list("seq", "kind", "event_id"))
    final = snapshot(match, now=timezone.now())
    assert [seq for seq, _, _ in log] == list(range(1, match.seq + 1)), "the editor's log has gaps"
    assert editor["refused"] == []
    lost = 0
    for page in pages:
        lost += len({seq for seq, _, _ in log} - {seq for seq, _, _ in page.applied})
        assert (page.snapshots, page.errors) == (0, []), f"seed {seed}: a snapshot instead of messages"
        assert page.applied == log, f"seed {seed}: the fan's changes differ from the editor's"
        assert (page.order, page.entries, page.state) == (final["order"], final["entries"], final["state"])
    assert final["state"]["score"] == [match.home_score, match.away_score]
    figures(
        f"{match} replayed (seed {seed}): {len(log)} events replayed "
        f"({editor['corrections']} corrections, {editor['deletions']} deletions) to {fans} fan(s); "
        f"{sum(cut.total for cut in cuts)} disconnects injected ({sum(cut.abrupt for cut in cuts)} abrupt); "
        f"{sum(page.catch_ups for page in pages)} gaps caught up, "
        f"{sum(page.duplicates for page in pages)} repeats ignored; events lost: {lost}"
    )


def _wait_for_match(key: str, timeout: float = 20) -> Match:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = Match.objects.filter(round_name=key).first()
        if match is not None:
            return match
        time.sleep(0.01)
    raise AssertionError(f"the replay did not create its match {key}")


def _cut_off_at_random(pages: list[FanPage], seed: int, done: Path, *, limit: float = 600) -> list[Cuts]:
    """Each fan, in its own thread, stays 50–600 ms, is cut off, is away up to 400 ms, until done."""
    cuts = [Cuts() for _ in pages]
    failures = []
    deadline = time.monotonic() + limit

    def fan(index: int) -> None:
        rng = random.Random(seed * 100 + index)
        try:
            while not done.exists() and time.monotonic() < deadline:
                abrupt = rng.random() < 0.5
                pages[index].visit(rng.uniform(0.05, 0.6), abrupt=abrupt)
                cuts[index].total += 1
                cuts[index].abrupt += abrupt
                time.sleep(rng.uniform(0, 0.4))
        except Exception:
            failures.append(traceback.format_exc())

    threads = [threading.Thread(target=fan, args=(index,)) for index in range(len(pages))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures[0]
    return cuts
