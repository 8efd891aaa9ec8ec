"""An article page's schema.org JSON-LD: a NewsArticle (a report) or an Article (a preview),
about its match's SportsEvent when it has one."""

from typing import Any
from urllib.parse import urljoin

from articles.models import Article
from articles.sharing import Social


def article_graph(article: Article, *, social: Social, site_url: str) -> list[dict[str, Any]]:
    node: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": f"{social.url}#article",
        "headline": article.headline,
        "description": article.standfirst,
        "url": social.url,
        "mainEntityOfPage": social.url,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat(),
        "publisher": {"@type": "Organization", "name": "MatchCentre", "url": site_url},
        "articleSection": article.get_kind_display(),
    }
    if social.image_url:
        node["image"] = social.image_url
    if article.author:
        node["author"] = {"@type": "Person", "name": article.author}
    if article.match is not None:
        match_url = urljoin(site_url, article.match.get_absolute_url())
        node["about"] = {"@id": f"{match_url}#game"}
    return [{key: value for key, value in node.items() if value is not None}]
