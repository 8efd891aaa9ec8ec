"""Imports a season from an openfootball football.json file; safe to run again."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from feeds.imports import SeasonImportError, season_import
from football.standings import RULES

# Kick-off times in football.json are local to the match. UEFA publishes its kick-offs in
# Central European Time, so Europe/Paris stands for all its matches.
ZONES_BY_FILE_PREFIX = {
    "en": "Europe/London",
    "sco": "Europe/London",
    "es": "Europe/Madrid",
    "de": "Europe/Berlin",
    "it": "Europe/Rome",
    "fr": "Europe/Paris",
    "nl": "Europe/Amsterdam",
    "pt": "Europe/Lisbon",
    "uefa": "Europe/Paris",
}


class Command(BaseCommand):
    help = "Imports a season's matches from an openfootball football.json file (run again to update)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--competition", required=True, help="Competition name, e.g. 'Premier League'.")
        parser.add_argument("--season", required=True, help="Season, e.g. 2023/24.")
        parser.add_argument(
            "--rules", required=True, choices=sorted(RULES), help="Tie-break order of its tables."
        )
        parser.add_argument(
            "--timezone", help="Zone of the file's kick-off times (guessed from the file name)."
        )

    def handle(
        self, *args, file: Path, competition: str, season: str, rules: str, timezone, **options
    ) -> None:
        zone = timezone or self._zone_for(file)
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            report = season_import(
                data=data,
                competition_name=competition,
                season_name=season,
                rules=rules,
                zone=zone,
                progress=lambda matches: tqdm(
                    matches, desc="Importing", unit="match", file=sys.stderr, disable=None
                ),
            )
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{file} is not JSON: {error}.") from None
        except SeasonImportError as error:
            raise CommandError(str(error)) from None
        for problem in report.problems:
            self.stderr.write(f"Left out {problem}")
        self.stdout.write(
            f"{report.season}: {report.matches} matches ({report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.kept} kept with their events); "
            f"{report.teams_created} clubs created; {len(report.problems)} entries left out."
        )

    @staticmethod
    def _zone_for(file: Path) -> str:
        prefix = file.name.split(".")[0].split("-")[0]
        if prefix not in ZONES_BY_FILE_PREFIX:
            raise CommandError(f"Cannot tell the time zone of {file.name}'s kick-offs: give --timezone.")
        return ZONES_BY_FILE_PREFIX[prefix]
