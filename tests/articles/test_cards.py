"""The score card a shared match shows: escaped text, safe colours, names that fit."""

import xml.etree.ElementTree as ET

import pytest

from articles.cards import FALLBACK_COLOUR, CardFacts, ink, name_size, safe_colour, score_card_svg

SEED = CardFacts(
    competition_line="UEFA Europa League · Quarter-finals · 2nd Leg",
    home_name="Atalanta",
    away_name="Liverpool",
    home_colour="#1e71b8",
    away_colour="#c8102e",
    score="0–1",
    status_line="FT (HT: 0-1)",
    aggregate_line="Atalanta win 3-1 on aggregate",
)
SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return [element.text for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_the_card_shows_the_score_the_status_and_the_aggregate():
    svg = score_card_svg(SEED)
    assert texts(svg) == [
        "UEFA EUROPA LEAGUE · QUARTER-FINALS · 2ND LEG",
        "Atalanta",
        "Liverpool",
        "0–1",
        "FT (HT: 0-1)",
        "Atalanta win 3-1 on aggregate",
        "MatchCentre",
    ]
    root = ET.fromstring(svg)
    assert (root.get("width"), root.get("height")) == ("1200", "630")
    assert root.get("aria-label") == "Atalanta 0–1 Liverpool, FT (HT: 0-1)"


def test_names_and_colours_cannot_break_out_of_the_picture():
    facts = CardFacts(
        competition_line="Cup",
        home_name='<script>alert("x")</script>',
        away_name='A & B "United"',
        home_colour='red" onload="alert(1)',
        away_colour="#00ff00",
        score="v",
        status_line="Kick-off 20:00",
    )
    svg = score_card_svg(facts)
    assert "<script" not in svg and "onload" not in svg
    assert texts(svg)[1:3] == ['<script>alert("x")</script>', 'A & B "United"']
    assert f'fill="{FALLBACK_COLOUR}"' in svg


@pytest.mark.parametrize(
    ("colour", "expected"),
    [
        ("#c8102e", "#c8102e"),
        ("#FFFFFF", "#FFFFFF"),
        ("red", FALLBACK_COLOUR),
        ("#fff", FALLBACK_COLOUR),
        ("", FALLBACK_COLOUR),
    ],
)
def test_only_six_digit_hex_colours_are_used(colour, expected):
    assert safe_colour(colour) == expected


@pytest.mark.parametrize(
    ("colour", "text"), [("#c8102e", "#ffffff"), ("#6cabdd", "#111827"), ("#f6eb61", "#111827")]
)
def test_names_are_written_in_the_ink_that_reads_on_their_colour(colour, text):
    assert ink(colour) == text


def test_long_names_are_set_smaller_but_never_tiny():
    assert name_size("Lens") == 60
    assert name_size("Borussia Mönchengladbach") < 30
    assert name_size("x" * 200) == 24
