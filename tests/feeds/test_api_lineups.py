"""Team sheets through the JSON API: replace before kick-off, add at any time, a retry counts once."""

import pytest

from fixtures_app.models import LineupEntry, SquadMember
from fixtures_app.services.status import match_change_status
from tests.factories import make_match, make_player, make_team
from tests.feeds.api_helpers import call, editor_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    return make_match(make_team("Arsenal"), make_team("Chelsea"))


@pytest.fixture
def key():
    return editor_key()[1]


def entries(*names: str, starter: bool = True, first_shirt: int = 1) -> list[dict]:
    return [
        {"player": make_player(name).pk, "shirt_number": number, "starter": starter, "position": "DF"}
        for number, name in enumerate(names, first_shirt)
    ]


def lineup_path(match) -> str:
    return f"/matches/{match.pk}/lineups/{match.home_team_id}"


def names(match) -> list[str]:
    return list(LineupEntry.objects.filter(match=match).values_list("player__known_as", flat=True))


def test_an_editor_replaces_a_sheet_before_kick_off(client, match, key):
    call(client, "PUT", lineup_path(match), {"entries": entries("Raya", "Saliba")}, key=key)
    response = call(client, "PUT", lineup_path(match), {"entries": entries("Ramsdale")}, key=key)
    assert response.status_code == 200, response.content
    assert [e["known_as"] for e in response.json()["entries"]] == ["Ramsdale"] == names(match)
    assert response.json()["team"] == {"id": match.home_team_id, "name": "Arsenal"}


def test_after_kick_off_a_sheet_is_added_to_not_replaced(client, match, key):
    call(client, "PUT", lineup_path(match), {"entries": entries("Raya")}, key=key)
    match_change_status(match=match, status="first_half")
    replaced = call(client, "PUT", lineup_path(match), {"entries": entries("Ramsdale")}, key=key)
    added = call(
        client,
        "POST",
        lineup_path(match),
        {"entries": entries("Nwaneri", starter=False, first_shirt=53)},
        key=key,
    )
    assert replaced.status_code == 400 and "kicked off" in replaced.json()["message"]
    assert added.status_code == 200 and names(match) == ["Raya", "Nwaneri"]


def test_a_retried_addition_with_its_key_adds_once(client, match, key):
    body = {"entries": entries("Raya"), "client_key": "sheet-1"}
    first = call(client, "POST", lineup_path(match), body, key=key)
    again = call(client, "POST", lineup_path(match), body, key=key)
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json() and names(match) == ["Raya"]


def test_the_same_key_for_another_request_is_a_conflict(client, match, key):
    call(client, "POST", lineup_path(match), {"entries": entries("Raya")}, key=key, HTTP_IDEMPOTENCY_KEY="k")
    away = f"/matches/{match.pk}/lineups/{match.away_team_id}"
    response = call(client, "POST", away, {"entries": entries("Palmer")}, key=key, HTTP_IDEMPOTENCY_KEY="k")
    assert response.status_code == 409 and response.json()["code"] == "key_reused"


@pytest.mark.parametrize(
    ("sheet", "words"),
    [
        (lambda: entries(*(f"Starter {n}" for n in range(12))), "12 starters named"),
        (lambda: [*entries("Raya"), *entries("Raya Again")], "Two players cannot wear number 1"),
        (lambda: [{"player": 999999}], "No player with the id 999999"),
    ],
)
def test_a_sheet_the_rules_refuse_changes_nothing(client, match, key, sheet, words):
    response = call(client, "PUT", lineup_path(match), {"entries": sheet()}, key=key)
    assert response.status_code == 400 and words in response.json()["message"]
    assert names(match) == []


def test_a_shirt_number_over_99_is_refused_by_the_schema(client, match, key):
    response = call(client, "PUT", lineup_path(match), {"entries": entries("Raya", first_shirt=100)}, key=key)
    assert response.status_code == 400 and list(response.json()["errors"]) == ["entries.0.shirt_number"]


def test_a_team_not_in_the_match_is_404(client, match, key):
    path = f"/matches/{match.pk}/lineups/{make_team('Everton').pk}"
    assert call(client, "PUT", path, {"entries": []}, key=key).status_code == 404


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_a_player_of_another_club_is_refused_by_name(client, match, key, method):
    palmer = make_player("Palmer")
    SquadMember.objects.create(season=match.stage.season, team=match.away_team, player=palmer)
    body = {"entries": [*entries("Raya"), {"player": palmer.pk, "shirt_number": 20}]}
    response = call(client, method, lineup_path(match), body, key=key)
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    message = "Palmer plays for Chelsea this season, not for Arsenal: a side's line-up holds its own players."
    assert response.json()["message"] == message and response.json()["errors"] == {"entries": [message]}
    assert names(match) == []


def test_a_sheet_sets_the_sides_formation_and_answers_with_it(client, match, key):
    body = {"entries": entries("Raya"), "formation": "4231"}
    response = call(client, "PUT", lineup_path(match), body, key=key)
    assert response.status_code == 200, response.content
    assert response.json()["formation"] == "4-2-3-1"
    match.refresh_from_db()
    assert match.home_formation == "4-2-3-1"
    sheets = client.get(f"/api/v1/matches/{match.pk}/lineups").json()
    assert [sheet["formation"] for sheet in sheets] == ["4-2-3-1", ""]


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_a_bad_formation_is_a_clear_400_and_changes_nothing(client, match, key, method):
    body = {"entries": entries("Raya"), "formation": "4-4-3"}
    response = call(client, method, lineup_path(match), body, key=key)
    assert response.status_code == 400
    message = "4-4-3 has 11 outfield players: the lines add up to 10, the goalkeeper not counted."
    assert response.json()["message"] == message and response.json()["errors"] == {"formation": [message]}
    match.refresh_from_db()
    assert match.home_formation == "" and names(match) == []


def test_a_formation_too_long_for_the_record_is_refused_by_the_schema(client, match, key):
    body = {"entries": [], "formation": "4-4-2" * 3}
    response = call(client, "POST", lineup_path(match), body, key=key)
    assert response.status_code == 400 and list(response.json()["errors"]) == ["formation"]
