"""The follow endpoints: a signed-in fan's follows over HTTP, refusals in the shared shape."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from fans.follows import follow_add, follows_of
from tests.factories import make_match, make_team

pytestmark = pytest.mark.django_db
FOLLOWS = "/me/follows/"


@pytest.fixture
def fan(client):
    user = User.objects.create_user("fan", password="x")
    client.force_login(user)
    return user


def test_following_needs_an_account(client):
    response = client.post(FOLLOWS, {"team": make_team().pk})
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert "this browser keeps them" in response.json()["message"]


def test_a_signed_in_fan_follows_and_unfollows_a_club(client, fan):
    arsenal = make_team("Arsenal")
    answer = client.post(FOLLOWS, {"team": arsenal.pk}).json()
    assert answer == {"ok": True, "teams": [arsenal.pk], "matches": []}
    assert client.get(FOLLOWS).json()["teams"] == [arsenal.pk]

    response = client.delete(f"{FOLLOWS}?team={arsenal.pk}")
    assert response.status_code == 200
    assert follows_of(fan).teams == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"team": "arsenal"}, "team"),
        ({"match": "-3"}, "match"),
        ({"team": "99999999999999"}, "team"),
        ({}, "__all__"),
        ({"team": "1", "match": "2"}, "__all__"),
    ],
)
def test_a_bad_follow_is_refused_with_what_was_wrong(client, fan, fields, field):
    response = client.post(FOLLOWS, fields)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["code"] == "invalid"
    assert field in body["errors"]
    assert fan.follows.count() == 0


def test_following_a_club_that_does_not_exist_adds_nothing(client, fan):
    assert client.post(FOLLOWS, {"team": 424242}).json()["teams"] == []


def test_sign_in_merge_answers_the_union(client, fan):
    arsenal, liverpool, match = make_team("Arsenal"), make_team("Liverpool"), make_match()
    follow_add(user=fan, team_id=arsenal.pk)
    response = client.post(
        f"{FOLLOWS}merge/", {"teams": f"{liverpool.pk},{arsenal.pk}", "matches": str(match.pk)}
    )
    assert response.json() == {"ok": True, "teams": [arsenal.pk, liverpool.pk], "matches": [match.pk]}
    assert "private" in response["Cache-Control"]


def test_a_merge_with_bad_ids_is_refused(client, fan):
    response = client.post(f"{FOLLOWS}merge/", {"teams": "1,two"})
    assert response.status_code == 400
    assert response.json()["errors"]["teams"] == [
        "Give ids as whole numbers separated by commas, e.g. 1,2,5."
    ]


def test_a_merge_needs_an_account(client):
    assert client.post(f"{FOLLOWS}merge/", {"teams": "1"}).status_code == 401


@pytest.mark.parametrize("path", [FOLLOWS, f"{FOLLOWS}merge/"])
def test_a_follow_from_another_site_is_refused_by_the_csrf_check(path):
    fan = User.objects.create_user("fan", password="x")
    client = Client(enforce_csrf_checks=True)
    client.force_login(fan)
    team = make_team()
    response = client.post(path, {"team": team.pk, "teams": str(team.pk)})
    assert response.status_code == 403
    assert fan.follows.count() == 0
    # The site's own page, as the browser vouches for it (matchcentre/csrf.py), may.
    response = client.post(
        path,
        {"team": team.pk, "teams": str(team.pk)},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
    )
    assert response.status_code == 200 and fan.follows.count() == 1
