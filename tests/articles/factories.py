"""Makes articles for tests: published a day before the test's `NOW` unless told otherwise."""

import datetime as dt
import itertools

from articles.models import Article

NOW = dt.datetime(2024, 4, 18, 22, 0, tzinfo=dt.UTC)
_serial = itertools.count(1)


def make_article(**fields) -> Article:
    number = next(_serial)
    teams = fields.pop("teams", ())
    fields.setdefault("headline", f"Headline {number}")
    fields.setdefault("slug", f"article-{number}")
    fields.setdefault("standfirst", "A standfirst.")
    fields.setdefault("body", "Some words.")
    fields.setdefault("published_at", NOW - dt.timedelta(days=1))
    article = Article.objects.create(**fields)
    article.teams.set(teams)
    return article
