"""The line-ups' pitch in headless Chromium, on a desktop and on a phone: eleven numbered shirts
per side inside the pitch, no shirt or name over another, nothing wider than the screen, and
every name in the lists a link to the player's page."""

import pytest

from fixtures_app.models import LineupEntry, MatchEvent
from tests.factories import make_match, make_player, make_team

pytestmark = pytest.mark.browser

# A line of five with long names is the widest to fit on a phone.
HOME_3_5_2 = [
    "Musso",
    "Djimsiti",
    "Hien",
    "Kolasinac",
    "Zappacosta",
    "Koopmeiners",
    "De Ketelaere",
    "Alexander-Arnold",
    "Szoboszlai",
    "Scamacca",
    "Lookman",
]
# Five lines, a lone holding midfielder among them, are the tightest from front to back.
AWAY_4_1_2_2_1 = [
    "Alisson",
    "Bradley",
    "Konaté",
    "Van Dijk",
    "Robertson",
    "Sergio Busquets",
    "Mac Allister",
    "Dominik Szoboszlai",
    "Salah",
    "Luis Díaz",
    "Núñez",
]

PITCH = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height}; };
  const shirts = (side) => [...document.querySelectorAll(`.pitch__side--${side} .shirt`)].map((shirt) => ({
    number: shirt.querySelector('.shirt__number').textContent,
    name: shirt.querySelector('.shirt__name').textContent,
    circle: box(shirt.querySelector('.shirt__body')),
    label: box(shirt.querySelector('.shirt__name')),
    fill: shirt.querySelector('.shirt__body').getAttribute('fill'),
  }));
  return {
    pitch: box(document.querySelector('.pitch__drawing')),
    label: document.querySelector('.pitch__drawing').getAttribute('aria-labelledby'),
    home: shirts('home'),
    away: shirts('away'),
    links: [...document.querySelectorAll('.sheet__name a')]
      .map((a) => [a.textContent, a.getAttribute('href')]),
    scrollWidth: document.documentElement.scrollWidth,
  };
}"""


def _sheet(match, team, names, *, first_shirt):
    players = {}
    for order, name in enumerate(names, start=1):
        player = make_player(name)
        LineupEntry.objects.create(
            match=match,
            team=team,
            player=player,
            shirt_number=first_shirt + order,
            order=order,
            starter=order <= 11,
        )
        players[name] = player
    return players


@pytest.fixture
def match_with_line_ups(live_site):
    atalanta = make_team("Atalanta", primary_colour="#1e71b8", secondary_colour="#000000")
    liverpool = make_team("Liverpool", primary_colour="#c8102e", secondary_colour="#f6eb61")
    match = make_match(
        atalanta, liverpool, home_formation="3-5-2", away_formation="4-1-2-2-1", status="second_half"
    )
    players = {
        **_sheet(match, atalanta, [*HOME_3_5_2, "Touré"], first_shirt=10),
        **_sheet(match, liverpool, [*AWAY_4_1_2_2_1, "Jota", "Elliott"], first_shirt=30),
    }
    MatchEvent.objects.create(
        match=match,
        team=liverpool,
        kind="goal",
        goal_type="open_play",
        period=1,
        minute=7,
        player=players["Salah"],
    )
    MatchEvent.objects.create(
        match=match,
        team=liverpool,
        kind="substitution",
        period=2,
        minute=67,
        player=players["Núñez"],
        player_in=players["Jota"],
    )
    return live_site + match.get_absolute_url(), players


def _overlaps(first: dict, second: dict) -> bool:
    return not (
        first["right"] <= second["left"]
        or second["right"] <= first["left"]
        or first["bottom"] <= second["top"]
        or second["bottom"] <= first["top"]
    )


@pytest.mark.parametrize("width", [1366, 390])
def test_the_pitch_shows_eleven_numbered_shirts_a_side_none_over_another(browser, match_with_line_ups, width):
    url, players = match_with_line_ups
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    drawn = page.evaluate(PITCH)
    page.close()
    assert drawn["label"] == "pitch-title pitch-desc"
    assert [shirt["number"] for shirt in drawn["home"]] == [str(11 + n) for n in range(11)]
    assert [shirt["number"] for shirt in drawn["away"]] == [str(31 + n) for n in range(11)]
    assert {shirt["fill"] for shirt in drawn["home"]} == {"#1e71b8"}
    assert {shirt["fill"] for shirt in drawn["away"]} == {"#c8102e"}
    shirts = [*drawn["home"], *drawn["away"]]
    pitch = drawn["pitch"]
    for shirt in shirts:
        for box in (shirt["circle"], shirt["label"]):
            assert pitch["left"] <= box["left"] and box["right"] <= pitch["right"], shirt["name"]
            assert pitch["top"] <= box["top"] and box["bottom"] <= pitch["bottom"], shirt["name"]
        # Readable: the name stands at least 9 px tall even on a phone.
        assert shirt["label"]["height"] >= 9, shirt["name"]
    for index, shirt in enumerate(shirts):
        for other in shirts[index + 1 :]:
            assert not _overlaps(shirt["circle"], other["circle"]), (shirt["name"], other["name"])
            assert not _overlaps(shirt["label"], other["label"]), (shirt["name"], other["name"])
            assert not _overlaps(shirt["label"], other["circle"]), (shirt["name"], other["name"])
    assert drawn["scrollWidth"] <= width


def test_every_name_in_the_lists_links_to_the_players_page(browser, match_with_line_ups):
    url, players = match_with_line_ups
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(url)
    links = dict(page.evaluate(PITCH)["links"])
    page.close()
    assert links == {name: player.get_absolute_url() for name, player in players.items()}
