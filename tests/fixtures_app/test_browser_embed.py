"""The widgets framed by other sites, in Chromium: two sites on this machine (two other
origins), one listed in settings.EMBED_ORIGINS and one not. The listed one shows the widget and
it goes live; the other gets the browser's refusal; nobody may frame the rest of the site."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest
from django.utils import timezone

from feeds.tokens import api_token_create
from fixtures_app.models import Match
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import (
    add_to_lineup,
    make_competition,
    make_editor,
    make_match,
    make_season,
    make_stage,
    make_team,
)
from tests.faults.desk import OPENER, api_call, event
from tests.security.test_browser_csp import Watched

pytestmark = pytest.mark.browser

SCORE = "#scoreboard .scoreboard__score"
POINTS = "td.league-table__points"


@dataclass
class HostSite:
    """Another site: one page, its HTML given by the test, served on an address of its own."""

    server: ThreadingHTTPServer
    page: list[str] = field(default_factory=lambda: [""])

    @property
    def origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def shows(self, *frames: str) -> None:
        iframes = "".join(
            f'<iframe src="{src}" title="widget" width="400" height="300"></iframe>' for src in frames
        )
        self.page[0] = f"<!doctype html><title>A club's site</title>{iframes}"


def host_site(address: str) -> HostSite:
    site: HostSite

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = site.page[0].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    try:
        server = ThreadingHTTPServer((address, 0), Page)
    except OSError:  # a system without the whole 127/8 on loopback: other ports, other origins still
        server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    site = HostSite(server)
    Thread(target=server.serve_forever, daemon=True).start()
    return site


@pytest.fixture
def club_sites() -> Iterator[tuple[HostSite, HostSite]]:
    """Two other sites: other hosts than the live site's 127.0.0.1, so other sites, not just origins."""
    sites = (host_site("127.0.0.2"), host_site("127.0.0.3"))
    yield sites
    for site in sites:
        site.server.shutdown()
        site.server.server_close()


@pytest.fixture
def framed_site(transactional_db, settings, club_sites, request) -> str:
    """The live site with the first club site listed; set before the server process is forked."""
    settings.EMBED_ORIGINS = [club_sites[0].origin]
    return request.getfixturevalue("live_site")


def a_live_match() -> Match:
    arsenal, chelsea = make_team("Arsenal"), make_team("Chelsea")
    season = make_season(make_competition("Premier League"), name="2024/25")
    match = make_match(
        arsenal, chelsea, make_stage(season), kickoff=timezone.now() - dt.timedelta(minutes=20)
    )
    (saka,) = add_to_lineup(match, arsenal, "Saka")
    add_to_lineup(match, chelsea, "Palmer")
    match_change_status(match=match, status="first_half", at=match.kickoff)
    match_record_event(match=match, kind="goal", minute=12, team=arsenal, player=saka)
    return Match.objects.get(pk=match.pk)


def settled(page):
    """The page's frames once each has an address: a refused frame commits its error page a
    moment after the page's load event, on a busy machine later still."""
    for _ in range(100):  # up to 5 s
        found = [frame for frame in page.frames if frame is not page.main_frame]
        if found and all(frame.url for frame in found):
            return found
        page.wait_for_timeout(50)
    raise AssertionError(f"a frame has no address: {[frame.url for frame in page.frames]}")


def test_the_embed_frames_from_a_listed_origin_goes_live_and_is_refused_from_another(
    framed_site, club_sites, browser
):
    listed, other = club_sites
    match = a_live_match()
    widget = f"{framed_site}/embed/matches/{match.pk}/"
    listed.shows(widget)
    other.shows(widget)
    key = api_token_create(name="feed", user=make_editor())[1]

    watched = Watched(browser)  # every refusal of the policy, in the frame too
    reader = watched.context
    page = watched.page()
    page.goto(listed.origin + "/")
    (frame,) = settled(page)
    assert frame.url == widget
    assert frame.locator(SCORE).inner_text().replace("\n", "") == "1–0"
    # Live inside the frame: its socket's Origin is the widget's own (ours), so it is taken.
    frame.locator("[data-live-status][data-state=live]").wait_for()
    goal = api_call(
        framed_site, key, "POST", f"/matches/{match.pk}/events", event(match, "goal", "Palmer", 21)
    )
    assert goal.status == 201
    frame.wait_for_function(
        f"() => document.querySelector('{SCORE}').innerText.replace(/\\s/g, '') === '1–1'"
    )
    assert "Palmer (21')" in frame.locator("#scoreboard").inner_text()
    assert reader.cookies() == []  # neither the widget nor its script set one
    assert watched.refused == []  # the widget works under the site's strict policy

    refused = browser.new_context().new_page()
    refused.goto(other.origin + "/")
    (frame,) = settled(refused)
    assert frame.url.startswith("chrome-error://")
    assert "Arsenal" not in frame.content()


def test_the_listed_origin_may_frame_the_table_but_never_a_page_of_the_site(framed_site, club_sites, browser):
    listed, _ = club_sites
    match = a_live_match()
    season = match.stage.season
    match_page = framed_site + match.get_absolute_url()
    table = f"{framed_site}/embed/competitions/{season.competition.slug}/{season.slug}/table/?theme=dark"
    listed.shows(match_page, table)

    page = browser.new_context(color_scheme="light").new_page()
    page.goto(listed.origin + "/")

    frames = {frame.name or frame.url: frame for frame in settled(page)}
    assert table in frames, frames
    assert match_page not in frames and any(url.startswith("chrome-error://") for url in frames)
    shown = frames[table]
    background = shown.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(17, 26, 46)"  # dark, as asked, in a light browser
    points = shown.locator(POINTS)
    assert points.all_inner_texts() == ["3", "0"]  # Arsenal lead 1-0, provisionally
    # Live: a goal in a match of the season moves the table (/ws/scores/, then the widget again).
    shown.locator("#embed-table[data-socket=open]").wait_for()
    key = api_token_create(name="feed", user=make_editor())[1]
    goal = api_call(
        framed_site, key, "POST", f"/matches/{match.pk}/events", event(match, "goal", "Palmer", 21)
    )
    assert goal.status == 201
    shown.wait_for_function(
        f"() => [...document.querySelectorAll('{POINTS}')].map(n => n.textContent).join() === '1,1'"
    )


def test_a_widget_a_cdn_kept_from_before_a_goal_catches_up_as_it_connects(framed_site, club_sites, browser):
    listed, _ = club_sites
    match = a_live_match()
    widget = f"{framed_site}/embed/matches/{match.pk}/"
    with OPENER.open(widget) as answer:
        kept = answer.read()  # as a CDN keeps it, for every reader, for a few seconds
    key = api_token_create(name="feed", user=make_editor())[1]
    goal = api_call(
        framed_site, key, "POST", f"/matches/{match.pk}/events", event(match, "goal", "Palmer", 21)
    )
    assert goal.status == 201
    listed.shows(widget)

    context = browser.new_context()
    context.route(widget, lambda route: route.fulfill(status=200, body=kept, content_type="text/html"))
    page = context.new_page()
    page.goto(listed.origin + "/")

    (frame,) = settled(page)
    frame.wait_for_function(
        f"() => document.querySelector('{SCORE}').innerText.replace(/\\s/g, '') === '1–1'"
    )
    assert "Palmer (21')" in frame.locator("#scoreboard").inner_text()
