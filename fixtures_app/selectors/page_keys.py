"""What the match, home and table pages show, read without rendering them, for their ETags
(fixtures_app/views/edge.py): a page answered 304, or served from the cache of whole pages, is
never rendered.

Every change to a match raises its `seq` (or `version`, an edit in the admin) in the transaction
that makes it, so the matches' number and the sums of both move with any result, event or
status; the points deductions' number and sum with any deduction. The minute stands for the rest
on the home and table pages: the live games' minutes, the day's boundaries, a club renamed in
the admin.

The match page's key is what its cached parts are kept under (selectors/page_parts.py), read
without reading the parts: the match row with its clubs, stage and clock (read for the page
anyway); the matches around it (today's games, the two clubs' meetings) and its table's stage
(chosen as selectors/tables.py::table_stage_for_match chooses it), that season's deductions and
the articles (number, last edit, how many are due by now), all in one statement; and its polls as
every anonymous reader sees them, votes counted by option, in another
(polls.selectors.match_polls_shown).

These statements are written in SQL: they run on every page load, and building them with the
ORM cost several times what the database takes to answer them (bench/pages.py). They are
plain SQL that SQLite and PostgreSQL both run.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import connection

from articles.models import Article
from fixtures_app.models import Match, PointsDeduction, Season, Stage
from fixtures_app.models.competition import Competition, Sport
from fixtures_app.selectors.fixtures import day_bounds
from fixtures_app.selectors.match import match_heading, match_title, stage_line
from fixtures_app.selectors.page_parts import parts_key
from fixtures_app.selectors.tables import TABLE_KINDS
from polls.selectors import match_polls_shown

TABLES = {
    "competition": Competition._meta.db_table,
    "match": Match._meta.db_table,
    "deduction": PointsDeduction._meta.db_table,
    "stage": Stage._meta.db_table,
    "season": Season._meta.db_table,
    "article": Article._meta.db_table,
}
SUMS = "COUNT(m.id), MAX(m.id), SUM(m.seq), SUM(m.version)"
DEDUCTIONS = "COUNT(d.id), MAX(d.id), SUM(d.points)"

HOME_SQL = f"""SELECT * FROM (SELECT {SUMS} FROM {{match}} m) AS matches,
  (SELECT {DEDUCTIONS} FROM {{deduction}} d) AS deductions"""

SEASON_SQL = f"""WITH seasons AS (
  SELECT se.id FROM {{season}} se JOIN {{competition}} c ON c.id = se.competition_id
  WHERE c.slug = %s AND se.slug = %s)
SELECT * FROM
  (SELECT {SUMS} FROM {{match}} m JOIN {{stage}} s ON s.id = m.stage_id
   WHERE s.season_id IN (SELECT id FROM seasons)) AS matches,
  (SELECT {DEDUCTIONS} FROM {{deduction}} d WHERE d.season_id IN (SELECT id FROM seasons)) AS deductions"""

# The table's stage: the match's own, or the latest season's first table stage with a match.
OWN_STAGE = "SELECT s.id, s.season_id FROM {stage} s WHERE s.id = %s"
TABLE_STAGE = """SELECT s.id, s.season_id FROM {stage} s JOIN {season} se ON se.id = s.season_id
  WHERE se.competition_id = %s AND s.kind IN (%s, %s)
    AND EXISTS (SELECT 1 FROM {match} x WHERE x.stage_id = s.id)
  ORDER BY se.slug DESC, s."order", s.name LIMIT 1"""
MATCH_SQL = f"""WITH t AS ({{table_stage}})
SELECT * FROM
  (SELECT {SUMS} FROM {{match}} m WHERE (m.kickoff >= %s AND m.kickoff < %s)
     OR (m.home_team_id IN (%s, %s) AND m.away_team_id IN (%s, %s))) AS nearby,
  (SELECT MAX(t.id), {SUMS} FROM t LEFT JOIN {{match}} m ON m.stage_id = t.id) AS stage,
  (SELECT {DEDUCTIONS} FROM t JOIN {{deduction}} d ON d.season_id = t.season_id) AS deductions,
  (SELECT COUNT(a.id), MAX(a.updated_at), SUM(CASE WHEN a.published_at <= %s THEN 1 ELSE 0 END)
   FROM {{article}} a) AS articles"""


def home_key(*, now: dt.datetime) -> list[object]:
    return [_rows(HOME_SQL, []), _minute(now)]


def season_key(competition: str, season: str, *, now: dt.datetime) -> list[object]:
    return [_rows(SEASON_SQL, [competition, season]), _minute(now)]


def match_key(match: Match, *, now: dt.datetime, tz: dt.tzinfo, site_url: str) -> list[object]:
    """Everything the match page shows, for a reader in the zone `tz` (`match` read afresh with
    match_for_page)."""
    day = now.astimezone(tz).date()
    start, end = day_bounds(day, tz)
    pair = [match.home_team_id, match.away_team_id]
    table_stage, stage_params = _table_stage(match)
    sql = MATCH_SQL.replace("{table_stage}", table_stage)
    around = _rows(sql, [*stage_params, _when(start), _when(end), *pair, *pair, _when(now)])
    return [
        parts_key(match, now=now, site_url=site_url),
        [match.tie_id, match.leg, match_heading(match), match_title(match), stage_line(match, "")],
        [str(tz), day, around],
        match_polls_shown(match_id=match.pk, now=now),
        settings.LIVE_POLL_INTERVAL,
    ]


def _table_stage(match: Match) -> tuple[str, list[Any]]:
    if match.stage.season.competition.sport != Sport.FOOTBALL:
        return OWN_STAGE, [None]
    if match.stage.has_table:
        return OWN_STAGE, [match.stage_id]
    return TABLE_STAGE, [match.stage.season.competition_id, *map(str, TABLE_KINDS)]


def _rows(sql: str, params: Sequence[Any]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql.format(**TABLES), params)
        return cursor.fetchall()


def _when(moment: dt.datetime) -> Any:
    """A datetime as the database stores it (SQLite: text in UTC)."""
    return connection.ops.adapt_datetimefield_value(moment)


def _minute(now: dt.datetime) -> dt.datetime:
    return now.replace(second=0, microsecond=0)
