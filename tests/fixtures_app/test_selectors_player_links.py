"""Players' names on the match page link to their pages: under the score and in the timeline."""

import html
import re

import pytest

from fixtures_app.models import MatchEvent
from fixtures_app.selectors.player_links import TextPart, linked_parts
from tests.factories import add_to_lineup, make_result, make_team

SALAH, NUNEZ = "/players/1/mohamed-salah/", "/players/2/darwin-nunez/"


@pytest.mark.parametrize(
    ("text", "names", "parts"),
    [
        ("Salah (7' pen.)", [("Salah", SALAH)], (TextPart("Salah", SALAH), TextPart(" (7' pen.)"))),
        (
            "Núñez replaces Salah (Liverpool).",
            [("Núñez", NUNEZ), ("Salah", SALAH)],
            (
                TextPart("Núñez", NUNEZ),
                TextPart(" replaces "),
                TextPart("Salah", SALAH),
                TextPart(" (Liverpool)."),
            ),
        ),
        # A name is looked for after the one before it: the second Silva is the one going off.
        (
            "Silva replaces Silva (Chelsea).",
            [("Silva", NUNEZ), ("Silva", SALAH)],
            (
                TextPart("Silva", NUNEZ),
                TextPart(" replaces "),
                TextPart("Silva", SALAH),
                TextPart(" (Chelsea)."),
            ),
        ),
        ("(52' o.g.)", [("", SALAH)], (TextPart("(52' o.g.)"),)),
        ("Salah (7')", [("Salah", "")], (TextPart("Salah (7')"),)),
        ("Liverpool: offside.", [("Salah", SALAH)], (TextPart("Liverpool: offside."),)),
        ("", [("Salah", SALAH)], ()),
    ],
)
def test_linked_parts_cut_the_text_at_each_name(text, names, parts):
    assert linked_parts(text, names) == parts


@pytest.mark.django_db
def test_match_page_links_scorers_booked_players_and_substitutes(client):
    liverpool, atalanta = make_team("Liverpool"), make_team("Atalanta")
    match = make_result(atalanta, liverpool, score=(0, 1))
    salah, hien = add_to_lineup(match, liverpool, "Salah")[0], add_to_lineup(match, atalanta, "Hien")[0]
    nunez = add_to_lineup(match, liverpool, "Núñez", starter=False)[0]
    MatchEvent.objects.create(
        match=match, team=liverpool, kind="goal", goal_type="penalty", period=1, minute=7, player=salah
    )
    MatchEvent.objects.create(match=match, team=atalanta, kind="yellow", period=1, minute=43, player=hien)
    MatchEvent.objects.create(
        match=match, team=liverpool, kind="substitution", period=2, minute=66, player=salah, player_in=nunez
    )

    content = html.unescape(client.get(match.get_absolute_url()).content.decode())

    scoreboard = content[content.index('class="scoreboard"') : content.index("match-header__meta")]
    assert (
        f'<a class="key-event__player" href="{salah.get_absolute_url()}">Salah (7\' pen.)</a>' in scoreboard
    )
    assert f'<a class="key-event__player" href="{hien.get_absolute_url()}">Hien (43\')</a>' in scoreboard
    substitution = re.search(
        r'<li class="timeline__entry timeline__entry--substitution.*?</li>', content, re.S
    )
    assert substitution is not None
    assert (
        f'<a class="timeline__player" href="{nunez.get_absolute_url()}">Núñez</a> replaces '
        f'<a class="timeline__player" href="{salah.get_absolute_url()}">Salah</a> (Liverpool).'
    ) in substitution.group()


@pytest.mark.django_db
def test_a_goals_assist_links_to_the_assisting_players_page(client):
    arsenal, chelsea = make_team("Arsenal"), make_team("Chelsea")
    match = make_result(arsenal, chelsea, score=(1, 0))
    saka, odegaard = add_to_lineup(match, arsenal, "Saka", "Ødegaard")
    MatchEvent.objects.create(
        match=match,
        team=arsenal,
        kind="goal",
        goal_type="open_play",
        period=1,
        minute=12,
        player=saka,
        assist=odegaard,
    )
    content = html.unescape(client.get(match.get_absolute_url()).content.decode())
    assert (
        f'<a class="timeline__player" href="{saka.get_absolute_url()}">Saka</a> (Arsenal) scores, '
        f'assisted by <a class="timeline__player" href="{odegaard.get_absolute_url()}">Ødegaard</a>'
    ) in content
