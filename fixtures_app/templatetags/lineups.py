"""`page|match_sheets`: the line-ups' pitch and lists of a match page's payload, for
`_lineups.html` (rendered once per change, for the page and the live message alike)."""

from django import template

from fixtures_app.selectors.lineups import MatchSheets, page_sheets
from fixtures_app.selectors.match import MatchPage

register = template.Library()


@register.filter
def match_sheets(page: MatchPage) -> MatchSheets:
    return page_sheets(page)
