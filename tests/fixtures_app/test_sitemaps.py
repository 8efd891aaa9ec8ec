"""sitemap.xml lists every public page with the time it last changed, as a search engine reads it."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from articles.models import Article
from fixtures_app.models import MatchUpdate
from tests.factories import (
    KICKOFF,
    add_to_lineup,
    make_competition,
    make_match,
    make_season,
    make_stage,
    make_team,
)

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap(client) -> dict[str, str | None]:
    answer = client.get("/sitemap.xml")
    assert answer.status_code == 200
    urls = ET.fromstring(answer.content).findall(f"{SITEMAP}url")
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in urls}


def update(match, seq: int, at: dt.datetime) -> None:
    MatchUpdate.objects.create(match=match, seq=seq, kind="event", summary="Goal", message={}, at=at)
    MatchUpdate.objects.filter(match=match, seq=seq).update(at=at)  # `at` is stamped on creation


def test_every_public_page_is_listed_with_when_it_last_changed(client):
    season = make_season(make_competition("Premier League"), name="2026/27")
    arsenal, chelsea, spurs = make_team("Arsenal"), make_team("Chelsea"), make_team("Tottenham Hotspur")
    played = make_match(arsenal, chelsea, make_stage(season))
    later = make_match(spurs, arsenal, make_stage(season, name="Cup"), kickoff=KICKOFF + dt.timedelta(days=3))
    (saka,) = add_to_lineup(played, arsenal, "Saka")
    update(played, 1, dt.datetime(2026, 11, 28, 15, 40, tzinfo=dt.UTC))
    update(played, 2, dt.datetime(2026, 11, 28, 16, 55, tzinfo=dt.UTC))
    update(later, 1, dt.datetime(2026, 12, 1, 20, 5, tzinfo=dt.UTC))
    article = Article.objects.create(
        match=played,
        headline="Saka settles it",
        slug="saka",
        standfirst="…",
        body="…",
        published_at=dt.datetime(2026, 11, 28, 18, tzinfo=dt.UTC),
    )
    Article.objects.create(headline="Draft", slug="draft", standfirst="…", body="…", published_at=None)
    pages = sitemap(client)
    site = "http://testserver"
    assert pages[site + played.get_absolute_url()] == "2026-11-28"
    assert pages[site + "/teams/arsenal/"] == "2026-12-01"  # its latest match's latest change
    assert pages[site + "/teams/chelsea/"] == "2026-11-28"
    assert pages[site + "/competitions/premier-league/2026-27/"] == "2026-12-01"
    assert pages[site + saka.get_absolute_url()] == "2026-11-28"
    assert pages[site + article.get_absolute_url()] == article.updated_at.date().isoformat()
    assert site + "/articles/draft/" not in pages and not any("draft" in url for url in pages)


def test_a_page_that_never_changed_has_no_made_up_date(client):
    match = make_match(make_team("Arsenal"), make_team("Chelsea"), kickoff=KICKOFF + dt.timedelta(days=9))
    assert sitemap(client)["http://testserver" + match.get_absolute_url()] is None
