"""What the Atom feeds and the sitemap carry: a match's key events, a club's and a season's
results and reports, and when each page last changed."""

import datetime as dt
from dataclasses import dataclass, replace
from urllib.parse import urljoin

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from articles.models import Article
from articles.selectors import published_about
from fixtures_app.models import Match, Season, Team
from fixtures_app.models.match import MatchQuerySet
from fixtures_app.selectors.facts import event_facts, match_events
from fixtures_app.selectors.fixtures import game_line
from fixtures_app.selectors.posts import PhotoView, PostedTimelineEntry, QuoteView, with_posts
from football.events import Side
from football.scoring import Score
from football.timeline import TimelineEntry, timeline

UTC = dt.UTC
RESULTS = 20


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    description: str  # plain text
    updated: dt.datetime
    published: dt.datetime  # what the feed is ordered by
    photo: PhotoView | None = None  # its renditions' addresses absolute
    quote: QuoteView | None = None

    @property
    def html(self) -> str:
        """The description as the feed's HTML summary: the text escaped, a photo as its image."""
        text = format_html("<p>{}</p>", self.description) if self.description else ""
        if self.photo is None:
            return text
        image = self.photo.renditions[1 if len(self.photo.renditions) > 1 else 0]
        img = format_html(
            '<p><img src="{}" width="{}" height="{}" alt="{}"></p>',
            image.url,
            image.width,
            image.height,
            self.photo.alt,
        )
        return img + text


def match_items(match: Match, *, site_url: str = "") -> list[FeedItem]:
    """The match's events, latest first, as its minute-by-minute tells them; the feed's
    reader sees a correction as the same entry updated, and a deletion as the entry gone.
    A photo's and a quote's entry carries them (photos' addresses joined to `site_url`)."""
    events = match_events(match)
    changed = {event.pk: (event.created_at, event.updated_at) for event in events}
    teams = {Side.HOME: match.home_team.display_name, Side.AWAY: match.away_team.display_name}
    commentary = {event.pk: event.text for event in events if event.text}
    entries = with_posts(timeline(event_facts(match, events), teams, commentary), events)
    url = match.get_absolute_url()
    return [
        FeedItem(
            title=_post_title(entry) or _event_title(entry.minute, entry.headline, entry.score_after, teams),
            link=f"{url}#event-{entry.event_id}",
            description=_post_text(entry)
            or " ".join(part for part in (entry.description, entry.commentary) if part),
            updated=changed[entry.event_id][1],
            published=changed[entry.event_id][0],
            photo=_absolute(getattr(entry, "photo", None), site_url),
            quote=getattr(entry, "quote", None),
        )
        for entry in reversed(entries)
    ]


def _post_title(entry: TimelineEntry) -> str:
    """`23' Photo: Saka celebrates…`, `60' “We go again” — Arteta`."""
    if isinstance(entry, PostedTimelineEntry) and entry.photo is not None:
        return f"{entry.minute} Photo: {Truncator(entry.photo.caption).chars(80)}"
    if isinstance(entry, PostedTimelineEntry) and entry.quote is not None:
        return f"{entry.minute} “{Truncator(entry.quote.text).chars(80)}” — {entry.quote.by}"
    return ""


def _post_text(entry: TimelineEntry) -> str:
    if isinstance(entry, PostedTimelineEntry) and entry.photo is not None:
        return f"{entry.photo.caption} (Photo: {entry.photo.credit})"
    if isinstance(entry, PostedTimelineEntry) and entry.quote is not None:
        return f"“{entry.quote.text}” — {entry.quote.attribution}"
    return ""


def _absolute(photo: PhotoView | None, site_url: str) -> PhotoView | None:
    if photo is None:
        return None
    renditions = tuple(replace(r, url=urljoin(site_url, r.url)) for r in photo.renditions)
    return replace(photo, renditions=renditions)


def _event_title(minute: str, headline: str, score: Score | None, teams: dict[Side, str]) -> str:
    """`51' Goal! Arsenal 2-1 Chelsea`: a goal's entry says the score it made."""
    title = f"{minute} {headline}".strip()
    if score is None:
        return title
    return f"{title} {teams[Side.HOME]} {score.home}-{score.away} {teams[Side.AWAY]}"


def _results(matches: MatchQuerySet) -> list[FeedItem]:
    found = (
        matches.finished()
        .with_teams()
        .select_related("stage__season__competition")
        .annotate(changed=Max("updates__at"))
        .order_by("-kickoff")[:RESULTS]
    )
    items = []
    for match in found:
        line = game_line(match, tz=UTC)
        items.append(
            FeedItem(
                title=line.result,
                link=line.url,
                description=f"{line.competition} · {match.kickoff:%-d %b %Y} · {line.status_label}",
                updated=max(filter(None, (match.changed, match.kickoff))),
                published=match.kickoff,
            )
        )
    return items


def _reports(articles: list[Article]) -> list[FeedItem]:
    return [
        FeedItem(
            title=article.headline,
            link=article.get_absolute_url(),
            description=article.standfirst,
            updated=article.updated_at,
            published=article.published_at or article.created_at,
        )
        for article in articles
    ]


def _newest_first(items: list[FeedItem]) -> list[FeedItem]:
    return sorted(items, key=lambda item: item.published, reverse=True)


def team_items(team: Team) -> list[FeedItem]:
    """The club's latest results and the reports about it, newest first."""
    matches = Match.objects.filter(Q(home_team=team) | Q(away_team=team))  # type: ignore[assignment]
    articles = published_about(now=timezone.now(), team_id=team.pk)
    return _newest_first(_results(matches) + _reports(articles))


def season_items(season: Season) -> list[FeedItem]:
    """The season's latest results and the reports on its matches, newest first."""
    matches = Match.objects.filter(stage__season=season)
    articles = published_about(now=timezone.now(), season_id=season.pk)
    return _newest_first(_results(matches) + _reports(articles))
