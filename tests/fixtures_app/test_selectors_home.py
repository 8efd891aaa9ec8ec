import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from fixtures_app.models import MatchEvent, Stage
from fixtures_app.selectors.home import day_label, front_page
from tests.factories import make_competition, make_match, make_result, make_season, make_stage, make_team

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 12, 3, 14, 0, tzinfo=dt.UTC)  # a Thursday, 2pm in London
TODAY = NOW.date()


def labels(days) -> list[str]:
    return [day.label for day in days]


def sides(rows) -> list[str]:
    return [f"{row.game.first} {row.game.score or row.game.versus} {row.game.second}" for row in rows]


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (TODAY, "Today"),
        (TODAY - dt.timedelta(days=1), "Yesterday"),
        (TODAY + dt.timedelta(days=1), "Tomorrow"),
        (dt.date(2026, 11, 29), "Sun 29 Nov"),
        (dt.date(2026, 12, 8), "Tue 8 Dec"),
        (dt.date(2024, 5, 19), "Sun 19 May 2024"),
    ],
)
def test_a_day_is_headed_as_a_fan_says_it(day, label):
    assert day_label(day, TODAY) == label


@pytest.mark.django_db
def test_recent_results_are_the_last_weeks_by_day_newest_first():
    stage = make_stage()
    make_result(
        make_team("Arsenal"), make_team("Spurs"), stage, kickoff=NOW - dt.timedelta(days=1), score=(2, 0)
    )
    make_result(
        make_team("Everton"), make_team("Fulham"), stage, kickoff=NOW - dt.timedelta(days=4), score=(1, 1)
    )
    make_result(
        make_team("Wolves"), make_team("Brentford"), stage, kickoff=NOW - dt.timedelta(days=4, hours=3)
    )
    make_result(make_team("Leeds"), make_team("Burnley"), stage, kickoff=NOW - dt.timedelta(days=9))

    page = front_page(now=NOW, tz=LONDON)

    assert labels(page.recent) == ["Yesterday", "Sun 29 Nov"]
    assert sides(page.recent[0].rows) == ["Arsenal 2-0 Spurs"]
    assert sides(page.recent[1].rows) == ["Everton 1-1 Fulham", "Wolves 1-0 Brentford"]
    assert "Leeds" not in str([sides(day.rows) for day in page.recent])  # nine days ago: not recent


@pytest.mark.django_db
def test_without_a_result_this_week_the_latest_ten_show_with_their_dates():
    stage = make_stage()
    for days_ago in range(40, 52):
        make_result(stage=stage, kickoff=NOW - dt.timedelta(days=days_ago))

    page = front_page(now=NOW, tz=LONDON)

    rows = [row for day in page.recent for row in day.rows]
    assert len(rows) == 10
    assert labels(page.recent)[0] == "Sat 24 Oct" and labels(page.recent)[-1] == "Thu 15 Oct"


@pytest.mark.django_db
def test_older_matches_told_minute_by_minute_are_offered_with_their_dates():
    stage = make_stage()
    told = make_result(
        make_team("Atalanta"),
        make_team("Liverpool"),
        stage,
        kickoff=dt.datetime(2024, 4, 18, 19, 0, tzinfo=dt.UTC),
    )
    MatchEvent.objects.create(match=told, kind="commentary", period=1, minute=3, text="Salah runs at Hien.")
    untold = make_result(
        make_team("Everton"), make_team("Fulham"), stage, kickoff=NOW - dt.timedelta(days=30)
    )
    MatchEvent.objects.create(match=untold, kind="period_start", period=1, minute=1)
    recent = make_result(make_team("Arsenal"), make_team("Spurs"), stage, kickoff=NOW - dt.timedelta(days=2))
    MatchEvent.objects.create(match=recent, kind="commentary", period=1, minute=3, text="Saka shoots.")

    page = front_page(now=NOW, tz=LONDON)

    assert sides(page.reports) == ["Atalanta 1-0 Liverpool"]  # the recent one is among the results
    assert page.reports[0].game.kickoff.date() == dt.date(2024, 4, 18)
    assert sides(page.recent[0].rows) == ["Arsenal 1-0 Spurs"]


@pytest.mark.django_db
def test_coming_up_is_the_next_weeks_scheduled_games_by_day_soonest_first():
    stage = make_stage()
    make_match(make_team("Chelsea"), make_team("Villa"), stage, kickoff=NOW + dt.timedelta(days=3, hours=1))
    make_match(make_team("Arsenal"), make_team("Spurs"), stage, kickoff=NOW + dt.timedelta(days=1))
    make_match(make_team("Leeds"), make_team("Burnley"), stage, kickoff=NOW + dt.timedelta(hours=5))  # today
    make_match(make_team("Wolves"), make_team("Brentford"), stage, kickoff=NOW + dt.timedelta(days=9))

    page = front_page(now=NOW, tz=LONDON)

    assert labels(page.upcoming) == ["Tomorrow", "Sun 6 Dec"]
    assert sides(page.upcoming[0].rows) == ["Arsenal v Spurs"]
    assert page.upcoming[0].rows[0].game.kickoff_time == "2pm"
    assert sides(page.upcoming[1].rows) == ["Chelsea v Villa"]
    assert sides(page.today) == ["Leeds v Burnley"]
    assert page.competitions == []


@pytest.mark.django_db
def test_coming_up_gives_kick_offs_in_the_readers_zone():
    make_match(
        make_team("Arsenal"), make_team("Spurs"), kickoff=dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.UTC)
    )

    [in_new_york] = front_page(now=NOW, tz=ZoneInfo("America/New_York")).upcoming
    [in_london] = front_page(now=NOW, tz=LONDON).upcoming

    assert (in_new_york.label, in_new_york.rows[0].game.kickoff_time) == ("Sat 5 Dec", "9pm")
    assert (in_london.label, in_london.rows[0].game.kickoff_time) == ("Sun 6 Dec", "2am")


@pytest.mark.django_db
def test_coming_up_takes_the_next_games_when_the_week_has_none():
    make_match(make_team("Arsenal"), make_team("Spurs"), kickoff=NOW + dt.timedelta(days=20))

    page = front_page(now=NOW, tz=LONDON)

    assert labels(page.upcoming) == ["Wed 23 Dec"]


@pytest.mark.django_db
def test_with_nothing_coming_up_the_page_points_to_each_competitions_fixtures():
    premier = make_season(make_competition("Premier League"), name="2026/27")
    make_season(premier.competition, name="2025/26")
    make_season(make_competition("NFL", sport="american_football"), name="2026")
    make_result(stage=make_stage(premier), kickoff=NOW - dt.timedelta(days=1))

    page = front_page(now=NOW, tz=LONDON)

    assert page.upcoming == []
    assert [(link.name, link.url) for link in page.competitions] == [
        ("Premier League", "/competitions/premier-league/2026-27/fixtures/")
    ]


@pytest.mark.django_db
def test_a_live_row_shows_the_minute_from_the_server_clock():
    stage = make_stage()
    make_match(
        make_team("Arsenal"),
        make_team("Chelsea"),
        stage,
        status="second_half",
        second_half_started_at=NOW - dt.timedelta(minutes=21, seconds=30),
        kickoff=NOW - dt.timedelta(minutes=90),
    )
    make_match(
        make_team("Everton"),
        make_team("Fulham"),
        stage,
        status="second_half",
        second_half_started_at=NOW - dt.timedelta(minutes=47),
        kickoff=NOW - dt.timedelta(hours=2),
    )
    make_match(make_team("Leeds"), make_team("Burnley"), stage, status="half_time", kickoff=NOW)

    page = front_page(now=NOW, tz=LONDON)

    assert {row.game.first: row.clock for row in page.live} == {
        "Arsenal": "67'",
        "Everton": "90+3'",
        "Leeds": "HT",
    }
    arsenal = next(row for row in page.live if row.game.first == "Arsenal")
    assert arsenal.period_started_at == (NOW - dt.timedelta(minutes=21, seconds=30)).isoformat()
    assert page.live[-1].period_started_at == ""  # half-time: no clock runs


@pytest.mark.django_db
def test_other_sports_stay_off_the_football_lists():
    nfl = make_stage(make_season(make_competition("NFL", sport="american_football"), name="2026"))
    make_match(make_team("Bears"), make_team("Vikings"), nfl, kickoff=NOW + dt.timedelta(days=1))
    make_result(make_team("Packers"), make_team("Lions"), nfl, kickoff=NOW - dt.timedelta(days=1))

    page = front_page(now=NOW, tz=LONDON)

    assert page.recent == [] and page.upcoming == []


@pytest.mark.django_db
def test_the_table_beside_is_the_live_games_league_with_every_club():
    league = make_stage(make_season(make_competition("Premier League")), kind=Stage.Kind.LEAGUE)
    clubs = [make_team(f"Club {n}") for n in range(20)]
    for home, away in zip(clubs[::2], clubs[1::2], strict=True):
        make_result(home, away, league, kickoff=NOW - dt.timedelta(days=3))
    make_result(stage=make_stage(name="Cup"), kickoff=NOW - dt.timedelta(hours=3))  # an earlier game today
    live = make_match(clubs[0], clubs[3], league, status="first_half", kickoff=NOW - dt.timedelta(minutes=10))

    page = front_page(now=NOW, tz=LONDON)

    assert page.table is not None
    assert len(page.table.rows) == 20
    assert page.table.highlight == {live.home_team_id, live.away_team_id}
