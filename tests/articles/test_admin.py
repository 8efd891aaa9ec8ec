"""Editors write and publish articles in the admin."""

import pytest
from django.contrib.auth.models import User

from articles.models import Article
from tests.articles.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("chief", password="pass-for-tests-only"))
    return client


def test_the_article_list_and_form_open(admin_client):
    article = make_article()
    assert admin_client.get("/admin/articles/article/").status_code == 200
    assert admin_client.get("/admin/articles/article/?state=draft").status_code == 200
    assert admin_client.get(f"/admin/articles/article/{article.pk}/change/").status_code == 200


def test_publishing_from_the_list_publishes_drafts_only(admin_client):
    draft, live = make_article(published_at=None), make_article()
    was = live.published_at
    admin_client.post(
        "/admin/articles/article/", {"action": "publish_now", "_selected_action": [draft.pk, live.pk]}
    )
    draft.refresh_from_db(), live.refresh_from_db()
    assert draft.published_at is not None
    assert live.published_at == was


def test_an_editor_can_write_an_article(admin_client):
    response = admin_client.post(
        "/admin/articles/article/add/",
        {
            "kind": "preview",
            "headline": "Who wins tonight?",
            "slug": "who-wins-tonight",
            "standfirst": "A preview.",
            "body": "## The teams\nWords.",
            "photo_url": "javascript:alert(1)",
        },
    )
    assert response.status_code == 200  # refused: the photo address is not a web address
    assert "Give an address starting with https://" in response.content.decode()
    assert not Article.objects.exists()
