"""`{% match_rules %}`: the football rules the pages' scripts need, rendered into the page once
as JSON (`<script type="application/json" id="match-rules">`, read by static/site/match_rules.js),
so that the clock and the scores follow football/ and no script keeps a copy of its own.

- `clock`: the statuses in which the clock runs, each with its period's first and last regular
  minutes (the penalty shoot-out has no running clock: football.clock.clock_display).
- `finished`: the statuses of a finished match.
- `in_play`: the statuses of a match in play (started, not finished, not abandoned).
"""

from functools import cache

from django import template
from django.utils.html import json_script
from django.utils.safestring import SafeString

from football.clock import PERIOD_MINUTES
from football.events import Period
from football.status import FINISHED, NOT_STARTED, PLAYING_PERIODS, TERMINAL, Status

register = template.Library()


def rules() -> dict[str, object]:
    """The rules as the page's scripts read them."""
    return {
        "clock": {
            str(status): {"first": PERIOD_MINUTES[period][0], "last": PERIOD_MINUTES[period][1]}
            for status, period in PLAYING_PERIODS.items()
            if period is not Period.PENALTIES
        },
        "finished": [str(status) for status in Status if status in FINISHED],
        "in_play": [str(status) for status in Status if status not in NOT_STARTED | TERMINAL],
    }


@register.simple_tag(name="match_rules")
@cache
def match_rules_script() -> SafeString:
    """The rules as a JSON script element; made once, the rules change only with a release."""
    return json_script(rules(), "match-rules")
