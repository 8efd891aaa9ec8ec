"""How the database finds names for the search: PostgreSQL's full-text search, or a plain scan.

Both find the same rows (`search_text` states the rules): every word typed starts a word of one
of the row's names, accents and case aside. Only the order among the rows found may differ.

- PostgreSQL: a `simple` (no stemming, no stop words) tsvector of the names folded with
  `translate()`, punctuation made spaces, and a prefix tsquery (`'liverp':*`); ranked, the main
  name weighing more than the others. No extension is needed. A GIN index on the vector would
  speed it up past tens of thousands of rows; at a few thousand a scan is quick.
- Any other engine (SQLite in development): the names read into Python and matched there. Teams,
  players and competitions are thousands of rows at most, so this stays a few milliseconds.
"""

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any, Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Func, QuerySet, TextField, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

from fixtures_app.models import Team
from fixtures_app.selectors import search_text

TEAM_FIELDS = ("name", "short_name", "code", "aliases")

Found = tuple[list[Any], int]  # the first rows, best first, and how many there are in all


class Engine(Protocol):
    def find(self, rows: QuerySet, fields: Sequence[str], terms: Sequence[str], *, limit: int) -> Found:
        """The rows of `rows` whose `fields` (the main name first) hold every term."""

    def teams_with(self, term: str) -> QuerySet | list[int]:
        """The ids of the teams one of whose names holds `term`."""


class PostgresEngine:
    def find(self, rows: QuerySet, fields: Sequence[str], terms: Sequence[str], *, limit: int) -> Found:
        vector = _vector(fields)
        query = _prefix_query(terms)
        found = (
            rows.annotate(document=vector, rank=SearchRank(vector, query))
            .filter(document=query)
            .order_by("-rank", *fields[:1], "pk")
        )
        first = list(found[: limit + 1])
        return first[:limit], len(first) if len(first) <= limit else found.count()

    def teams_with(self, term: str) -> QuerySet:
        return (
            Team.objects.annotate(document=_vector(TEAM_FIELDS))
            .filter(document=_prefix_query([term]))
            .values("pk")
        )


def _folded(field: str) -> Func:
    """The field as the search reads it: accents off (`search_text.FOLD`), punctuation spaces.

    Punctuation goes because the tsvector parser reads `Bodø/Glimt` as `bodø` and a file path
    `/glimt`, which `glimt:*` would not find.
    """
    text = Cast(F(field), output_field=TextField())  # `aliases`, a JSON list, as its JSON text
    plain = Func(text, Value(search_text.FOLD_FROM), Value(search_text.FOLD_TO), function="translate")
    return Func(
        plain,
        Value("[^[:alnum:]]+"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def _vector(fields: Sequence[str]) -> SearchVector | CombinedExpression:
    main, *others = fields
    vector = SearchVector(_folded(main), config="simple", weight="A")
    if not others:
        return vector
    return vector + SearchVector(*(_folded(field) for field in others), config="simple", weight="B")


def _prefix_query(terms: Iterable[str]) -> SearchQuery:
    return SearchQuery(search_text.raw_prefix_query(terms), search_type="raw", config="simple")


class ScanEngine:
    def find(self, rows: QuerySet, fields: Sequence[str], terms: Sequence[str], *, limit: int) -> Found:
        names = rows.values_list("pk", *fields)  # in the model's own order
        scored = [(_exact_words(terms, texts), pk) for pk, *texts in names if _holds(terms, texts)]
        # Names with more whole words typed come first: `arsenal` before `arsenal de sarandi`...
        scored.sort(key=lambda score_and_pk: -score_and_pk[0])  # ...else the model's order, kept (stable)
        chosen = [pk for _, pk in scored[:limit]]
        by_pk = rows.in_bulk(chosen)
        return [by_pk[pk] for pk in chosen if pk in by_pk], len(scored)

    def teams_with(self, term: str) -> list[int]:
        return [pk for pk, words in self._team_words.items() if search_text.term_matches(term, words)]

    @cached_property
    def _team_words(self) -> dict[int, list[str]]:
        """Each team's words, read once for all the terms of a search."""
        return {pk: _words(texts) for pk, *texts in Team.objects.values_list("pk", *TEAM_FIELDS)}


def _words(texts: Iterable[Any]) -> list[str]:
    """The folded words of a row's names; `aliases` is a list of names."""
    found: list[str] = []
    for text in texts:
        for name in text if isinstance(text, list) else [text]:
            found.extend(search_text.words(str(name or "")))
    return found


def _holds(terms: Sequence[str], texts: Sequence[Any]) -> bool:
    return search_text.all_match(terms, _words(texts))


def _exact_words(terms: Sequence[str], texts: Sequence[Any]) -> int:
    words = set(_words(texts[:1]))
    return sum(term in words for term in terms)


def engine() -> Engine:
    """PostgreSQL's full-text search on PostgreSQL, the scan anywhere else."""
    return PostgresEngine() if connection.vendor == "postgresql" else ScanEngine()
