"""The score card as PNG: the card's size, its colours, ink that reads, names kept in their panels."""

import io

from PIL import Image

from articles.card_picture import PANEL_TOP, score_card_png
from articles.cards import FALLBACK_COLOUR, HEIGHT, PANEL_WIDTH, WIDTH, CardFacts
from tests.articles.test_cards import SEED

HOME_PANEL, AWAY_PANEL = 60, WIDTH - 60 - PANEL_WIDTH
NAME_ROW = PANEL_TOP + 145  # the middle of the panels, where the names are set


def picture(facts: CardFacts) -> Image.Image:
    image = Image.open(io.BytesIO(score_card_png(facts)))
    assert image.format == "PNG"
    return image.convert("RGB")


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def colours_along(image: Image.Image, y: int, xs: range) -> set[tuple[int, int, int]]:
    return {image.getpixel((x, y)) for x in xs}


def test_the_card_is_1200_by_630_with_each_team_on_its_colour():
    image = picture(SEED)
    assert image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert image.getpixel((HOME_PANEL + 30, PANEL_TOP + 30)) == rgb("#1e71b8")
    assert image.getpixel((AWAY_PANEL + 30, PANEL_TOP + 30)) == rgb("#c8102e")


def test_names_and_score_are_drawn_in_ink_that_reads_on_their_background():
    image = picture(SEED)
    home_row = colours_along(image, NAME_ROW, range(HOME_PANEL, HOME_PANEL + PANEL_WIDTH))
    assert (255, 255, 255) in home_row  # white ink on Atalanta's blue
    score_row = colours_along(image, 300, range(WIDTH // 2 - 80, WIDTH // 2 + 80))
    assert (255, 255, 255) in score_row
    light = picture(CardFacts(**{**SEED.__dict__, "home_colour": "#fdb913"}))
    assert rgb("#111827") in colours_along(light, NAME_ROW, range(HOME_PANEL, HOME_PANEL + PANEL_WIDTH))


def test_a_colour_that_is_not_one_falls_back_to_slate():
    image = picture(CardFacts(**{**SEED.__dict__, "away_colour": "url(javascript:alert(1))"}))
    assert image.getpixel((AWAY_PANEL + 30, PANEL_TOP + 30)) == rgb(FALLBACK_COLOUR)


def test_a_long_name_stays_inside_its_panel():
    long = "Wolverhampton Wanderers Football Club of the West Midlands"
    image = picture(CardFacts(**{**SEED.__dict__, "home_name": long}))
    background = image.getpixel((5, 5))
    outside = colours_along(image, NAME_ROW, range(0, HOME_PANEL)) | colours_along(
        image, NAME_ROW, range(HOME_PANEL + PANEL_WIDTH + 1, HOME_PANEL + PANEL_WIDTH + 30)
    )
    assert outside == {background}
    inside = colours_along(image, NAME_ROW, range(HOME_PANEL, HOME_PANEL + PANEL_WIDTH))
    assert (255, 255, 255) in inside


def test_a_different_score_draws_a_different_card():
    assert score_card_png(SEED) != score_card_png(CardFacts(**{**SEED.__dict__, "score": "1–1"}))
