import datetime as dt

import pytest
from django.apps import apps
from django.core import serializers
from django.utils import timezone

from demo.loader import load_demo
from fixtures_app.models import Match

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
