"""The JSON-LD of match and article pages, read back from the page as a search engine reads it
and checked against the schema.org vocabulary (tests/schemaorg)."""

import datetime as dt
import json
import re

import pytest

from articles.models import Article
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import KICKOFF, add_to_lineup, make_match, make_result, make_team, make_venue
from tests.schemaorg.validate import problems

pytestmark = pytest.mark.django_db
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def graph(client, url: str) -> list[dict]:
    page = client.get(url, follow=True).content.decode()
    blocks = BLOCK.findall(page)
    assert len(blocks) == 1, "one JSON-LD block per page"
    document = json.loads(blocks[0])
    assert problems(document) == []
    return document["@graph"]


@pytest.mark.parametrize(
    ("node", "problem"),
    [
        ({"@type": "SportsEvent", "homeTeam": "Arsenal"}, "'Arsenal' is not a Person/SportsTeam"),
        ({"@type": "SportsEvent", "score": "2-1"}, "SportsEvent has no property 'score'"),
        ({"@type": "SportsEvent", "startDate": "tomorrow"}, "'tomorrow' is not a Date/DateTime"),
        ({"@type": "SportsEvent", "location": {"@type": "Person", "name": "X"}}, "a Person where"),
        ({"@type": "SportsEvent", "eventStatus": "https://schema.org/Live"}, "is not a EventStatusType"),
        ({"@type": "Match"}, "unknown or unchecked type 'Match'"),
    ],
    ids=["text for a team", "no such property", "not a date", "wrong node type", "no such status", "no type"],
)
def test_the_validator_refuses_what_the_vocabulary_does_not_allow(node, problem):
    found = problems({"@context": "https://schema.org", "@graph": [node]})
    assert any(problem in line for line in found), found


def test_an_upcoming_match_is_a_scheduled_sports_event_with_teams_venue_and_kick_off(client):
    venue = make_venue("Anfield", city="Liverpool", country="England")
    match = make_match(make_team("Liverpool"), make_team("Manchester City"), venue=venue)
    (event,) = graph(client, match.get_absolute_url())
    assert event["@type"] == "SportsEvent"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert dt.datetime.fromisoformat(event["startDate"]) == KICKOFF
    assert [team["name"] for team in (event["homeTeam"], event["awayTeam"])] == [
        "Liverpool",
        "Manchester City",
    ]
    assert event["homeTeam"]["url"] == "http://testserver/teams/liverpool/"
    assert event["location"] == {
        "@type": "StadiumOrArena",
        "name": "Anfield",
        "address": {"@type": "PostalAddress", "addressLocality": "Liverpool", "addressCountry": "England"},
    }


def test_a_live_match_adds_a_live_blog_whose_updates_are_its_events_latest_first(client):
    home, away = make_team("Arsenal"), make_team("Chelsea")
    match = make_match(home, away)
    (saka,) = add_to_lineup(match, home, "Saka")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    match_record_event(match=match, kind="goal", minute=12, team=home, player=saka, goal_type="open_play")
    match_record_event(match=match, kind="yellow", minute=30, team=home, player=saka, text="Late on Palmer.")
    event, blog = graph(client, match.get_absolute_url())
    assert blog["@type"] == "LiveBlogPosting"
    assert blog["about"] == {"@id": event["@id"]}
    headlines = [update["headline"] for update in blog["liveBlogUpdate"]]
    assert headlines[:2] == ["30' Yellow card", "12' Goal! Arsenal 1-0 Chelsea"]
    assert blog["liveBlogUpdate"][0]["articleBody"].endswith("Late on Palmer.")
    assert "Arsenal 1-0 Chelsea" in event["description"]


def test_a_finished_match_says_its_score_and_has_no_live_blog(client):
    match = make_result(make_team("Arsenal"), make_team("Chelsea"), score=(2, 1))
    (event,) = graph(client, match.get_absolute_url())
    assert event["description"].startswith("Arsenal 2-1 Chelsea")


def test_a_postponed_match_says_so(client):
    match = make_match(make_team("Arsenal"), make_team("Chelsea"), status="postponed")
    (event,) = graph(client, match.get_absolute_url())
    assert event["eventStatus"] == "https://schema.org/EventPostponed"


def test_commentary_cannot_close_the_json_ld_block(client):
    home, away = make_team("Arsenal"), make_team("Chelsea")
    match = make_match(home, away)
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    hostile = "</script><script>alert(1)</script><!--"
    match_record_event(match=match, kind="commentary", minute=3, text=hostile)
    _, blog = graph(client, match.get_absolute_url())
    assert hostile in blog["liveBlogUpdate"][0]["articleBody"]


def test_a_report_is_a_news_article_about_its_match(client):
    match = make_result(make_team("Arsenal"), make_team("Chelsea"), score=(2, 1))
    article = Article.objects.create(
        match=match,
        headline="Havertz settles it",
        slug="havertz",
        standfirst="Arsenal edge the derby.",
        body="Arsenal won.",
        author="Sam Writer",
        published_at=KICKOFF + dt.timedelta(hours=3),
    )
    (node,) = graph(client, article.get_absolute_url())
    assert node["@type"] == "NewsArticle"
    assert node["headline"] == "Havertz settles it"
    assert node["author"] == {"@type": "Person", "name": "Sam Writer"}
    assert dt.datetime.fromisoformat(node["datePublished"]) == KICKOFF + dt.timedelta(hours=3)
    assert node["about"]["@id"].startswith("http://testserver" + match.get_absolute_url())
