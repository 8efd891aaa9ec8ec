"""Every page a fan reaches from the home page answers, and another sport's pages carry no
football furniture: the demo crawled breadth-first from `/`, as a visitor clicking through."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

from fixtures_app.models import Match, Team
from fixtures_app.selectors.fixtures import team_url
from tests.fixtures_app.test_other_sports import FOOTBALL_FURNITURE

DEPTH = 3
LINK = re.compile(r'<a\b[^>]*\bhref="([^"]+)"')
# Addresses that are not pages to read: sign-in and the editors' console redirect, feeds are not pages.
SKIPPED = ("/console/", "/admin/", "/api/", "/signin/", "/accounts/", "/newsletter/")


def internal_links(html: str) -> set[str]:
    links = set()
    for href in LINK.findall(html):
        url, _ = urldefrag(href.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not url.startswith("/") or url.startswith(SKIPPED):
            continue
        links.add(url)
    return links


def crawl(client, start: str = "/", depth: int = DEPTH) -> dict[str, str]:
    """Each page reached within `depth` clicks of `start`, with its HTML."""
    pages: dict[str, str] = {}
    queue = deque([(start, 0)])
    seen = {start}
    while queue:
        url, clicks = queue.popleft()
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        html = response.content.decode()
        pages[url] = html
        if clicks == depth:
            continue
        for link in sorted(internal_links(html) - seen):
            seen.add(link)
            queue.append((link, clicks + 1))
    return pages


def test_every_page_linked_from_the_home_page_answers_and_other_sports_show_no_football(client, demo):
    pages = crawl(client)
    other_sport_matches = [
        match.get_absolute_url()
        for match in Match.objects.exclude(stage__season__competition__sport="football")
    ]
    assert other_sport_matches, "the demo has games of other sports"
    reached = [url for url in other_sport_matches if url in pages]
    assert reached, "the home page leads to another sport's game"
    other_sport_pages = [
        url
        for url in pages
        if url.startswith("/competitions/nfl/")
        or url in {team_url(team) for team in Team.objects.exclude(sport="football")}
    ]
    for url in reached + other_sport_pages:
        shown = [word for word in FOOTBALL_FURNITURE if word in pages[url]]
        assert shown == [], f"{url} shows {shown}"
