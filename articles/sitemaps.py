"""sitemap.xml's articles: the published ones, each with the time it was last edited."""

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from articles.models import Article


class ArticleSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Article.objects.published(timezone.now()).order_by("-published_at", "pk")

    def lastmod(self, article: Article) -> dt.datetime:
        return article.updated_at
