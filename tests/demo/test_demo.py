import datetime as dt
import errno
import os
import pathlib

import pytest
from django.apps import apps
from django.core import serializers
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match
from fixtures_app.selectors.tables import table_for_match
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.django_db


def snapshot() -> str:
    models = [*apps.get_app_config("fixtures_app").get_models(), *apps.get_app_config("auth").get_models()]
    return "\n".join(serializers.serialize("json", model.objects.order_by("pk")) for model in models)


def test_loading_the_demo_twice_changes_nothing():
    now = timezone.now()
    load_demo(now=now)
    first = snapshot()
    load_demo(now=now + dt.timedelta(minutes=5))
    assert snapshot() == first


def test_demo_has_the_seed_tie_a_live_match_an_upcoming_one_and_a_finished_round():
    now = timezone.now()
    load_demo(now=now)
    second_leg = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool")
    assert (second_leg.home_score, second_leg.away_score, second_leg.status) == (0, 1, "full_time")
    assert (second_leg.home_half_time_score, second_leg.away_half_time_score) == (0, 1)
    assert second_leg.tie.legs.count() == 2
    assert Match.objects.in_play().football().exists()
    assert Match.objects.filter(kickoff__gt=now, status="scheduled").football().exists()
    assert Match.objects.filter(round_name="Matchday 38").finished().count() == 10


def test_stale_fixtures_around_today_are_placed_anew_the_next_day():
    now = timezone.now()
    load_demo(now=now)
    load_demo(now=now + dt.timedelta(days=1))
    live = Match.objects.in_play().football().get()
    assert live.kickoff > now + dt.timedelta(hours=20)


@pytest.fixture
def no_shared_data(monkeypatch):
    """../shared as a fresh clone has it: absent, whatever reads it through pathlib or open()."""
    workspace = os.path.realpath(SHARED_DATA.parent)

    def hidden(path) -> bool:
        # os.path, not pathlib: the guard itself must not stat through the patched Path.
        return isinstance(path, str | os.PathLike) and os.path.realpath(path).startswith(workspace + os.sep)

    def guard(read):
        def guarded(path, *args, **kwargs):
            if hidden(path):
                raise FileNotFoundError(errno.ENOENT, "hidden: a fresh clone has no ../shared", str(path))
            return read(path, *args, **kwargs)

        return guarded

    monkeypatch.setattr(pathlib.Path, "stat", guard(pathlib.Path.stat))
    monkeypatch.setattr(pathlib.Path, "open", guard(pathlib.Path.open))
    monkeypatch.setattr("builtins.open", guard(open))


def test_seed_page_has_its_league_phase_table_without_the_shared_data(no_shared_data):
    assert load_demo(now=timezone.now()) == []
    second_leg = Match.objects.get(home_team__name="Atalanta", away_team__name="Liverpool")
    table = table_for_match(second_leg)
    assert (table.competition, table.season, table.stage) == ("UEFA Europa League", "2024/25", "League Phase")
    assert len(table.rows) == 36
    assert {row.played for row in table.rows} == {4}
    assert (table.rows[0].team, table.rows[0].points) == ("Lazio", 12)
