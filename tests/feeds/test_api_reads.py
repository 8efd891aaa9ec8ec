"""Fans' reads through the JSON API give what the pages and the websocket give: same selectors."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from fixtures_app.selectors.live import snapshot
from fixtures_app.services.events import match_record_event
from tests.factories import KICKOFF, make_competition, make_result, make_season, make_stage, make_team
from tests.feeds.api_helpers import V1, live_match

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    match = live_match()
    saka = match.lineup.get(player__known_as="Saka").player
    match_record_event(match=match, kind="goal", minute=7, team=match.home_team, player=saka)
    match.refresh_from_db()
    return match


@pytest.fixture
def league():
    stage = make_stage(make_season(make_competition("Premier League")))
    arsenal, chelsea, everton = (make_team(name) for name in ("Arsenal FC", "Chelsea FC", "Everton FC"))
    make_result(arsenal, chelsea, stage, (2, 0), round_name="Matchday 1")
    make_result(chelsea, everton, stage, (1, 1), round_name="Matchday 2", kickoff=KICKOFF + dt.timedelta(7))
    return stage


def test_the_snapshot_is_the_websockets(client, match):
    body = client.get(f"{V1}/matches/{match.pk}").json()
    expected = snapshot(match, now=timezone.now())
    assert set(body) == set(expected) and set(body["state"]) == set(expected["state"])
    assert body["state"] | {"status_line": ""} == expected["state"] | {"status_line": ""}
    assert (body["seq"], body["order"], body["entries"]) == (
        expected["seq"],
        expected["order"],
        expected["entries"],
    )
    assert body["state"]["score"] == [1, 0]


def test_updates_since_are_the_pages_own(client, match):
    api = client.get(f"{V1}/matches/{match.pk}/updates", {"since": 1}).json()
    page = client.get(f"/matches/{match.pk}/updates", {"since": 1}).json()
    assert [m["seq"] for m in api["messages"]] == [m["seq"] for m in page["messages"]] == [2]
    assert api["seq"] == page["seq"] == 2 and api["poll_interval"] == page["poll_interval"]


def test_since_must_be_a_whole_number(client, match):
    response = client.get(f"{V1}/matches/{match.pk}/updates", {"since": "last"})
    assert response.status_code == 400 and list(response.json()["errors"]) == ["since"]


def test_events_come_in_match_order_with_their_versions(client, match):
    events = client.get(f"{V1}/matches/{match.pk}/events").json()
    assert [(e["kind"], e["minute"], e["version"]) for e in events] == [
        ("period_start", 1, 1),
        ("goal", 7, 1),
    ]


def test_lineups_list_starters_then_the_bench_home_first(client, match):
    home, away = client.get(f"{V1}/matches/{match.pk}/lineups").json()
    assert home["team"]["name"] == "Arsenal" and away["team"]["name"] == "Chelsea"
    assert [(e["known_as"], e["starter"]) for e in home["entries"]][-1] == ("Trossard", False)


def test_matches_of_a_day_filtered_by_state(client, match, league):
    day = match.kickoff.date().isoformat()
    live = client.get(f"{V1}/matches", {"date": day, "tz": "UTC", "state": "live"}).json()
    final = client.get(f"{V1}/matches", {"date": day, "tz": "UTC", "state": "final"}).json()
    assert [game["id"] for game in live] == [match.pk]
    assert live[0]["line"] == "Arsenal v Chelsea" and live[0]["score"] == "1-0"
    assert [game["result"] for game in final] == ["Arsenal FC 2-0 Chelsea FC"]


def test_an_unknown_zone_or_day_out_of_range_is_refused(client):
    assert client.get(f"{V1}/matches", {"tz": "Mars/Olympus"}).status_code == 400
    assert client.get(f"{V1}/matches", {"date": "0001-01-01"}).status_code == 400


def test_an_unknown_match_is_404(client):
    for path in ("", "/updates", "/events", "/lineups", "/polls"):
        response = client.get(f"{V1}/matches/999999{path}")
        assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_the_v1_table_has_the_rows_of_the_older_table_address(client, league):
    v1 = client.get(f"{V1}/competitions/premier-league/seasons/2023-24/table").json()
    older = client.get("/api/competitions/premier-league/seasons/2023-24/table")
    assert older.status_code == 200 and older["Content-Type"] == "application/json"
    assert v1["rows"] == older.json()
    assert v1["competition"] == "Premier League" and v1["provisional"] is False
    assert [row["team"] for row in v1["rows"]] == ["Arsenal FC", "Everton FC", "Chelsea FC"]


def test_an_unknown_season_is_404_at_both_table_addresses(client, league):
    assert client.get(f"{V1}/competitions/premier-league/seasons/1888-89/table").status_code == 404
    assert client.get("/api/competitions/premier-league/seasons/1888-89/table").json() == {
        "error": "No season '1888-89' of competition 'premier-league'."
    }


def test_fixtures_come_by_round(client, league):
    body = client.get(f"{V1}/competitions/premier-league/seasons/2023-24/fixtures").json()
    assert [r["title"] for r in body["rounds"]] == ["Matchday 1", "Matchday 2"]
    assert body["rounds"][1]["days"][0]["matches"][0]["result"] == "Chelsea FC 1-1 Everton FC"


def test_the_docs_page_loads_nothing_from_the_internet(client):
    response = client.get("/api/docs")
    page = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_the_schema_documents_v1_and_the_token(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["version"] == "1"
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    assert schema["components"]["securitySchemes"]["FeedTokenAuth"] == {"type": "http", "scheme": "bearer"}
