"""What the JSON API tests share: a match in play with line-ups, a token, a call with or without it."""

import datetime as dt
import json

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from feeds.tokens import api_token_create
from fixtures_app.models import Match
from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_editor, make_match, make_team

V1 = "/api/v1"


def live_match() -> Match:
    """Arsenal v Chelsea, twenty minutes into the first half, both line-ups named."""
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka", "Rice", "Havertz")
    add_to_lineup(match, match.home_team, "Trossard", starter=False)
    add_to_lineup(match, match.away_team, "Palmer", "Caicedo")
    match_change_status(match=match, status="first_half", at=timezone.now() - dt.timedelta(minutes=20))
    match.refresh_from_db()
    return match


def editor_key(username: str = "feed-editor") -> tuple[User, str]:
    user = make_editor(username)
    return user, api_token_create(name=f"{username}'s feed", user=user)[1]


def fan_key() -> tuple[User, str]:
    user = User.objects.create_user("fan", password="pass-for-tests-only")
    return user, api_token_create(name="A fan's script", user=user)[1]


def player_id(match: Match, known_as: str) -> int:
    return match.lineup.get(player__known_as=known_as).player_id


def call(client: Client, method: str, path: str, body=None, *, key: str | None = None, **headers):
    """`method` on /api/v1`path`, the body as JSON, the key as a bearer token."""
    if key is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    if method == "GET":
        return client.get(f"{V1}{path}", body, **headers)
    data = json.dumps(body) if body is not None else ""
    send = getattr(client, method.lower())
    return send(f"{V1}{path}", data=data, content_type="application/json", **headers)


def score(match: Match) -> tuple[int | None, int | None]:
    match.refresh_from_db()
    return match.home_score, match.away_score
