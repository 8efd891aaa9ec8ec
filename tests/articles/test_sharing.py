"""Share titles, descriptions and links: scores once started, addresses percent-encoded."""

from urllib.parse import parse_qs, urlsplit

import pytest

from articles.sharing import describe, match_title, share_links

URL = "https://matchcentre.example/matches/2/atalanta-v-liverpool-2024-04-18/"
ENCODED = "https%3A%2F%2Fmatchcentre.example%2Fmatches%2F2%2Fatalanta-v-liverpool-2024-04-18%2F"


@pytest.mark.parametrize(
    ("home_score", "away_score", "started", "title"),
    [
        (0, 1, True, "Atalanta 0-1 Liverpool"),
        (0, 0, True, "Atalanta 0-0 Liverpool"),
        (None, None, False, "Atalanta v Liverpool"),
        (None, None, True, "Atalanta v Liverpool"),  # started, but no score recorded yet
    ],
)
def test_match_title_carries_the_score_once_started(home_score, away_score, started, title):
    assert match_title("Atalanta", "Liverpool", home_score, away_score, started=started) == title


def test_description_leaves_out_empty_parts():
    parts = ("UEFA Europa League", "Quarter-finals", "2nd Leg", "", "FT (HT: 0-1)")
    assert describe(*parts) == "UEFA Europa League · Quarter-finals · 2nd Leg · FT (HT: 0-1)"


def test_every_share_link_carries_the_page_address_encoded():
    links = share_links(URL, "Atalanta 0-1 Liverpool")
    assert [link.network for link in links] == ["x", "facebook", "whatsapp", "reddit", "email"]
    for link in links:
        assert ENCODED in link.href, link.network


def test_share_links_go_to_each_networks_own_share_page():
    links = {link.network: link for link in share_links(URL, "Atalanta 0-1 Liverpool")}
    assert links["x"].href.startswith("https://twitter.com/intent/tweet?")
    assert parse_qs(urlsplit(links["x"].href).query) == {"text": ["Atalanta 0-1 Liverpool"], "url": [URL]}
    assert parse_qs(urlsplit(links["facebook"].href).query) == {"u": [URL]}
    assert parse_qs(urlsplit(links["whatsapp"].href).query) == {"text": [f"Atalanta 0-1 Liverpool {URL}"]}
    assert parse_qs(urlsplit(links["reddit"].href).query)["title"] == ["Atalanta 0-1 Liverpool"]


def test_the_email_link_uses_percent_encoding_that_mail_programs_read():
    email = share_links(URL, "Atalanta 0-1 Liverpool")[-1]
    assert email.href.startswith("mailto:?subject=Atalanta%200-1%20Liverpool&body=")
    assert "+" not in email.href
    assert not email.opens_new_tab


def test_each_link_has_an_accessible_name_that_contains_its_visible_label():
    names = [link.name for link in share_links(URL, "Title")]
    assert names == [
        "Share on X (Twitter)",
        "Share on Facebook",
        "Share on WhatsApp",
        "Share on Reddit",
        "Share by email",
    ]
