"""The pages every anonymous reader shares are kept whole under their ETag: the next reader of an
unchanged page gets the same bytes without a render, a conditional GET is a 304, and every kind of
change the page shows gives it a new ETag, so a reader holding the old one gets the new page."""

import datetime as dt
import re
import threading

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.services import articles_publish
from fixtures_app.services.deductions import team_deduct_points
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from fixtures_app.views import edge
from fixtures_app.views import match as match_views
from fixtures_app.views import tables as table_views
from polls.services import poll_close, poll_vote
from tests.articles.factories import make_article
from tests.factories import add_to_lineup, make_match, make_poll, make_stage, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_minute(monkeypatch):
    """Time runs from the start of a minute, so that no test sees the minute turn: the home and
    table pages' ETags and a live match's clock change with it."""
    real_now = timezone.now
    started = real_now()
    start_of_minute = started.replace(second=0, microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: start_of_minute + (real_now() - started))


@pytest.fixture
def tonight():
    """Arsenal v Chelsea in play tonight in a league of four, with a poll; Everton v Fulham too."""
    stage = make_stage(name="League")
    kickoff = timezone.now() - dt.timedelta(minutes=20)
    ours = make_match(make_team("Arsenal"), make_team("Chelsea"), stage=stage, kickoff=kickoff)
    other = make_match(make_team("Everton"), make_team("Fulham"), stage=stage, kickoff=kickoff)
    for match in (ours, other):
        match_change_status(match=match, status="first_half", at=kickoff)
    ours.scorer = add_to_lineup(ours, ours.home_team, "Saka")[0]
    other.scorer = add_to_lineup(other, other.home_team, "Calvert-Lewin")[0]
    ours.poll = make_poll(ours, closes_at=timezone.now() + dt.timedelta(hours=2))
    ours.other = other
    return ours


def table_url(match) -> str:
    season = match.stage.season
    return reverse("fixtures_app:table", args=[season.competition.slug, season.slug])


def counted(monkeypatch, module) -> list:
    """The templates `module`'s views render: none when a page comes from the cache."""
    rendered = []
    real = module.render
    monkeypatch.setattr(module, "render", lambda *args, **kwargs: rendered.append(1) or real(*args, **kwargs))
    return rendered


def test_a_second_reader_gets_the_kept_page_without_a_render(tonight, monkeypatch):
    rendered = counted(monkeypatch, match_views)
    url = tonight.get_absolute_url()
    first, second = Client().get(url), Client(HTTP_ACCEPT_LANGUAGE="ja").get(url)
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"] == "text/html; charset=utf-8"
    assert len(rendered) == 1
    assert Client().get("/").content == Client().get("/").content
    assert len(rendered) == 2  # the home page, once


def test_the_table_page_is_kept_too(tonight, monkeypatch):
    rendered = counted(monkeypatch, table_views)
    pages = [Client().get(table_url(tonight)) for _ in range(3)]
    assert {page.status_code for page in pages} == {200}
    assert len({page.content for page in pages}) == 1
    assert len(rendered) == 1


def vote(match):
    poll_vote(
        poll=match.poll,
        option_id=match.poll.options.get(key="home").pk,
        voter_key="fan-1",
        now=timezone.now(),
    )


def poll_closed(match):
    poll_close(poll=match.poll)


def goal_in_other_game(match):
    other = match.other
    match_record_event(match=other, kind="goal", minute=12, team=other.home_team, player=other.scorer)


def our_goal(match):
    match_record_event(match=match, kind="goal", minute=7, team=match.home_team, player=match.scorer)


def deduction(match):
    team_deduct_points(season=match.stage.season, team=match.away_team, points=9, reason="Financial rules")


def article_published(match):
    draft = make_article(match=match, kind="preview", headline="Arteta picks Saka", published_at=None)
    articles_publish(articles=type(draft).objects.filter(pk=draft.pk), now=timezone.now())


def article_edited(match):
    article = make_article(match=match, kind="preview", headline="Arteta picks Saka")
    Client().get(match.get_absolute_url())  # the page with the first headline is kept
    article.headline = "Arteta picks Saka again"
    article.save()


def renamed(match):
    match.referee = "Michael Oliver"
    match.save(update_fields=["referee"])  # as the admin saves it: no update is logged


def main_poll(page: str) -> str:
    return page.split('id="poll"', 1)[1].split("</section>", 1)[0]


def todays_row(page: str, heading: str) -> str:
    strip = page.split('id="todays-games"', 1)[1] if 'id="todays-games"' in page else page
    return strip.split(heading, 1)[1][:600]


MATCH_PAGE_CHANGES = [
    (our_goal, lambda page: 'aria-label="Score: Arsenal 1, Chelsea 0"' in page),
    (vote, lambda page: re.search(r"1 vote\b", main_poll(page)) is not None),
    (poll_closed, lambda page: "closed" in main_poll(page).lower()),
    (goal_in_other_game, lambda page: re.search(r"\b1\s*-\s*0\b", todays_row(page, "Everton")) is not None),
    (deduction, lambda page: "Financial rules" in page or "−9" in page or "-9" in page),
    (article_published, lambda page: "Arteta picks Saka" in page),
    (article_edited, lambda page: "Arteta picks Saka again" in page),
    (renamed, lambda page: "Michael Oliver" in page),
]


@pytest.mark.parametrize(
    ("change", "shown"), MATCH_PAGE_CHANGES, ids=lambda item: getattr(item, "__name__", "shown")
)
def test_every_change_the_match_page_shows_gives_it_a_new_etag(tonight, change, shown):
    url = tonight.get_absolute_url()
    before = Client().get(url)
    assert Client().get(url, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304
    change(tonight)
    after = Client().get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert shown(after.content.decode())
    assert not shown(before.content.decode())


@pytest.mark.parametrize("change", [our_goal, goal_in_other_game, deduction], ids=lambda item: item.__name__)
def test_the_home_and_table_pages_change_their_etag_with_every_result_and_deduction(tonight, change):
    urls = ["/", table_url(tonight)]
    before = {url: Client().get(url) for url in urls}
    change(tonight)
    for url, page in before.items():
        after = Client().get(url, HTTP_IF_NONE_MATCH=page["ETag"])
        assert after.status_code == 200, url
        assert after["ETag"] != page["ETag"], url
        assert after.content != page.content, url


def test_the_home_page_is_public_with_an_etag_and_answers_304(tonight):
    page = Client().get("/")
    assert {part.strip() for part in page["Cache-Control"].split(",")} == {
        "public",
        "max-age=0",
        "s-maxage=5",
    }
    again = Client().get("/", HTTP_IF_NONE_MATCH=page["ETag"])
    assert (again.status_code, again.content) == (304, b"")


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "matchcentre.cache.ForgivingRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
)
def test_without_the_cache_every_page_is_rendered_never_a_500(tonight):
    for url in [tonight.get_absolute_url(), "/", table_url(tonight)]:
        first = Client().get(url)
        assert first.status_code == 200, url
        assert Client().get(url).content == first.content, url
        assert Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, url


def test_readers_asking_for_a_page_being_rendered_wait_for_that_render(monkeypatch):
    gets, third_get, release, renders = [], threading.Event(), threading.Event(), []
    real_get = edge.cache.get

    def get(key):
        gets.append(key)
        if len(gets) == 3:  # the first reader's two looks, then the second reader's
            third_get.set()
        return real_get(key)

    def render():
        renders.append(1)
        release.wait(10)
        return HttpResponse("<p>The page</p>")

    monkeypatch.setattr(edge.cache, "get", get)
    pages = []
    readers = [
        threading.Thread(target=lambda: pages.append(edge.kept_page('"e1"', render))) for _ in range(2)
    ]
    readers[0].start()
    while not renders:
        readers[0].join(0.01)
    readers[1].start()
    third_get.wait(10)
    release.set()
    for reader in readers:
        reader.join(10)
    assert len(renders) == 1
    assert [page.content for page in pages] == [b"<p>The page</p>"] * 2


def test_an_unchanged_page_costs_a_few_queries_and_no_render(tonight, django_assert_num_queries):
    """The match page: its row, the statement around it and its polls'; home and table: one."""
    for url, queries in [(tonight.get_absolute_url(), 3), ("/", 1), (table_url(tonight), 1)]:
        etag = Client().get(url)["ETag"]
        with django_assert_num_queries(queries):
            assert Client().get(url).status_code == 200
        with django_assert_num_queries(queries):
            assert Client().get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
