"""The site search finds teams, players, competitions and matches the same way on every database.

CI runs these on SQLite (the scan) and again on PostgreSQL (full-text search): every test but the
last holds on both.
"""

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fixtures_app.models import LineupEntry
from fixtures_app.selectors.search import search
from tests.factories import (
    make_competition,
    make_match,
    make_player,
    make_result,
    make_season,
    make_stage,
    make_team,
)

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def utc(*when: int) -> dt.datetime:
    return dt.datetime(*when, tzinfo=dt.UTC)


def titles(query: str, key: str, **options) -> list[str]:
    return [hit.title for hit in search(query, tz=LONDON, **options).group(key).hits]


@pytest.fixture
def clubs():
    return {
        "liverpool": make_team("Liverpool", short_name="Liverpool", code="LIV", country="England"),
        "arsenal": make_team("Arsenal", code="ARS", country="England"),
        "chelsea": make_team("Chelsea", code="CHE", country="England"),
        "spurs": make_team("Tottenham Hotspur", short_name="Spurs", code="TOT", country="England"),
        "united": make_team("Manchester United", short_name="Man Utd", code="MUN", country="England"),
        "city": make_team("Manchester City", short_name="Man City", code="MCI", country="England"),
        "fener": make_team("Fenerbahçe", country="Turkey"),
        "bodo": make_team("FK Bodø/Glimt", country="Norway"),
        "kyiv": make_team("Dinamo Kiev", country="Ukraine", aliases=["Dynamo Kyiv", "FC Dynamo Kyiv"]),
    }


def test_the_start_of_a_name_finds_the_club(clubs):
    assert titles("liverp", "teams") == ["Liverpool"]
    assert titles("LIVERPOOL", "teams") == ["Liverpool"]
    assert titles("hotsp", "teams") == ["Tottenham Hotspur"]
    # The middle of a word is not its start: both engines agree on that.
    assert titles("pool", "teams") == []


def test_accents_do_not_count_either_way(clubs):
    assert titles("fenerbahce", "teams") == ["Fenerbahçe"]
    assert titles("FENERBAHÇE", "teams") == ["Fenerbahçe"]
    assert titles("bodo", "teams") == ["FK Bodø/Glimt"]
    assert titles("bodø glimt", "teams") == ["FK Bodø/Glimt"]


def test_a_club_is_found_by_its_aliases_short_name_and_code(clubs):
    assert titles("kyiv", "teams") == ["Dinamo Kiev"]
    assert titles("kiev", "teams") == ["Dinamo Kiev"]
    assert titles("spurs", "teams") == ["Tottenham Hotspur"]
    assert titles("mci", "teams") == ["Manchester City"]


def test_every_word_must_be_in_the_clubs_names(clubs):
    assert titles("man utd", "teams") == ["Manchester United"]
    assert titles("manchester united", "teams") == ["Manchester United"]
    assert sorted(titles("manchester", "teams")) == ["Manchester City", "Manchester United"]
    assert titles("manchester spurs", "teams") == []


def test_a_club_says_where_it_plays(clubs):
    league = make_stage(make_season(make_competition("Premier League")))
    make_result(clubs["liverpool"], clubs["chelsea"], league)
    (hit,) = search("liverpool", tz=LONDON).group("teams").hits
    assert (hit.context, hit.url) == ("England · Premier League", "/teams/liverpool/")


def test_two_clubs_find_their_matches_either_way_round_newest_first(clubs):
    stage = make_stage(make_season(make_competition("Premier League")))
    april = make_result(clubs["arsenal"], clubs["chelsea"], stage, score=(5, 0), kickoff=utc(2024, 4, 23, 19))
    october = make_result(
        clubs["chelsea"], clubs["arsenal"], stage, score=(2, 2), kickoff=utc(2023, 10, 21, 16)
    )
    make_result(clubs["arsenal"], clubs["spurs"], stage)
    make_result(clubs["chelsea"], clubs["liverpool"], stage)
    for query in ("arsenal chelsea", "Chelsea v Arsenal", "ars che"):
        found = search(query, tz=LONDON).group("matches")
        urls = [hit.url for hit in found.hits]
        assert urls == [april.get_absolute_url(), october.get_absolute_url()], query
        assert found.total == 2
    first, second = search("arsenal chelsea", tz=LONDON).group("matches").hits
    assert first.title == "Arsenal v Chelsea"
    assert first.context == "Tue 23 Apr 2024 · Premier League · FT 5-0"
    assert second.context == "Sat 21 Oct 2023 · Premier League · FT 2-2"


def test_one_club_finds_all_its_matches_and_a_coming_one_shows_its_kickoff(clubs):
    stage = make_stage(make_season(make_competition("Premier League")))
    make_result(clubs["arsenal"], clubs["liverpool"], stage, kickoff=utc(2024, 2, 4, 16, 30))
    make_match(clubs["liverpool"], clubs["city"], stage, kickoff=utc(2024, 12, 1, 16))
    make_result(clubs["chelsea"], clubs["spurs"], stage)
    found = search("liverpool", tz=LONDON).group("matches").hits
    assert [hit.title for hit in found] == ["Liverpool v Man City", "Arsenal v Liverpool"]
    assert found[0].context == "Sun 1 Dec 2024 · Premier League · Kick-off 4pm"


def test_players_are_found_by_either_name_with_their_club(clubs):
    match = make_match(clubs["liverpool"], clubs["chelsea"])
    konate = make_player("Konaté", name="Ibrahima Konaté", position="Defender")
    salah = make_player("Salah", name="Mohamed Salah")
    for player in (konate, salah):
        LineupEntry.objects.create(match=match, team=clubs["liverpool"], player=player)
    assert titles("konate", "players") == ["Ibrahima Konaté"]
    assert titles("mohamed", "players") == ["Mohamed Salah"]
    (hit,) = search("ibrahima konate", tz=LONDON).group("players").hits
    assert (hit.context, hit.url) == ("Liverpool · Defender", konate.get_absolute_url())


def test_a_competition_leads_to_its_latest_season(clubs):
    europa = make_competition("UEFA Europa League", short_name="Europa League")
    make_season(europa, "2023/24")
    make_season(europa, "2024/25")
    make_competition("Europa Conference League Archive")  # no season: no page to lead to
    (hit,) = search("europa", tz=LONDON).group("competitions").hits
    assert hit.title == "UEFA Europa League"
    assert hit.url == "/competitions/uefa-europa-league/2024-25/"
    assert "2024/25" in hit.context


def test_each_group_shows_its_first_results_and_counts_them_all():
    for number in range(1, 13):
        make_team(f"Rovers {number:02}")
    found = search("rovers", limit=10).group("teams")
    assert len(found.hits) == 10
    assert found.total == 12


def test_the_search_is_a_fixed_number_of_queries_however_much_it_finds(clubs):
    stage = make_stage()
    for _ in range(15):
        make_result(clubs["arsenal"], clubs["chelsea"], stage)
        make_player(name="Arsenal Fan", known_as="Gooner")
    with CaptureQueriesContext(connection) as few:
        results = search("arsenal", limit=5, tz=LONDON)
    assert len(results.group("matches").hits) == 5
    with CaptureQueriesContext(connection) as many:
        results = search("arsenal chelsea fc london club north east west cup", limit=5, tz=LONDON)
    assert len(results.terms) == 8
    assert len(few) <= 9 and len(many) <= 9


def test_no_words_no_queries(clubs):
    for query in ("", "   ", "v", "'):*|!&"):
        with CaptureQueriesContext(connection) as queries:
            results = search(query)
        assert (results.total, len(queries)) == (0, 0), query


def test_query_syntax_typed_is_read_as_words_not_as_a_query(clubs):
    assert titles("liverpool:* | !arsenal", "teams") == []
    assert titles("liverp:*", "teams") == ["Liverpool"]
    assert titles("'liverpool' & (", "teams") == ["Liverpool"]


@pytest.mark.postgres
def test_postgresql_searches_with_its_full_text_search(clubs):
    with CaptureQueriesContext(connection) as queries:
        assert titles("fenerbahce", "teams") == ["Fenerbahçe"]
    sql = " ".join(query["sql"] for query in queries)
    assert "to_tsquery" in sql and "to_tsvector" in sql
