"""Replays a real match from a provider feed (StatsBomb events and line-ups, Opta MA3)."""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from feeds.replay import FeedError, feed_key, parse_feed
from feeds.replay.player import replay_play
from feeds.replay.summary import replay_summary


class Command(BaseCommand):
    help = (
        "Replays a real match from a StatsBomb or Opta MA3 feed through the editors' write path, "
        "in match time, so it can be watched live on its page. Replaying a feed again resets its match."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="StatsBomb events JSON or Opta MA3 match JSON.")
        parser.add_argument(
            "--lineups", type=Path, help="StatsBomb line-ups JSON (default: the *_lineups.json beside FILE)."
        )
        parser.add_argument(
            "--speed",
            type=float,
            default=60,
            help="Match seconds per real second; 0 plays at once (default 60).",
        )
        parser.add_argument(
            "--kickoff",
            help="Kick-off, ISO 8601 (e.g. 2018-09-23T18:45Z) or 'now'. Default: the feed's, else now.",
        )
        parser.add_argument("--competition", default="", help="Competition the match was played in.")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="End by printing the final snapshot as JSON."
        )

    def handle(self, *args, file: Path, lineups, speed, kickoff, competition, as_json: bool, **options):
        if speed < 0:
            raise CommandError("--speed cannot be negative.")
        try:
            replay = parse_feed(_read(file), _read(lineups) if lineups else _lineups_beside(file))
        except (FeedError, KeyError, TypeError) as error:
            raise CommandError(f"Cannot replay {file}: {error}") from None
        log = self.stderr if as_json else self.stdout
        report = replay_play(
            replay=replay,
            key=feed_key(file.name),
            kickoff=_kickoff(kickoff, replay.kickoff),
            speed=speed,
            competition=competition,
            progress=log.write,
        )
        match = report.match
        log.write(
            f"{'Reset and replayed' if report.reset else 'Replayed'} {match} (match {match.pk}, "
            f"{match.get_absolute_url()}): {report.recorded} steps recorded, {len(report.refusals)} refused."
        )
        for refusal in report.refusals:
            log.write(f"  refused {refusal}")
        if as_json:
            summary = replay_summary(match, now=timezone.now(), refusals=report.refusals)
            self.stdout.write(_dumps(summary))


def _read(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from None
    except json.JSONDecodeError as error:
        raise CommandError(f"{path} is not JSON: {error}.") from None


def _lineups_beside(file: Path):
    beside = file.with_name(file.name.replace("_events.json", "_lineups.json"))
    return _read(beside) if beside != file and beside.is_file() else None


def _kickoff(given: str | None, from_feed: dt.datetime | None) -> dt.datetime:
    if given is None:
        return from_feed or timezone.now()
    if given == "now":
        return timezone.now()
    try:
        moment = dt.datetime.fromisoformat(given)
    except ValueError:
        raise CommandError(f"--kickoff {given!r} is not an ISO 8601 date and time, nor 'now'.") from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, dt.UTC)


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
