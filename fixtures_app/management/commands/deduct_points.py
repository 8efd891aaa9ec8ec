"""Deducts points from a club for a season, with the reason its tables show."""

from django.core.management.base import BaseCommand, CommandError

from fixtures_app.management.commands._lookups import season_from, team_in
from fixtures_app.services.deductions import DeductionError, team_deduct_points


class Command(BaseCommand):
    help = "Deducts points from a club in a season, e.g. deduct_points premier-league --season 2023-24 ..."

    def add_arguments(self, parser) -> None:
        parser.add_argument("competition", help="Competition slug or name.")
        parser.add_argument("--season", required=True)
        parser.add_argument("--team", required=True, help="Club slug, name or alias.")
        parser.add_argument("--points", required=True, type=int)
        parser.add_argument("--reason", required=True)

    def handle(
        self, *args, competition: str, season: str, team: str, points: int, reason: str, **options
    ) -> None:
        found = season_from(competition, season)
        club = team_in(found, team)
        try:
            deduction = team_deduct_points(season=found, team=club, points=points, reason=reason)
        except DeductionError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{found}: {deduction}")
