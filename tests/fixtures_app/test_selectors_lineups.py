"""The line-ups as the match page draws them: each side's eleven on the pitch in its formation,
shirt numbers, links, captain, and what each player did; the benches with who came on and when."""

import re

import pytest

from fixtures_app.models import LineupEntry, MatchEvent
from fixtures_app.selectors.facts import event_facts
from fixtures_app.selectors.lineups import match_sheets
from football.formation import PITCH_LENGTH
from tests.factories import make_match, make_player, make_team

pytestmark = pytest.mark.django_db

LIVERPOOL_4_3_3 = [
    ("Alisson", "Goalkeeper"),
    ("Alexander-Arnold", "Defender"),
    ("Konaté", "Defender"),
    ("Van Dijk", "Defender"),
    ("Robertson", "Defender"),
    ("Szoboszlai", "Midfielder"),
    ("Mac Allister", "Midfielder"),
    ("Jones", "Midfielder"),
    ("Salah", "Forward"),
    ("Gakpo", "Forward"),
    ("Luis Díaz", "Forward"),
]


@pytest.fixture
def match():
    atalanta = make_team("Atalanta", primary_colour="#1e71b8", secondary_colour="#000000")
    liverpool = make_team("Liverpool", primary_colour="#c8102e", secondary_colour="#f6eb61")
    return make_match(atalanta, liverpool, home_formation="3-4-1-2", away_formation="4-3-3")


def name_sheet(match, team, names, *, starter=True, first_shirt=1):
    """Names (known_as, position) on the team's sheet, shirts numbered from `first_shirt`."""
    order = LineupEntry.objects.filter(match=match, team=team).count()
    players = {}
    for number, (known_as, position) in enumerate(names, start=first_shirt):
        player = make_player(known_as, name=f"{known_as} Full")
        order += 1
        LineupEntry.objects.create(
            match=match,
            team=team,
            player=player,
            shirt_number=number,
            starter=starter,
            position=position,
            order=order,
            captain=known_as == "Van Dijk",
        )
        players[known_as] = player
    return players


def sheets_of(match):
    entries = LineupEntry.objects.filter(match=match).select_related("player")
    events = list(MatchEvent.objects.filter(match=match).with_people().in_match_order())
    return match_sheets(match, entries, event_facts(match, events))


def test_each_eleven_stands_in_its_half_in_its_formations_lines(match):
    name_sheet(match, match.home_team, [(f"Atalanta {n}", "") for n in range(1, 12)])
    name_sheet(match, match.away_team, LIVERPOOL_4_3_3)
    sheets = sheets_of(match)
    home, away = sheets.home, sheets.away
    assert (home.heading, away.heading) == ("Atalanta (3-4-1-2)", "Liverpool (4-3-3)")
    assert all(player.y > PITCH_LENGTH / 2 for player in home.starters)
    assert all(player.y < PITCH_LENGTH / 2 for player in away.starters)
    rows = sorted({player.y for player in home.starters}, reverse=True)
    assert [sum(player.y == y for player in home.starters) for y in rows] == [1, 3, 4, 1, 2]
    # Liverpool defend the top goal: their right back is on the viewer's left.
    alexander_arnold, robertson = away.starters[1], away.starters[4]
    assert alexander_arnold.x < robertson.x


def test_shirt_numbers_names_links_and_the_captain_are_on_the_sheet(match):
    players = name_sheet(match, match.away_team, LIVERPOOL_4_3_3, first_shirt=1)
    van_dijk = sheets_of(match).away.starters[3]
    assert (van_dijk.number, van_dijk.name, van_dijk.captain) == (4, "Van Dijk", True)
    assert van_dijk.url == players["Van Dijk"].get_absolute_url()


def test_a_formation_that_does_not_fit_falls_back_to_the_positions(match):
    match.away_formation = ""
    name_sheet(match, match.away_team, LIVERPOOL_4_3_3[:10])  # ten starters named so far
    starters = sheets_of(match).away.starters
    rows = sorted({player.y for player in starters})
    assert [sum(player.y == y for player in starters) for y in rows] == [1, 4, 3, 2]


def goal(match, team, player, minute, **fields):
    return MatchEvent.objects.create(
        match=match,
        team=team,
        kind="goal",
        period=1 if minute <= 45 else 2,
        minute=minute,
        player=player,
        **fields,
    )


def test_goals_own_goals_cards_and_substitutions_mark_the_players(match):
    liverpool = match.away_team
    players = name_sheet(match, liverpool, LIVERPOOL_4_3_3)
    bench = name_sheet(
        match, liverpool, [("Núñez", "Forward"), ("Kelleher", "Goalkeeper")], starter=False, first_shirt=12
    )
    salah, van_dijk, jones = players["Salah"], players["Van Dijk"], players["Jones"]
    goal(match, liverpool, salah, 7, goal_type="penalty")
    goal(match, liverpool, salah, 30, goal_type="open_play")
    goal(match, liverpool, van_dijk, 52, goal_type="own_goal")
    MatchEvent.objects.create(match=match, team=liverpool, kind="yellow", period=1, minute=20, player=jones)
    MatchEvent.objects.create(
        match=match, team=liverpool, kind="second_yellow", period=2, minute=70, player=jones
    )
    MatchEvent.objects.create(
        match=match,
        team=liverpool,
        kind="substitution",
        period=2,
        minute=66,
        player=salah,
        player_in=bench["Núñez"],
    )
    sheets = sheets_of(match)
    marks = {player.name: player.marks for player in [*sheets.away.starters, *sheets.away.bench]}
    assert (marks["Salah"].goals, marks["Salah"].own_goals, marks["Salah"].off_at) == (2, 0, "66'")
    assert (marks["Van Dijk"].goals, marks["Van Dijk"].own_goals) == (0, 1)
    assert (marks["Jones"].booked, marks["Jones"].sent_off) == (True, True)
    assert marks["Núñez"].on_at == "66'" and marks["Kelleher"].notes == ()
    assert [note.text for note in marks["Salah"].notes] == ["goal 7'", "goal 30'", "off 66'"]
    assert [note.text for note in marks["Jones"].notes] == ["booked 20'", "sent off (2nd yellow) 70'"]


def test_a_goal_the_var_disallowed_marks_nobody(match):
    liverpool = match.away_team
    salah = name_sheet(match, liverpool, LIVERPOOL_4_3_3)["Salah"]
    disallowed = goal(match, liverpool, salah, 41, goal_type="open_play")
    MatchEvent.objects.create(
        match=match, kind="var", period=1, minute=41, var_decision="goal_disallowed", reverses=disallowed
    )
    assert sheets_of(match).away.starters[8].marks.goals == 0


def test_the_drawing_is_described_in_words_for_screen_readers(match):
    liverpool = match.away_team
    salah = name_sheet(match, liverpool, LIVERPOOL_4_3_3)["Salah"]
    goal(match, liverpool, salah, 7, goal_type="penalty")
    description = sheets_of(match).description
    assert description.startswith("Liverpool (4-3-3): 1 Alisson, 2 Alexander-Arnold")
    assert "4 Van Dijk (captain)" in description and "9 Salah (goal 7')" in description


def test_the_away_shirt_changes_when_it_looks_like_the_home_shirt(match):
    match.away_team.primary_colour = "#1d6fb5"  # Atalanta's blue, near enough
    match.away_team.secondary_colour = "#ffffff"
    home, away = sheets_of(match).home.shirt, sheets_of(match).away.shirt
    assert home.fill == "#1e71b8" and away.fill == "#ffffff"


def test_the_match_page_draws_both_elevens_and_links_every_name(client, match):
    name_sheet(match, match.home_team, [(f"Atalanta {n}", "") for n in range(1, 12)], first_shirt=20)
    liverpool = name_sheet(match, match.away_team, LIVERPOOL_4_3_3)
    bench = name_sheet(match, match.away_team, [("Núñez", "Forward")], starter=False, first_shirt=12)
    content = client.get(match.get_absolute_url()).content.decode()
    pitch = content[
        content.index('<svg class="pitch__drawing"') : content.index(
            "</svg>", content.index("pitch__drawing")
        )
    ]
    assert pitch.count('class="shirt"') == 22
    assert re.search(
        r'<text class="shirt__number"[^>]*>9</text>\s*<text class="shirt__name"[^>]*>Salah</text>', pitch
    )
    assert 'fill="#c8102e"' in pitch and 'fill="#1e71b8"' in pitch
    assert '<title id="pitch-title">' in pitch
    for player in [*liverpool.values(), *bench.values()]:
        assert f'<a href="{player.get_absolute_url()}">{player.known_as}</a>' in content
    assert 'Liverpool <span class="sheet__formation">4-3-3</span>' in content


def test_a_match_without_line_ups_says_when_they_come(client, match):
    content = client.get(match.get_absolute_url()).content.decode()
    assert "Line-ups are usually announced an hour before kick-off." in content
    assert "pitch__drawing" not in content
