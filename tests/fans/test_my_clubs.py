"""The My clubs strip: each followed club's match in play, next match and last result."""

import datetime as dt

import pytest
from django.utils import timezone

from fans.my_clubs import my_clubs
from tests.factories import make_match, make_result, make_team

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 12, 3, 16, 0, tzinfo=dt.UTC)
UTC = dt.UTC


@pytest.fixture
def arsenal_week():
    arsenal, chelsea, wolves, spurs = (make_team(name) for name in ("Arsenal", "Chelsea", "Wolves", "Spurs"))
    older = make_result(spurs, arsenal, score=(0, 2), kickoff=NOW - dt.timedelta(days=14))
    last = make_result(arsenal, wolves, score=(1, 1), kickoff=NOW - dt.timedelta(days=5))
    live = make_match(
        arsenal,
        chelsea,
        status="second_half",
        home_score=2,
        away_score=1,
        kickoff=NOW - dt.timedelta(hours=1),
    )
    following = make_match(wolves, arsenal, kickoff=NOW + dt.timedelta(days=3))
    make_match(spurs, arsenal, kickoff=NOW + dt.timedelta(days=10))
    return {"arsenal": arsenal, "older": older, "last": last, "live": live, "next": following}


def test_a_club_shows_its_live_next_and_last_matches(arsenal_week):
    strip = my_clubs(team_ids=[arsenal_week["arsenal"].pk], match_ids=[], now=NOW, tz=UTC)
    (club,) = strip.clubs
    assert club.name == "Arsenal" and club.url == "/teams/arsenal/"
    assert [game.match for game in club.live] == [arsenal_week["live"].pk]
    assert club.live[0].score == [2, 1] and club.live[0].state == "live"
    assert club.next.match == arsenal_week["next"].pk
    assert club.last.match == arsenal_week["last"].pk
    # The home page's own row, which the scores script keeps live.
    assert f'data-game="{arsenal_week["live"].pk}"' in club.live[0].html
    assert ">2-1<" in club.live[0].html


def test_followed_matches_come_after_the_clubs(arsenal_week):
    other = make_match(make_team("Leeds"), make_team("Hull"), kickoff=NOW + dt.timedelta(days=1))
    strip = my_clubs(team_ids=[], match_ids=[other.pk, 777_777], now=NOW, tz=UTC)
    assert strip.clubs == []
    assert [game.line for game in strip.matches] == ["Leeds v Hull"]


def test_the_strip_answers_by_ids_and_may_be_cached(client, arsenal_week):
    response = client.get("/me/clubs/", {"teams": f"{arsenal_week['arsenal'].pk},123456"})
    assert response.status_code == 200
    body = response.json()
    assert [club["name"] for club in body["clubs"]] == ["Arsenal"]
    assert body["clubs"][0]["next"]["line"] == "Wolves v Arsenal"
    assert "public" in response["Cache-Control"]
    assert "csrftoken" not in response.cookies and "sessionid" not in response.cookies


def test_the_strip_is_the_same_for_every_reader_whatever_their_zone(client, arsenal_week):
    query = {"teams": str(arsenal_week["arsenal"].pk)}
    plain = client.get("/me/clubs/", query).content
    client.cookies["tz"] = "Asia/Tokyo"
    assert client.get("/me/clubs/", query).content == plain


@pytest.mark.parametrize(
    "query",
    [
        {"teams": "1,arsenal"},
        {"matches": "1;2"},
        {"teams": "-1"},
        {"teams": ",".join(["1"] * 51)},
        {"teams": "１"},
    ],
)
def test_bad_ids_are_refused_with_a_clear_400(client, query):
    response = client.get("/me/clubs/", query)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["code"] == "invalid"
    assert body["message"].startswith(("Clubs:", "Matches:"))


def test_nothing_followed_is_an_empty_strip(client):
    assert client.get("/me/clubs/").json() == {"clubs": [], "matches": []}


def test_the_strip_counts_its_queries(django_assert_max_num_queries, arsenal_week):
    clubs = [arsenal_week["arsenal"].pk] + [make_team().pk for _ in range(3)]
    with django_assert_max_num_queries(2 + 2 * len(clubs)):
        my_clubs(team_ids=clubs, match_ids=[arsenal_week["live"].pk], now=timezone.now(), tz=UTC)
