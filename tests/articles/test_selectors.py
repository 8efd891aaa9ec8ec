"""Which article a match page shows, what it suggests next, and what it tells the networks."""

import datetime as dt

import pytest

from articles.models import Article
from articles.selectors import match_article, match_social, read_next
from fixtures_app.selectors.match import match_page
from football.status import Status
from tests.articles.factories import NOW, make_article
from tests.factories import make_competition, make_match, make_season, make_stage, make_team

pytestmark = pytest.mark.django_db

PREVIEW, REPORT = Article.Kind.PREVIEW, Article.Kind.REPORT


@pytest.fixture
def match():
    return make_match(status=Status.SCHEDULED, kickoff=NOW + dt.timedelta(hours=2))


def test_before_kick_off_the_page_shows_the_preview(match):
    preview = make_article(match=match, kind=PREVIEW)
    make_article(match=match, kind=REPORT)  # written early by mistake: not shown before the match
    assert match_article(match, now=NOW) == preview


def test_once_the_match_has_started_the_page_shows_the_report(match):
    make_article(match=match, kind=PREVIEW)
    report = make_article(match=match, kind=REPORT)
    match.status = Status.FIRST_HALF
    assert match_article(match, now=NOW) == report
    match.status = Status.FULL_TIME
    assert match_article(match, now=NOW) == report


def test_while_no_report_is_published_a_started_match_keeps_its_preview(match):
    preview = make_article(match=match, kind=PREVIEW)
    make_article(match=match, kind=REPORT, published_at=None)
    match.status = Status.FULL_TIME
    assert match_article(match, now=NOW) == preview


def test_drafts_and_articles_due_later_are_hidden(match):
    make_article(match=match, kind=PREVIEW, published_at=None)
    make_article(match=match, kind=PREVIEW, published_at=NOW + dt.timedelta(minutes=1))
    assert match_article(match, now=NOW) is None


def test_the_latest_published_preview_wins(match):
    make_article(match=match, kind=PREVIEW, published_at=NOW - dt.timedelta(days=2))
    newer = make_article(match=match, kind=PREVIEW, published_at=NOW - dt.timedelta(hours=1))
    assert match_article(match, now=NOW) == newer


def test_an_article_about_another_match_is_not_shown(match):
    make_article(match=make_match(), kind=PREVIEW)
    assert match_article(match, now=NOW) is None


def test_read_next_suggests_same_teams_then_same_competition_and_never_the_article_itself():
    europa = make_competition("Europa League")
    stage = make_stage(make_season(europa))
    atalanta, liverpool, city, lazio = (
        make_team(name) for name in ("Atalanta", "Liverpool", "City", "Lazio")
    )
    second_leg = make_match(atalanta, liverpool, stage=stage)
    report = make_article(match=second_leg, kind=REPORT)
    preview = make_article(match=second_leg, kind=PREVIEW, published_at=NOW - dt.timedelta(days=2))
    next_match = make_article(teams=[liverpool, city], published_at=NOW - dt.timedelta(hours=1))
    competition_story = make_article(competition=europa)
    make_article(teams=[lazio])  # unrelated
    make_article(teams=[liverpool], published_at=None)  # a draft
    assert read_next(report, now=NOW, limit=5) == [preview, next_match, competition_story]
    assert read_next(report, now=NOW, limit=1) == [preview]
    assert read_next(second_leg, now=NOW, limit=2) == [report, preview]


def test_read_next_reads_the_competition_from_an_articles_match():
    stage = make_stage()
    match = make_match(stage=stage)
    other = make_article(match=make_match(stage=stage))
    assert read_next(match, now=NOW) == [other]


def test_match_social_before_kick_off_names_the_fixture_and_the_kick_off(match):
    social = match_social(match, page=match_page(match, now=NOW), site_url="https://mc.example/")
    home, away = match.home_team.name, match.away_team.name
    assert social.title == f"{home} v {away}"
    assert social.description.endswith("Kick-off 19 April 2024, 01:00 UK time")
    assert social.url == f"https://mc.example{match.get_absolute_url()}"
    assert social.image_url == f"https://mc.example/matches/{match.pk}/card.png?v={match.seq}"
    assert social.share_heading == "Share this match"


def test_match_social_after_the_match_carries_the_score_and_status(match):
    match.status, match.home_score, match.away_score = Status.FULL_TIME, 2, 1
    match.home_half_time_score, match.away_half_time_score = 1, 1
    social = match_social(match, page=match_page(match, now=NOW), site_url="https://mc.example/")
    assert social.title == f"{match.home_team.name} 2-1 {match.away_team.name}"
    assert social.description.endswith(" · FT (HT: 1-1)")
    assert all("mc.example" in link.href for link in social.links)
