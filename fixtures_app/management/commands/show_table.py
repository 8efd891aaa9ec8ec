"""Prints a season's table as text, or as the JSON the API gives."""

import json

from django.core.management.base import BaseCommand, CommandError

from fixtures_app.management.commands._lookups import season_from
from fixtures_app.models import Stage
from fixtures_app.selectors.tables import StageRequired, TablePayload, season_table, table_json

HEADER = f"{'#':>3}  {'Team':<30}{'P':>3}{'W':>4}{'D':>4}{'L':>4}{'GF':>5}{'GA':>5}{'GD':>5}{'Pts':>5}  Form"


class Command(BaseCommand):
    help = "Shows a season's table, e.g. show_table premier-league --season 2023-24 [--json]."

    def add_arguments(self, parser) -> None:
        parser.add_argument("competition", help="Competition slug or name.")
        parser.add_argument("--season", required=True)
        parser.add_argument("--stage", help="Stage slug, for a season with several tables (e.g. group-a).")
        parser.add_argument("--json", action="store_true", help="Print the rows as the JSON API gives them.")

    def handle(self, *args, competition: str, season: str, stage: str | None, **options) -> None:
        found = season_from(competition, season)
        try:
            table = season_table(found.competition.slug, found.slug, stage)
        except Stage.DoesNotExist:
            raise CommandError(f"{found} has no table {stage or ''}".strip() + ".") from None
        except StageRequired as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(table_json(table), ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(text_lines(table)))


def text_lines(table: TablePayload) -> list[str]:
    title = (
        f"{table.competition} {table.season} · {table.stage}{' (provisional)' if table.provisional else ''}"
    )
    lines = [title, table.rules_label, "", HEADER]
    for row in table.rows:
        name = row.team + ("*" if row.deducted else "")
        lines.append(
            f"{row.position:>3}  {name[:29]:<30}{row.played:>3}{row.won:>4}{row.drawn:>4}{row.lost:>4}"
            f"{row.goals_for:>5}{row.goals_against:>5}{row.goal_difference:>+5}{row.points:>5}  {row.form}"
        )
    for row in table.deducted_rows:
        lines.append(f"* {row.team}: {row.deducted} points deducted ({'; '.join(row.deduction_reasons)})")
    return lines
