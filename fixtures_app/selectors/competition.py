"""A competition season's overview page: its tables, latest results, next fixtures and leaders."""

import datetime as dt
from dataclasses import dataclass

from fixtures_app.models import Season
from fixtures_app.models.competition import Sport
from fixtures_app.selectors.fixtures import FixtureRound, find_season, latest_and_next, season_fixtures
from fixtures_app.selectors.leaders import SeasonLeaders, season_leaders
from fixtures_app.selectors.tables import TablePayload, stage_table, table_stages


@dataclass(frozen=True)
class CompetitionPage:
    season: Season
    tables: list[TablePayload]
    latest: FixtureRound | None  # the round with the latest match played
    next: FixtureRound | None  # the round with the soonest match to play
    leaders: SeasonLeaders | None  # None for another sport: we keep its scores, not its scorers

    @property
    def football(self) -> bool:
        return self.season.competition.sport == Sport.FOOTBALL


def competition_page(
    competition_slug: str, season_slug: str, *, tz: dt.tzinfo | None = None
) -> CompetitionPage:
    """The season's overview in the reader's zone `tz`; raises Season.DoesNotExist."""
    season = find_season(competition_slug, season_slug)
    latest, following = latest_and_next(season_fixtures(season, tz=tz).rounds)
    football = season.competition.sport == Sport.FOOTBALL
    return CompetitionPage(
        season=season,
        tables=[stage_table(stage) for stage in table_stages(season)],
        latest=latest,
        next=following,
        leaders=season_leaders(season) if football else None,
    )
