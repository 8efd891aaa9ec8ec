"""Articles as the match page, the article page and "Read next" read them, and what those
pages tell the networks they are shared on."""

import datetime as dt
import zoneinfo
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from articles import related
from articles.cards import CardFacts
from articles.models import Article
from articles.sharing import Social, describe, match_title, share_links
from fixtures_app.models import Match
from fixtures_app.selectors.match import MatchPage, stage_line

# "Read next" ranks at most this many of the newest related articles.
READ_NEXT_POOL = 200
CARD_SIZE = (1200, 630)


def match_article(match: Match, *, now: dt.datetime) -> Article | None:
    """The match's article: its preview before kick-off; once the match has started, its
    report, or the preview while no report is published. Drafts and articles due later are
    never shown."""
    articles = (
        Article.objects.published(now).filter(match=match).with_subject().order_by("-published_at", "-pk")
    )
    latest: dict[str, Article] = {}
    for article in articles:
        latest.setdefault(article.kind, article)
    if not match.has_started:
        return latest.get(Article.Kind.PREVIEW)
    return latest.get(Article.Kind.REPORT) or latest.get(Article.Kind.PREVIEW)


def article_for_page(slug: str, *, now: dt.datetime) -> Article:
    """A published article by its slug; raises Article.DoesNotExist for drafts too."""
    return Article.objects.published(now).with_subject().get(slug=slug)


def read_next(subject: Article | Match, *, now: dt.datetime | None = None, limit: int = 3) -> list[Article]:
    """Published articles related to the article or match, best first (see articles.related)."""
    about = _subject(subject)
    if not about.team_ids and about.competition_id is None:
        return []
    pool = list(_related_pool(about, now or timezone.now()))
    # The pool is published articles only: each has its publication time.
    stories = [_story(article, article.published_at) for article in pool if article.published_at is not None]
    chosen = related.read_next_ids(about, stories, limit=limit)
    by_id = {article.pk: article for article in pool}
    return [by_id[pk] for pk in chosen]


def _related_pool(about: related.Subject, now: dt.datetime):
    teams = about.team_ids
    near = Q(teams__in=teams) | Q(match__home_team__in=teams) | Q(match__away_team__in=teams)
    if about.competition_id is not None:
        near |= Q(competition=about.competition_id) | Q(
            competition__isnull=True, match__stage__season__competition=about.competition_id
        )
    found = Article.objects.published(now).filter(near).exclude(pk=about.article_id or 0)
    ids = found.values("pk").distinct().order_by()
    return Article.objects.filter(pk__in=ids).with_subject().order_by("-published_at", "-pk")[:READ_NEXT_POOL]


def _subject(subject: Article | Match) -> related.Subject:
    if isinstance(subject, Match):
        return related.Subject(
            team_ids=frozenset({subject.home_team_id, subject.away_team_id}),
            competition_id=subject.stage.season.competition_id,
        )
    team_ids, competition_id = _about(subject)
    return related.Subject(team_ids=team_ids, competition_id=competition_id, article_id=subject.pk)


def _story(article: Article, published_at: dt.datetime) -> related.Story:
    team_ids, competition_id = _about(article)
    return related.Story(
        id=article.pk, team_ids=team_ids, competition_id=competition_id, published_at=published_at
    )


def _about(article: Article) -> tuple[frozenset[int], int | None]:
    """The teams and the competition the article is about."""
    team_ids = {team.pk for team in article.teams.all()}
    competition_id = article.competition_id
    if article.match is not None:
        team_ids |= {article.match.home_team_id, article.match.away_team_id}
        competition_id = competition_id or article.match.stage.season.competition_id
    return frozenset(team_ids), competition_id


def match_social(match: Match, *, page: MatchPage, site_url: str) -> Social:
    """Open Graph and share links for the match page; the title carries the score once started."""
    url = urljoin(site_url, match.get_absolute_url())
    title = _match_title(match)
    status = _status(match, page)
    width, height = CARD_SIZE
    return Social(
        kind="website",
        title=title,
        description=describe(*match_context(match, page), status),
        url=url,
        image_url=match_card_url(match, site_url=site_url),
        image_alt=describe(title, status),
        share_heading="Share this match" if page.football else "Share this game",
        links=share_links(url, title),
        image_width=width,
        image_height=height,
    )


def article_social(article: Article, *, site_url: str) -> Social:
    """Open Graph and share links for an article page: its photo, or its match's score card."""
    url = urljoin(site_url, article.get_absolute_url())
    image_url, image_alt, (width, height) = _article_image(article, site_url)
    return Social(
        kind="article",
        title=article.headline,
        description=article.standfirst,
        url=url,
        image_url=image_url,
        image_alt=image_alt,
        share_heading="Share this article",
        links=share_links(url, article.headline),
        image_width=width,
        image_height=height,
    )


def _article_image(article: Article, site_url: str) -> tuple[str, str, tuple[int | None, int | None]]:
    if article.photo_src:
        return urljoin(site_url, article.photo_src), article.photo_alt, (None, None)
    match = article.match
    if match is None:
        return "", "", (None, None)
    return match_card_url(match, site_url=site_url), _match_title(match), CARD_SIZE


def match_card_facts(match: Match, *, page: MatchPage) -> CardFacts:
    """What the score card of the match shows."""
    scored = match.has_started and match.home_score is not None and match.away_score is not None
    return CardFacts(
        competition_line=describe(*match_context(match, page)),
        home_name=match.home_team.name,
        away_name=match.away_team.name,
        home_colour=match.home_team.primary_colour,
        away_colour=match.away_team.primary_colour,
        score=f"{match.home_score}\u2013{match.away_score}" if scored else "v",
        status_line=_status(match, page),
        aggregate_line=page.aggregate_line,
    )


def _status(match: Match, page: MatchPage) -> str:
    return page.status_line if match.has_started else kickoff_line(match.kickoff)


def _match_title(match: Match) -> str:
    home, away = match.home_team.name, match.away_team.name
    return match_title(home, away, match.home_score, match.away_score, started=match.has_started)


def match_context(match: Match, page: MatchPage) -> tuple[str, ...]:
    """Competition, stage, leg and round as the match page's header says them, each once and the
    stage only where it tells something: ("UEFA Europa League · Quarter-finals · 2nd Leg",)."""
    return (stage_line(match, page.leg_label),)


def match_card_url(match: Match, *, site_url: str) -> str:
    """The score card's address; it changes with every update, so networks fetch the new score."""
    return urljoin(site_url, reverse("articles:match-card", kwargs={"pk": match.pk})) + f"?v={match.seq}"


def kickoff_line(kickoff: dt.datetime) -> str:
    zone_name = settings.MATCHCENTRE_DEFAULT_READER_TIMEZONE
    local = timezone.localtime(kickoff, zoneinfo.ZoneInfo(zone_name))
    zone = "UK time" if zone_name == "Europe/London" else zone_name
    return f"Kick-off {local.day} {local:%B %Y, %H:%M} {zone}"


def published_about(
    *, now: dt.datetime, team_id: int | None = None, season_id: int | None = None, limit: int = 20
) -> list[Article]:
    """Published articles, newest first, about a club (its matches or named as a subject) or a
    season's matches: what the club's and the competition's feeds carry besides results."""
    found = Article.objects.published(now).with_subject().order_by("-published_at")
    if team_id is not None:
        found = found.filter(
            Q(match__home_team_id=team_id) | Q(match__away_team_id=team_id) | Q(teams__id=team_id)
        )
    if season_id is not None:
        found = found.filter(match__stage__season_id=season_id)
    return list(found.distinct()[:limit])
