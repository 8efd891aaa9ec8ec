"""A server process with an editor at work inside it, for test_fan_disconnects.py: Daphne
serving the site on the test database, and a thread replaying a real match through the
editors' services, so that its frames reach this process's sockets with the in-memory layer
as with Redis.

    python -m tests.faults.replay_server <port> <plan.json>

The plan names the feed, its line-ups, the speed and the seed. When the editor is done, what
it did is written beside the plan (`<plan>.done.json`)."""

# isort: off
from daphne.server import Server  # first: it installs Twisted's asyncio reactor
from matchcentre.asgi import application  # then Django, set up before any model is imported

# isort: on
import json
import random
import sys
import threading
import time
import traceback
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from feeds.replay import feed_key, parse_feed
from feeds.replay.player import replay_play
from feeds.replay.setup import replay_user
from fixtures_app.models import MatchEvent
from fixtures_app.services.events import SYSTEM_KINDS, match_correct_event, match_delete_event
from tests.faults.servers import done_file


def main(port: int, plan_file: Path) -> None:
    plan = json.loads(plan_file.read_text())
    threading.Thread(target=edit, args=(plan, done_file(plan_file)), daemon=True).start()
    Server(application=application, endpoints=[f"tcp:port={port}:interface=127.0.0.1"]).run()


def edit(plan: dict, done: Path) -> None:
    """The editor: the replay, now and then a wording fixed just after saving it, and after full
    time two deletions (one a goal, so the score moves back)."""
    rng = random.Random(plan["seed"])
    corrections = 0
    try:
        lineups = read(plan["lineups"]) if plan["lineups"] else None
        replay, key, editor = parse_feed(read(plan["feed"]), lineups), feed_key(plan["feed"]), replay_user()

        def fix_wording(line: str) -> None:
            nonlocal corrections
            event = events(key).order_by("-pk").first()
            if event is not None and rng.random() < 0.2:
                text = f"{event.text} (wording fixed)".strip()
                match_correct_event(event=event, expected_version=event.version, text=text, by=editor)
                corrections += 1

        kickoff = replay.kickoff or timezone.now()
        report = replay_play(
            replay=replay, key=key, kickoff=kickoff, speed=plan["speed"], progress=fix_wording
        )
        goal = rng.choice(list(events(key).filter(kind="goal")))
        others = list(events(key).exclude(pk=goal.pk))
        rng.shuffle(others)
        deleted = 0
        for event in (goal, *others):
            time.sleep(rng.uniform(0.05, 0.3))
            try:
                match_delete_event(event=event, by=editor)
            except ValidationError:  # e.g. the first yellow of a second yellow: the editor picks another
                continue
            deleted += 1
            if deleted == 2:
                break
        result = {"refused": report.refusals, "corrections": corrections, "deletions": deleted}
    except BaseException:
        result = {"failed": traceback.format_exc()}
    finally:
        connection.close()
    written = done.with_suffix(".tmp")
    written.write_text(json.dumps(result))
    written.rename(done)  # whole, or not there


def events(key: str):
    return MatchEvent.objects.filter(match__round_name=key).exclude(kind__in=SYSTEM_KINDS)


def read(path: str):
    return json.loads(Path(path).read_text(encoding="utf-8"))


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
