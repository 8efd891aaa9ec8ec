"""A player's page payload: who he is, his club, and his record from the matches we hold."""

import datetime as dt

import pytest

from fixtures_app.models import LineupEntry, MatchEvent, Player, SquadMember
from fixtures_app.selectors.players import player_page
from football.player_record import Totals
from tests.factories import (
    KICKOFF,
    make_competition,
    make_player,
    make_result,
    make_season,
    make_stage,
    make_team,
)

pytestmark = pytest.mark.django_db

UTC = dt.UTC
TODAY = dt.date(2024, 5, 1)


@pytest.fixture
def clubs():
    return make_team("Liverpool"), make_team("Atalanta"), make_team("Everton")


def play(player: Player, team, match, *, starter: bool = True, shirt: int | None = None, position: str = ""):
    return LineupEntry.objects.create(
        match=match, team=team, player=player, starter=starter, shirt_number=shirt, position=position
    )


def event(match, team, kind: str, minute: int, period: int | None = None, **fields) -> MatchEvent:
    period = period or (1 if minute <= 45 else 2)
    return MatchEvent.objects.create(
        match=match, team=team, kind=kind, minute=minute, period=period, **fields
    )


def page(player: Player):
    return player_page(player.pk, today=TODAY, tz=UTC)


def test_goals_assists_cards_and_minutes_are_counted_over_his_matches(clubs):
    liverpool, atalanta, everton = clubs
    salah, nunez, hien = make_player("Salah"), make_player("Núñez"), make_player("Hien")
    first = make_result(atalanta, liverpool, score=(0, 3), kickoff=KICKOFF)
    play(salah, liverpool, first)
    event(first, liverpool, "goal", 7, goal_type="penalty", player=salah)
    event(first, liverpool, "goal", 30, goal_type="open_play", player=nunez, assist=salah)
    ruled_out = event(first, liverpool, "goal", 41, goal_type="open_play", player=salah)
    event(first, None, "var", 42, var_decision="goal_disallowed", reverses=ruled_out)
    event(first, atalanta, "goal", 52, goal_type="own_goal", player=hien)
    event(first, liverpool, "yellow", 60, player=salah)
    event(first, liverpool, "second_yellow", 80, player=salah)
    second = make_result(liverpool, everton, score=(1, 1), kickoff=KICKOFF + dt.timedelta(days=7))
    play(salah, liverpool, second, starter=False)
    event(second, liverpool, "substitution", 60, player=nunez, player_in=salah)
    event(second, liverpool, "goal", 70, goal_type="own_goal", player=salah)

    totals = page(salah).totals

    # Off at 80' with a second yellow; on at 60' as a substitute. The disallowed goal is not his,
    # the own goal is counted apart, the second yellow is his one red card.
    assert totals == Totals(
        appearances=2,
        starts=1,
        minutes=80 + 30,
        goals=1,
        penalties=1,
        own_goals=1,
        assists=1,
        yellow_cards=1,
        red_cards=1,
    )


def test_each_match_is_a_line_from_his_side_newest_first(clubs):
    liverpool, atalanta, everton = clubs
    salah = make_player("Salah")
    away_win = make_result(atalanta, liverpool, score=(0, 1), kickoff=KICKOFF)
    home_draw = make_result(liverpool, everton, score=(2, 2), kickoff=KICKOFF + dt.timedelta(days=3))
    play(salah, liverpool, away_win)
    play(salah, liverpool, home_draw, starter=False)
    event(home_draw, liverpool, "substitution", 75, player=make_player(), player_in=salah)
    event(away_win, liverpool, "goal", 7, goal_type="penalty", player=salah)

    lines = page(salah).matches

    assert [(line.opponent.name, line.at_home, line.score, line.result) for line in lines] == [
        ("Everton", True, "2-2", "D"),
        ("Atalanta", False, "1-0", "W"),
    ]
    assert [(line.record.minutes, line.record.came_on, line.record.goals) for line in lines] == [
        (15, "75'", 0),
        (90, "", 1),
    ]
    assert lines[1].url == away_win.get_absolute_url()


def test_a_match_he_sat_out_on_the_bench_or_not_yet_finished_is_not_listed(clubs):
    liverpool, atalanta, _ = clubs
    salah = make_player("Salah")
    play(salah, liverpool, make_result(liverpool, atalanta), starter=False)
    play(salah, liverpool, make_result(liverpool, atalanta, status="second_half"))

    result = page(salah)

    assert result.matches == []
    assert result.totals == Totals()


def test_without_a_line_up_his_events_put_him_in_the_match(clubs):
    liverpool, atalanta, _ = clubs
    salah, jones = make_player("Salah"), make_player("Jones")
    match = make_result(atalanta, liverpool, score=(0, 2))
    event(match, liverpool, "goal", 12, goal_type="open_play", player=salah)
    event(match, liverpool, "goal", 50, goal_type="open_play", player=jones, assist=salah)

    [line] = page(salah).matches

    assert (line.team.name, line.opponent.name, line.record.started, line.record.assists) == (
        "Liverpool",
        "Atalanta",
        True,
        1,
    )


def test_totals_are_split_by_competition_and_this_season_is_his_latest(clubs):
    liverpool, _, everton = clubs
    salah = make_player("Salah")
    old = make_stage(make_season(make_competition("Premier League"), "2022/23"))
    league = make_stage(make_season(make_competition("FA Cup"), "2023/24"))
    europe = make_stage(make_season(make_competition("Europa League"), "2023/24"))
    for stage, days in ((old, 0), (europe, 300), (europe, 307), (league, 310)):
        match = make_result(liverpool, everton, stage, kickoff=KICKOFF + dt.timedelta(days=days))
        play(salah, liverpool, match)
        event(match, liverpool, "goal", 20, goal_type="open_play", player=salah)

    result = page(salah)

    assert [(row.competition, row.season, row.totals.goals) for row in result.by_competition] == [
        ("FA Cup", "2023/24", 1),
        ("Europa League", "2023/24", 2),
        ("Premier League", "2022/23", 1),
    ]
    assert result.season == "2023/24"
    assert (result.season_totals.appearances, result.totals.appearances) == (3, 4)


def test_his_club_is_his_latest_line_up_with_its_shirt_number_and_position(clubs):
    liverpool, atalanta, everton = clubs
    salah = make_player("Salah", date_of_birth=dt.date(1992, 6, 15))
    play(salah, atalanta, make_result(atalanta, everton, kickoff=KICKOFF), shirt=7, position="Midfielder")
    latest = make_result(liverpool, everton, kickoff=KICKOFF + dt.timedelta(days=1))
    play(salah, liverpool, latest, shirt=11, position="Forward")

    result = page(salah)

    assert (result.club, result.shirt_number, result.position, result.age) == (liverpool, 11, "Forward", 31)
    assert result.club_url == "/teams/liverpool/"


def test_a_squad_for_a_season_begun_since_his_last_match_names_his_club_now(clubs):
    liverpool, atalanta, everton = clubs
    salah = make_player("Salah")
    play(salah, liverpool, make_result(liverpool, everton, kickoff=KICKOFF), shirt=11)
    season = make_season(name="2024/25", starts_on=dt.date(2024, 8, 1))
    SquadMember.objects.create(season=season, team=atalanta, player=salah, shirt_number=10)

    result = page(salah)

    assert (result.club, result.shirt_number) == (atalanta, 10)


def test_a_player_with_no_match_has_his_squad_club_and_nothing_counted(clubs):
    _, atalanta, _ = clubs
    keeper = make_player("Carnesecchi", position="Goalkeeper")
    SquadMember.objects.create(season=make_season(), team=atalanta, player=keeper, shirt_number=29)

    result = page(keeper)

    assert (result.club, result.shirt_number, result.position, result.matches) == (
        atalanta,
        29,
        "Goalkeeper",
        [],
    )
    assert result.season == ""


def test_an_unknown_player_raises_does_not_exist():
    with pytest.raises(Player.DoesNotExist):
        player_page(999_999, today=TODAY, tz=UTC)


@pytest.mark.parametrize("matches", [1, 6])
def test_the_page_takes_the_same_queries_however_many_matches(clubs, matches, django_assert_max_num_queries):
    liverpool, atalanta, _ = clubs
    salah, nunez = make_player("Salah"), make_player("Núñez")
    for day in range(matches):
        match = make_result(liverpool, atalanta, kickoff=KICKOFF + dt.timedelta(days=day))
        play(salah, liverpool, match)
        event(match, liverpool, "goal", 10, goal_type="open_play", player=salah)
        event(match, liverpool, "goal", 20, goal_type="open_play", player=nunez, assist=salah)
        event(match, liverpool, "yellow", 30, player=salah)
        event(match, liverpool, "substitution", 70, player=salah, player_in=nunez)
        event(match, None, "period_end", 90, added_minute=3)

    with django_assert_max_num_queries(5):
        result = page(salah)

    assert len(result.matches) == matches
    assert result.totals.minutes == 70 * matches
