"""The sign-up form (with and without script), and the pages the email's links open."""

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client

from newsletter.models import Subscriber
from newsletter.services import newsletter_confirm
from tests.factories import make_match

pytestmark = pytest.mark.django_db

AS_SCRIPT = {"headers": {"Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}}


def sign_up(client, email="fan@example.com", next="/matches/2/atalanta-v-liverpool/", **extra):
    return client.post("/newsletter/", {"email": email, "next": next}, **extra)


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_form_sign_up_redirects_back_to_the_box_with_a_message(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/matches/2/atalanta-v-liverpool/#newsletter"
    assert said(response) == [
        "Almost there: we have sent a link to fan@example.com. Open it to confirm, and the previews start."
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].body.count("http://testserver/newsletter/") == 2


def test_a_script_sign_up_gets_json(client):
    response = sign_up(client, **AS_SCRIPT)
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert response.json()["message"].startswith("Almost there")


def test_an_invalid_address_is_explained_without_a_reload_or_after_one(client):
    response = sign_up(client, "not-an-address", **AS_SCRIPT)
    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "message": "“not-an-address” does not look like an email address. Check it and try again.",
    }
    response = sign_up(client, "not-an-address")
    assert response.status_code == 302 and said(response)[0].startswith("“not-an-address” does not look")
    assert not Subscriber.objects.exists()


def test_the_page_shows_the_message_next_to_the_form(client):
    match = make_match()
    assert "newsletter__says" not in client.get(match.get_absolute_url()).content.decode()
    response = sign_up(client, next=match.get_absolute_url(), follow=True)
    html = response.content.decode()
    assert 'class="newsletter__says newsletter__says--success">Almost there' in html


def test_the_way_back_must_be_a_page_of_this_site(client):
    assert sign_up(client, next="https://evil.example/")["Location"] == "/#newsletter"
    assert sign_up(client, "b@example.com", next="//evil.example/")["Location"] == "/#newsletter"


def test_a_sign_up_without_the_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    assert sign_up(client).status_code == 403
    assert not Subscriber.objects.exists()


def test_a_sign_up_from_a_signed_in_readers_page_with_its_token_works():
    # An anonymous reader's page carries no token (tests/fixtures_app/test_edge_cache.py).
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.create_user("reader"))
    match = make_match()
    html = client.get(match.get_absolute_url()).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post("/newsletter/", {"email": "fan@example.com", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_the_newsletter_page_has_the_sign_up_form(client):
    response = client.get("/newsletter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<header class="site-header"' in html
    assert "<title>Newsletter: match previews by email · MatchCentre</title>" in html
    assert '<form class="newsletter__form" method="post" action="/newsletter/">' in html
    assert 'name="email"' in html and 'name="csrfmiddlewaretoken"' in html
    assert not Subscriber.objects.exists()


def test_the_newsletter_page_signs_up_without_script_and_says_so_there():
    client = Client(enforce_csrf_checks=True)
    html = client.get("/newsletter/").content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    nxt = html.split('name="next" value="')[1].split('"')[0]
    response = client.post(
        "/newsletter/", {"email": "fan@example.com", "next": nxt, "csrfmiddlewaretoken": token}
    )
    assert response["Location"] == "/newsletter/#newsletter"
    page = client.get(response["Location"]).content.decode()
    assert 'newsletter__says--success">Almost there: we have sent a link to fan@example.com' in page
    assert Subscriber.objects.filter(email="fan@example.com").exists()


def test_other_methods_are_refused(client):
    assert client.put("/newsletter/", {"email": "fan@example.com"}).status_code == 405
    assert not Subscriber.objects.exists()


def test_too_many_sign_ups_for_one_address_are_refused(client, settings):
    settings.NEWSLETTER_SIGNUP_RATE_PER_EMAIL = "2/h"
    assert sign_up(client, **AS_SCRIPT).status_code == 200
    assert sign_up(client, "FAN@example.com", **AS_SCRIPT).status_code == 200
    refused = sign_up(client, **AS_SCRIPT)
    assert refused.status_code == 429
    assert refused.json()["message"].startswith("Too many sign-ups from here")
    assert sign_up(client, "other@example.com", **AS_SCRIPT).status_code == 200
    assert len(mail.outbox) == 2


def test_too_many_sign_ups_from_one_network_address_are_refused(client, settings):
    settings.NEWSLETTER_SIGNUP_RATE_PER_ADDRESS = "2/h"
    sign_up(client, "a@example.com")
    sign_up(client, "b@example.com")
    refused = sign_up(client, "c@example.com")
    assert refused.status_code == 429
    assert "Too many sign-ups from here" in refused.content.decode()
    assert Subscriber.objects.count() == 2


def test_the_confirm_link_subscribes_and_says_so(client):
    sign_up(client)
    subscriber = Subscriber.objects.get()
    response = client.get(f"/newsletter/confirm/{subscriber.token}/")
    assert response.status_code == 200
    assert "You are subscribed" in response.content.decode()
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed


def test_an_unknown_link_is_a_kind_not_found_page(client):
    for url in ("/newsletter/confirm/nope/", "/newsletter/unsubscribe/nope/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "This link is not valid" in response.content.decode()
    assert client.post("/newsletter/unsubscribe/nope/").status_code == 404


def test_opening_the_unsubscribe_link_only_asks_and_the_button_unsubscribes(client):
    sign_up(client)
    subscriber = Subscriber.objects.get()
    newsletter_confirm(token=subscriber.token)
    url = f"/newsletter/unsubscribe/{subscriber.token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert '<button class="button" type="submit">Unsubscribe</button>' in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None  # a link scanner's visit unsubscribes nobody
    done = client.post(url)
    assert done.status_code == 200 and "You are unsubscribed" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert "already unsubscribed" in client.get(url).content.decode()


def test_unsubscribing_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    sign_up(Client())
    subscriber = Subscriber.objects.get()
    assert client.post(f"/newsletter/unsubscribe/{subscriber.token}/").status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None
