"""A match page's schema.org JSON-LD: the game as a SportsEvent (teams, kick-off, venue,
status, score in its description) and, while it is played, a LiveBlogPosting of its
minute-by-minute, whose updates are the entries of the match's Atom feed."""

import datetime as dt
from typing import Any
from urllib.parse import urljoin

from django.urls import reverse

from articles.sharing import Social
from fixtures_app.models import Match, Team, Venue
from fixtures_app.selectors.syndication import FeedItem, match_items
from football.status import Status

EVENT_STATUS = {
    Status.POSTPONED: "https://schema.org/EventPostponed",
    Status.ABANDONED: "https://schema.org/EventCancelled",
}
SCHEDULED = "https://schema.org/EventScheduled"
# How long a live blog's coverage is planned to run from kick-off: a game, its breaks, its aftermath.
COVERAGE = dt.timedelta(hours=3)
LIVE_UPDATES = 50


def match_graph(match: Match, *, social: Social, site_url: str) -> list[dict[str, Any]]:
    event = sports_event(match, social=social, site_url=site_url)
    if match.has_started and not match.is_finished and match.status != Status.ABANDONED:
        return [event, live_blog(match, event_id=event["@id"], social=social, site_url=site_url)]
    return [event]


def sports_event(match: Match, *, social: Social, site_url: str) -> dict[str, Any]:
    home, away = (_team(team, site_url) for team in (match.home_team, match.away_team))
    event: dict[str, Any] = {
        "@type": "SportsEvent",
        "@id": f"{social.url}#game",
        "name": f"{match.home_team.name} v {match.away_team.name}",
        "description": f"{social.title} · {social.description}",
        "url": social.url,
        "startDate": match.kickoff.isoformat(),
        "eventStatus": EVENT_STATUS.get(Status(match.status), SCHEDULED),
        "sport": match.stage.season.competition.get_sport_display(),
        "homeTeam": home,
        "awayTeam": away,
        "competitor": [home, away],
        "image": social.image_url,
    }
    if match.venue is not None:
        event["location"] = _venue(match.venue)
    return event


def live_blog(match: Match, *, event_id: str, social: Social, site_url: str) -> dict[str, Any]:
    items = match_items(match, site_url=site_url)[:LIVE_UPDATES]
    return {
        "@type": "LiveBlogPosting",
        "@id": f"{social.url}#live",
        "headline": f"{social.title}: live",
        "url": social.url,
        "about": {"@id": event_id},
        "coverageStartTime": match.kickoff.isoformat(),
        "coverageEndTime": (match.kickoff + COVERAGE).isoformat(),
        "datePublished": match.kickoff.isoformat(),
        "dateModified": max((item.updated for item in items), default=match.kickoff).isoformat(),
        "publisher": {"@type": "Organization", "name": "MatchCentre", "url": site_url},
        "liveBlogUpdate": [_update(item, site_url) for item in items],
    }


def _update(item: FeedItem, site_url: str) -> dict[str, Any]:
    """One entry of the live blog; a photo's with its image, a quote's with its words as text."""
    update: dict[str, Any] = {
        "@type": "BlogPosting",
        "headline": item.title,
        "articleBody": item.description or item.title,
        "url": urljoin(site_url, item.link),
        "datePublished": item.published.isoformat(),
        "dateModified": item.updated.isoformat(),
    }
    if item.photo is not None:
        large = item.photo.large
        update["image"] = {
            "@type": "ImageObject",
            "contentUrl": large.url,
            "url": large.url,
            "caption": item.photo.caption,
            "creditText": item.photo.credit,
            "description": item.photo.alt,
        }
    return update


def _team(team: Team, site_url: str) -> dict[str, Any]:
    return {
        "@type": "SportsTeam",
        "name": team.name,
        "url": urljoin(site_url, reverse("fixtures_app:team", kwargs={"slug": team.slug})),
    }


def _venue(venue: Venue) -> dict[str, Any]:
    place: dict[str, Any] = {"@type": "StadiumOrArena", "name": venue.name}
    if venue.city or venue.country:
        address = {"@type": "PostalAddress", "addressLocality": venue.city, "addressCountry": venue.country}
        place["address"] = {key: value for key, value in address.items() if value}
    return place
