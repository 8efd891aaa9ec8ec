"""The world the bad-input cases are sent to, and a picture of the database to prove they changed nothing."""

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from feeds.models import IdempotentWrite
from feeds.tokens import api_token_create
from fixtures_app.models import LineupEntry, Match, MatchEvent, MatchStat, MatchUpdate, SquadMember
from fixtures_app.services.events import match_record_event
from newsletter.models import Subscriber
from polls.models import Poll, PollOption, Vote
from tests.factories import add_to_lineup, make_editor, make_match, make_open_poll, make_poll
from tests.feeds.api_helpers import live_match

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class World:
    ids: dict[str, int | str]
    editor: User
    fan: User
    key: str

    def fill(self, value):
        """The value with its `"{name}"` placeholders replaced by the world's ids."""
        if isinstance(value, dict):
            return {name: self.fill(item) for name, item in value.items()}
        if isinstance(value, list):
            return [self.fill(item) for item in value]
        if isinstance(value, str) and (placeholder := PLACEHOLDER.fullmatch(value)):
            return self.ids[placeholder[1]]
        return value

    def path(self, path: str) -> str:
        return path.format(**self.ids)

    def client(self, who: str) -> Client:
        client = Client()
        if who == "editor":
            client.force_login(self.editor)
        elif who == "fan":
            client.force_login(self.fan)
        elif who == "token":
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {self.key}"
        elif who == "staff":
            staff, _ = User.objects.get_or_create(
                username="staff-for-cases", defaults={"is_staff": True, "is_superuser": True}
            )
            client.force_login(staff)
        return client


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits start from nothing in every case."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world() -> World:
    """Arsenal v Chelsea twenty minutes in, Saka's goal at 12', polls open and closed, an editor
    (signed in, and with an API token) and a fan."""
    match = live_match()
    saka = match.lineup.get(player__known_as="Saka").player
    event = match_record_event(
        match=match, kind="goal", minute=12, team=match.home_team, player=saka, client_key="goal-12"
    ).event
    stranger_match = make_match()
    stranger = add_to_lineup(stranger_match, stranger_match.home_team, "Stranger")[0]
    poll, other_poll, closed_poll = make_open_poll(), make_open_poll(), make_poll(match)
    editor = make_editor()
    fan = User.objects.create_user("fan", password="pass-for-tests-only")
    season = match.stage.season
    SquadMember.objects.create(season=season, team=stranger_match.home_team, player=stranger)
    ids = {
        "match": match.pk,
        "match_page": match.get_absolute_url(),
        "event": event.pk,
        "saka": saka.pk,
        "home": match.home_team_id,
        "stranger": stranger.pk,
        "stranger_team": stranger_match.home_team_id,
        "poll": poll.pk,
        "other_option": other_poll.options.first().pk,
        "closed_poll": closed_poll.pk,
        "closed_option": closed_poll.options.first().pk,
        "competition": season.competition.slug,
        "season": season.slug,
    }
    return World(ids=ids, editor=editor, fan=fan, key=api_token_create(name="feed", user=editor)[1])


def database_state() -> dict:
    """Everything a bad request could have written, in a form two moments can be compared in."""
    return {
        "matches": list(
            Match.objects.order_by("pk").values_list("pk", "status", "home_score", "away_score", "seq")
        ),
        "events": list(MatchEvent.objects.order_by("pk").values()),
        "updates": MatchUpdate.objects.count(),
        "stats": list(MatchStat.objects.order_by("pk").values()),
        "lineups": list(LineupEntry.objects.order_by("pk").values()),
        "polls": list(Poll.objects.order_by("pk").values()),
        "options": PollOption.objects.count(),
        "votes": Vote.objects.count(),
        "subscribers": list(Subscriber.objects.order_by("pk").values()),
        "writes": IdempotentWrite.objects.count(),
        "users": list(User.objects.order_by("pk").values_list("pk", "last_login")),
    }
