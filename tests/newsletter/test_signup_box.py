"""The sign-up box beside a game speaks the game's sport: another sport's page has no football in it."""

import re

import pytest

from tests.factories import make_competition, make_match, make_season, make_stage, make_team


def signup_box(client, match) -> str:
    page = client.get(match.get_absolute_url()).content.decode()
    box = re.search(r'<section id="newsletter".*?</section>', page, re.S)
    assert box, "the page has no sign-up box"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box[0]))


@pytest.mark.django_db
def test_the_box_on_an_nfl_game_says_nothing_of_football(client):
    nfl = make_stage(make_season(make_competition("NFL", sport="american_football"), name="2026"))
    text = signup_box(client, make_match(make_team("Bears"), make_team("Vikings"), nfl))
    assert "Get our previews, twice a week" in text
    for football_words in ("match", "midweek round", "football"):
        assert football_words not in text.lower()


@pytest.mark.django_db
def test_the_box_on_a_football_match_offers_match_previews(client):
    text = signup_box(client, make_match(make_team("Arsenal"), make_team("Chelsea")))
    assert "Get match previews, twice a week" in text
    assert "before the weekend and the midweek round" in text
