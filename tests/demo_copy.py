"""The demo, loaded once per test run and put back for each test that asks for it (the `demo`
fixture, tests/conftest.py).

Loading the demo takes seconds: it plays two matches event by event and imports a season.
Putting its rows back takes a few milliseconds. The first test to ask loads it in a
transaction, keeps its rows and rolls it back; every test then gets the rows put back in its
own transaction, so whatever a test changes goes with its rollback (or with the flush after a
transactional test), and the next test finds the demo as load_demo left it.

Two things differ from loading afresh, on purpose:
- Dates Django sets on save (`auto_now`, `auto_now_add`) read the time the rows are put back,
  as they would read the time of a fresh load.
- Rows the database holds before the demo (the content types and permissions that migrate
  makes, and that a flush makes anew under other ids) are not copied: a demo row that points
  at one is put back pointing at the one with the same natural key.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from demo import loader, today

# The demo's match in play goes stale (loader.STALE_AFTER) this long after it is placed; a copy
# older than half that is loaded again, so no test meets a demo that load_demo would place anew.
KEPT_FOR = (loader.STALE_AFTER - dt.timedelta(minutes=today.LIVE_MATCH["minutes_ago"])) / 2

Model = type[models.Model]
# The rows migrate makes, and a flush makes anew under other ids.
MIGRATE_MADE = {ContentType, Permission}


@dataclass(frozen=True)
class Table:
    model: Model
    columns: list[str]
    rows: list[tuple[Any, ...]]
    natural_keys: dict[int, Model]  # column index → the model whose natural key it holds


@dataclass(frozen=True)
class DemoCopy:
    loaded_at: dt.datetime
    notes: list[str]
    tables: list[Table]


_copy: DemoCopy | None = None


def demo_put_back() -> list[str]:
    """Puts the demo in the database, loading it first when no copy is fresh; returns load_demo's notes."""
    global _copy
    if _copy is None or timezone.now() - _copy.loaded_at > KEPT_FOR:
        _copy = demo_copy_load()
    _put_back(_copy)
    return list(_copy.notes)


def demo_copy_load() -> DemoCopy:
    """Loads the demo in a transaction, keeps its rows, and rolls it back."""
    every = [model for model in apps.get_models(include_auto_created=True) if _copied(model)]
    with transaction.atomic():
        counts = {model: model._base_manager.count() for model in every}
        there_before = {model for model, count in counts.items() if count}
        if there_before - MIGRATE_MADE:
            raise RuntimeError(
                "the demo copy is loaded on a database with no test data, but "
                f"{', '.join(sorted(model._meta.label for model in there_before - MIGRATE_MADE))} has rows: "
                "ask for the `demo` fixture before any fixture that writes"
            )
        loaded_at = timezone.now()
        notes = loader.load_demo(now=loaded_at)
        if any(model._base_manager.count() != counts[model] for model in there_before):
            raise RuntimeError("the demo added content types or permissions: the demo copy leaves those out")
        tables = [_table(model, there_before) for model in every if model not in there_before]
        transaction.set_rollback(True)
    return DemoCopy(loaded_at, notes, [table for table in tables if table.rows])


def _copied(model: Model) -> bool:
    return model._meta.managed and not model._meta.proxy


def _table(model: Model, there_before: set[Model]) -> Table:
    if model._meta.parents:
        raise RuntimeError(f"{model._meta.label} inherits a table: the demo copy cannot put it back")
    fields = model._meta.concrete_fields
    natural_keys = {
        index: field.related_model
        for index, field in enumerate(fields)
        if field.is_relation and field.related_model in there_before
    }
    keys_by_pk = {
        index: {pk: key for key, pk in _pks_by_natural_key(related).items()}
        for index, related in natural_keys.items()
    }
    columns = [field.attname for field in fields]
    rows = model._base_manager.order_by("pk").values_list(*columns)
    return Table(model, columns, [_swapped(row, keys_by_pk) for row in rows], natural_keys)


def _pks_by_natural_key(model: Model) -> dict[tuple, Any]:
    return {row.natural_key(): row.pk for row in model._base_manager.select_related()}


def _swapped(row: tuple, swaps: dict[int, dict]) -> tuple:
    """The row with each value of a column in `swaps` (column index → {value: new value}) swapped."""
    return tuple(
        swaps[index][value] if index in swaps and value is not None else value
        for index, value in enumerate(row)
    )


def _put_back(copy: DemoCopy) -> None:
    with transaction.atomic():  # one transaction: foreign keys are checked once every row is back
        for table in copy.tables:
            pks = {index: _pks_by_natural_key(related) for index, related in table.natural_keys.items()}
            table.model._base_manager.bulk_create(
                table.model(**dict(zip(table.columns, _swapped(row, pks), strict=True))) for row in table.rows
            )
        # PostgreSQL's sequences do not move for rows inserted with their ids: the test's own rows
        # must not collide with them.
        models_back = [table.model for table in copy.tables]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models_back):
                cursor.execute(statement)
