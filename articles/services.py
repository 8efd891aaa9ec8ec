"""Writes to articles that editors make in bulk from the admin."""

import datetime as dt

from django.db import transaction

from articles.models import ArticleQuerySet


def articles_publish(*, articles: ArticleQuerySet, now: dt.datetime) -> int:
    """Publishes the drafts among the articles now; published or scheduled ones keep their time."""
    with transaction.atomic():
        return articles.filter(published_at__isnull=True).update(published_at=now)


def articles_unpublish(*, articles: ArticleQuerySet) -> int:
    """Turns the articles back into drafts, which nobody but the editors sees."""
    with transaction.atomic():
        return articles.update(published_at=None)
