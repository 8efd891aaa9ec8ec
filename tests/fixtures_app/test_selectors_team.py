"""A club's page payload: standing, next match, form, head-to-head, squad."""

import datetime as dt
import zoneinfo

import pytest

from fixtures_app.models import Competition, LineupEntry, SquadMember, Stage
from fixtures_app.selectors.team import ordinal, team_page
from tests.factories import (
    add_to_lineup,
    make_competition,
    make_match,
    make_player,
    make_result,
    make_season,
    make_stage,
    make_team,
)

NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)
LONDON = zoneinfo.ZoneInfo("Europe/London")


def day(month: int, date: int, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, date, 15, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
     (22, "22nd"), (101, "101st"), (111, "111th")],
)  # fmt: skip
def test_ordinal_writes_places_as_fans_say_them(number, text):
    assert ordinal(number) == text


@pytest.fixture
def season(db):
    """Liverpool's 2026/27: a league (2nd on four points), a cup tie won on penalties, Arsenal next;
    and an older league meeting with Arsenal, in 2024."""
    league = make_stage(make_season(make_competition("Premier League"), name="2026/27"))
    cup = make_stage(
        make_season(make_competition("FA Cup", kind=Competition.Kind.CUP), name="2026/27"),
        name="Quarter-finals",
        kind=Stage.Kind.KNOCKOUT,
    )
    old = make_stage(make_season(Competition.objects.get(slug="premier-league"), name="2023/24"))
    clubs = {name: make_team(name) for name in ("Liverpool", "Arsenal", "Chelsea", "Everton")}
    liverpool, arsenal, chelsea, everton = clubs.values()
    make_result(liverpool, arsenal, old, (2, 1), kickoff=day(5, 19, 2024))
    make_result(liverpool, chelsea, league, (2, 0), kickoff=day(11, 1))
    make_result(everton, liverpool, league, (1, 1), kickoff=day(11, 8))
    make_result(liverpool, arsenal, league, (0, 1), kickoff=day(11, 15))
    make_result(arsenal, everton, league, (3, 0), kickoff=day(11, 16))
    # Level after extra time, Liverpool through on penalties: a draw in form and head-to-head.
    make_result(arsenal, liverpool, cup, (1, 1), kickoff=day(11, 22), home_penalties=4, away_penalties=5)
    make_match(liverpool, arsenal, league, kickoff=day(12, 5), round_name="Matchday 15")
    make_match(chelsea, liverpool, league, kickoff=day(12, 12))
    return league.season, clubs


def test_next_match_is_the_soonest_still_to_play_from_the_clubs_side(season):
    page = team_page("liverpool", tz=LONDON, now=NOW)
    assert page.next is not None
    assert page.next.opponent.name == "Arsenal"
    assert page.next.at_home and page.next.where == "home"
    assert page.next.game.kickoff == day(12, 5).astimezone(LONDON)
    assert page.live == []


def test_form_is_the_last_five_newest_first_and_a_shoot_out_is_a_draw(season):
    page = team_page("liverpool", tz=LONDON, now=NOW)
    assert "".join(entry.result.letter for entry in page.form) == "DLDWW"
    cup_tie = page.form[0]
    assert (cup_tie.opponent.name, cup_tie.where, cup_tie.result.score) == ("Arsenal", "away", "1-1")
    assert page.form[1].result.score == "0-1"


def test_head_to_head_with_the_next_opponent_counts_every_meeting_from_the_clubs_side(season):
    page = team_page("liverpool", tz=LONDON, now=NOW)
    h2h = page.head_to_head
    assert h2h is not None and h2h.opponent.name == "Arsenal"
    assert (h2h.record.first_wins, h2h.record.draws, h2h.record.second_wins) == (1, 1, 1)
    assert [m.game.kickoff.date() for m in h2h.meetings] == [
        dt.date(2026, 11, 22),
        dt.date(2026, 11, 15),
        dt.date(2024, 5, 19),
    ]
    assert [m.game.competition for m in h2h.meetings] == ["FA Cup", "Premier League", "Premier League"]


def test_the_arsenal_side_of_the_same_meetings_is_the_mirror(season):
    record = team_page("arsenal", tz=LONDON, now=NOW).head_to_head.record
    assert (record.first_wins, record.draws, record.second_wins) == (1, 1, 1)
    assert team_page("arsenal", tz=LONDON, now=NOW).form[0].result.letter == "D"


def test_standings_give_the_league_position_and_the_cup_round_of_this_season_only(season):
    league, _ = season
    page = team_page("liverpool", tz=LONDON, now=NOW)
    assert [standing.text for standing in page.standings] == [
        "2nd in Premier League, 4 pts",
        "FA Cup: Quarter-finals",
    ]
    first = page.standings[0]
    assert (first.position, first.points) == (2, 4)
    assert first.url == "/competitions/premier-league/2026-27/table/?stage=league"
    assert first.fixtures_url == "/competitions/premier-league/2026-27/fixtures/"
    assert first.season == league


def test_clubs_no_rule_separates_share_a_joint_place(db):
    league = make_stage(make_season(make_competition("Premier League"), name="2026/27"))
    leeds, wolves = make_team("Leeds"), make_team("Wolves")
    make_result(leeds, wolves, league, (1, 1), kickoff=day(11, 1))
    assert team_page("leeds", now=NOW).standings[0].text == "joint 1st in Premier League, 1 pt"


def test_a_league_not_yet_started_gives_no_position(db):
    league = make_stage(make_season(make_competition("Premier League"), name="2026/27"))
    make_match(make_team("Leeds"), make_team("Wolves"), league, kickoff=day(12, 5))
    standing = team_page("leeds", now=NOW).standings[0]
    assert standing.text == "Premier League: no match played yet"
    assert standing.position is None


def test_a_match_in_play_is_live_and_its_opponent_is_the_head_to_head(season):
    league, clubs = season
    make_match(
        clubs["Liverpool"], clubs["Everton"], make_stage(league, name="Extra"), kickoff=NOW,
        status="second_half", home_score=1, away_score=0,
    )  # fmt: skip
    page = team_page("liverpool", tz=LONDON, now=NOW)
    assert [game.game.score for game in page.live] == ["1-0"]
    assert page.head_to_head.opponent.name == "Everton"
    assert page.head_to_head.record.draws == 1
    assert page.next.opponent.name == "Arsenal"
    assert "".join(entry.result.letter for entry in page.form) == "DLDWW"  # in play: not form yet


def test_squad_is_this_seasons_by_line_with_numbers_and_player_pages(season):
    league, clubs = season
    for known_as, number, position in [
        ("Salah", 11, "Forward"),
        ("Alisson", 1, "Goalkeeper"),
        ("Van Dijk", 4, "Defender"),
        ("Szoboszlai", 8, "Midfielder"),
        ("Kelleher", 62, "Goalkeeper"),
    ]:
        player = make_player(known_as, name=f"{known_as} Full", position=position)
        SquadMember.objects.create(season=league, team=clubs["Liverpool"], player=player, shirt_number=number)
    old_season = make_season(Competition.objects.get(slug="premier-league"), name="2020/21")
    SquadMember.objects.create(season=old_season, team=clubs["Liverpool"], player=make_player("Firmino"))
    squad = team_page("liverpool", now=NOW).squad
    assert squad is not None and squad.lineup is None
    assert [line.title for line in squad.lines] == ["Goalkeepers", "Defenders", "Midfielders", "Forwards"]
    keepers = squad.lines[0].players
    assert [(p.shirt_number, p.name) for p in keepers] == [(1, "Alisson Full"), (62, "Kelleher Full")]
    assert keepers[0].url.startswith("/players/") and keepers[0].url.endswith("/alisson-full/")
    assert "Firmino" not in {p.name for line in squad.lines for p in line.players}


def test_without_a_squad_the_latest_line_up_stands_in(season):
    _, clubs = season
    older = make_result(clubs["Liverpool"], clubs["Chelsea"], kickoff=day(10, 1))
    latest = make_result(clubs["Everton"], clubs["Liverpool"], kickoff=day(10, 20))
    add_to_lineup(older, clubs["Liverpool"], "Firmino")
    add_to_lineup(latest, clubs["Liverpool"], "Salah", "Alisson")
    squad = team_page("liverpool", now=NOW).squad
    assert squad is not None and squad.lineup == latest
    assert [p.name for line in squad.lines for p in line.players] == ["Alisson", "Salah"]


def test_a_club_without_squad_or_line_up_has_no_squad(season):
    assert team_page("chelsea", now=NOW).squad is None


def test_another_sports_team_has_its_games_and_no_football_furniture(db):
    week = make_stage(make_season(make_competition("NFL", sport="american_football"), name="2026"))
    bears = make_team("Chicago Bears", sport="american_football")
    vikings = make_team("Minnesota Vikings", sport="american_football")
    make_result(bears, vikings, week, (20, 17), kickoff=day(11, 29))
    make_match(vikings, bears, week, kickoff=day(12, 6))
    page = team_page("chicago-bears", now=NOW)
    assert not page.football
    assert [standing.text for standing in page.standings] == ["NFL"]
    assert page.standings[0].url == "/competitions/nfl/2026/fixtures/"
    assert (page.form, page.head_to_head, page.squad) == ([], None, None)
    assert [game.score for game in page.results] == ["17-20"]  # US style: the visitors first
    assert page.next is not None and page.next.opponent == vikings


def test_unknown_club_raises(db):
    from fixtures_app.models import Team

    with pytest.raises(Team.DoesNotExist):
        team_page("nobody")


def test_league_places_come_before_cup_rounds_whichever_was_played_first(db):
    league = make_stage(make_season(make_competition("Premier League"), name="2026/27"))
    cup_season = make_season(make_competition("Carabao Cup", kind=Competition.Kind.CUP), name="2026/27")
    cup = make_stage(cup_season, name="Second round", kind=Stage.Kind.KNOCKOUT)
    leeds, wolves = make_team("Leeds"), make_team("Wolves")
    make_result(leeds, wolves, cup, (2, 0), kickoff=day(8, 27))
    make_result(wolves, leeds, league, (0, 1), kickoff=day(9, 13))
    texts = [standing.text for standing in team_page("leeds", now=NOW).standings]
    assert texts == ["1st in Premier League, 3 pts", "Carabao Cup: Second round"]


def test_a_squad_player_without_a_position_is_placed_where_he_last_played(season):
    league, clubs = season
    alisson = make_player("Alisson")  # registered with no position
    SquadMember.objects.create(season=league, team=clubs["Liverpool"], player=alisson, shirt_number=1)
    older = make_result(clubs["Liverpool"], clubs["Chelsea"], kickoff=day(9, 1))
    latest = make_result(clubs["Liverpool"], clubs["Everton"], kickoff=day(10, 1))
    LineupEntry.objects.create(match=older, team=clubs["Liverpool"], player=alisson, position="Defender")
    LineupEntry.objects.create(match=latest, team=clubs["Liverpool"], player=alisson, position="Goalkeeper")
    squad = team_page("liverpool", now=NOW).squad
    assert [(line.title, [p.name for p in line.players]) for line in squad.lines] == [
        ("Goalkeepers", ["Alisson"])
    ]


def test_a_club_through_a_league_phase_is_shown_in_the_round_it_reached(db):
    season = make_season(
        make_competition("Europa League", kind=Competition.Kind.LEAGUE_PHASE), name="2026/27"
    )
    phase = make_stage(season, name="League Phase", order=1)
    last_16 = make_stage(season, name="Round of 16", kind=Stage.Kind.KNOCKOUT, order=2)
    roma, porto = make_team("Roma"), make_team("Porto")
    make_result(roma, porto, phase, (2, 0), kickoff=day(10, 1))
    assert team_page("roma", now=NOW).standings[0].text == "1st in Europa League (League Phase), 3 pts"
    make_match(porto, roma, last_16, kickoff=day(12, 10))
    make_result(roma, porto, last_16, (1, 0), kickoff=day(12, 2))
    assert team_page("roma", now=NOW).standings[0].text == "Europa League: Round of 16"
