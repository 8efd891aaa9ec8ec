"""API tokens: created in the admin with the key shown once and kept only as a hash, revoked for good."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from feeds.models import ApiToken
from feeds.tokens import TokenRefused, api_token_create, api_token_revoke, key_hash, token_user
from tests.factories import make_editor

pytestmark = pytest.mark.django_db


def test_a_token_keeps_a_hash_of_its_key_never_the_key():
    token, key = api_token_create(name="Scoreboard", user=make_editor())
    assert key.startswith("mc_") and len(key) > 40
    assert token.key_hash == key_hash(key) != key
    assert key not in {token.key_prefix, token.key_hash} and key.startswith(token.key_prefix)


def test_a_key_names_its_user_until_revoked():
    editor = make_editor()
    token, key = api_token_create(name="Scoreboard", user=editor)
    now = timezone.now()
    assert token_user(key, now=now) == editor
    api_token_revoke(token=token, at=now)
    api_token_revoke(token=token, at=now + dt.timedelta(hours=1))
    assert ApiToken.objects.get().revoked_at == now  # the first revocation stands
    with pytest.raises(TokenRefused, match="revoked"):
        token_user(key, now=now)


def test_the_admin_shows_a_new_key_once_and_keeps_its_hash(admin_client):
    editor = make_editor()
    response = admin_client.post("/admin/feeds/apitoken/add/", {"name": "Scoreboard", "user": editor.pk})
    assert response.status_code == 302, response.content
    shown = admin_client.get(response.url).content.decode()
    key = re.search(r"is (mc_\S+) — copy it now", shown).group(1)
    token = ApiToken.objects.get()
    assert token.user == editor and token.key_hash == key_hash(key)
    assert key not in admin_client.get(f"/admin/feeds/apitoken/{token.pk}/change/").content.decode()


def test_the_admin_revokes_tokens(admin_client):
    token, key = api_token_create(name="Scoreboard", user=make_editor())
    response = admin_client.post(
        "/admin/feeds/apitoken/", {"action": "revoke_tokens", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    assert ApiToken.objects.get().revoked_at is not None
    with pytest.raises(TokenRefused):
        token_user(key, now=timezone.now())
