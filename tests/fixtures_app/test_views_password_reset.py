"""Password reset: slowed down per address typed and per network address, the same answer whether
or not an account has the address, and every page of the flow in the site's own look."""

import re

import pytest
from django.core import mail
from django.test import Client

from tests.factories import make_editor

pytestmark = pytest.mark.django_db

RESET = "/accounts/password_reset/"
DONE = "/accounts/password_reset/done/"
TOO_MANY = "Too many password reset requests"
SITE_HEADER = 'class="site-header"'


@pytest.fixture
def editor():
    user = make_editor("desk")
    user.email = "desk@example.com"
    user.save()
    return user


def ask(client: Client, email: str, **extra):
    return client.post(RESET, {"email": email}, **extra)


def without_token(html: str) -> str:
    """The page with its CSRF token taken out: the one part that differs from one answer to the next."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def reset_link(body: str) -> str:
    return re.search(r"http://testserver(/accounts/reset/[\w-]+/[\w-]+/)", body).group(1)


def test_forty_requests_for_one_address_send_at_most_the_limit_then_are_refused(client, settings, editor):
    settings.PASSWORD_RESET_RATE_PER_EMAIL = "3/h"
    answers = [ask(client, "desk@example.com").status_code for _ in range(40)]
    assert answers[:3] == [302, 302, 302]
    assert set(answers[3:]) == {429}
    assert len(mail.outbox) == 3
    refused = ask(client, "desk@example.com")
    html = refused.content.decode()
    assert TOO_MANY in html
    assert SITE_HEADER in html and 'name="email"' in html


def test_spellings_of_one_address_share_its_limit(client, settings, editor):
    settings.PASSWORD_RESET_RATE_PER_EMAIL = "3/h"
    for typed in ["desk@example.com", " DESK@example.com ", "Desk@Example.COM"]:
        assert ask(client, typed).status_code == 302
    assert ask(client, "dEsK@eXample.com").status_code == 429
    assert len(mail.outbox) == 3
    # Another address is not held up by this one's limit.
    assert ask(client, "other@example.com").status_code == 302


def test_many_addresses_from_one_network_address_are_refused(client, settings, editor):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = "3/h"
    for number in range(3):
        assert ask(client, f"fan{number}@example.com", REMOTE_ADDR="203.0.113.7").status_code == 302
    refused = ask(client, "desk@example.com", REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()
    assert mail.outbox == []
    assert ask(client, "desk@example.com", REMOTE_ADDR="198.51.100.9").status_code == 302
    assert len(mail.outbox) == 1


def test_an_unknown_address_gets_the_same_answers_as_a_known_one(client, settings, editor):
    settings.PASSWORD_RESET_RATE_PER_EMAIL = "1/h"
    known, unknown = ask(client, "desk@example.com"), ask(client, "nobody@example.com")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"]) == (302, DONE)
    assert len(mail.outbox) == 1
    known, unknown = ask(client, "desk@example.com"), ask(client, "nobody@example.com")
    assert known.status_code == unknown.status_code == 429
    assert without_token(known.content.decode()).replace("desk@", "nobody@") == without_token(
        unknown.content.decode()
    )
    assert len(mail.outbox) == 1


# A Redis no server listens on: the cache that keeps the counts is out of reach.
UNREACHABLE = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"socket_connect_timeout": 0.2},
}


def test_a_reset_is_still_sent_while_the_counts_cache_is_out_of_reach(client, settings, caplog, editor):
    settings.CACHES = {**settings.CACHES, "counts": UNREACHABLE}
    settings.RATELIMIT_USE_CACHE = "counts"
    settings.PASSWORD_RESET_RATE_PER_EMAIL = "1/h"
    for _ in range(2):
        response = ask(client, "desk@example.com")
        assert (response.status_code, response["Location"]) == (302, DONE)
    assert len(mail.outbox) == 2  # nothing counted: no limit, rather than no reset
    assert "Rate limit password_reset.email not counted" in caplog.text
    assert "Rate limit password_reset.address not counted" in caplog.text


def test_the_sign_in_page_links_to_the_reset(client):
    html = client.get("/accounts/login/").content.decode()
    assert f'<a href="{RESET}">Forgot your password?</a>' in html


def test_every_page_of_the_reset_flow_is_the_sites_own(client, editor):
    form = client.get(RESET).content.decode()
    assert SITE_HEADER in form and "<title>Reset your password — MatchCentre</title>" in form
    done = client.post(RESET, {"email": "desk@example.com"}, follow=True).content.decode()
    assert SITE_HEADER in done and "Check your email" in done
    (sent,) = mail.outbox
    assert sent.subject == "Reset your MatchCentre password"
    assert "desk" in sent.body and "If you did not ask" in sent.body
    choose = client.get(reset_link(sent.body), follow=True)
    html = choose.content.decode()
    assert SITE_HEADER in html and "Choose a new password" in html and 'name="new_password1"' in html
    complete = client.post(
        choose.redirect_chain[-1][0],
        {"new_password1": "a fresh pass phrase", "new_password2": "a fresh pass phrase"},
        follow=True,
    ).content.decode()
    assert SITE_HEADER in complete and "Your password is changed" in complete
    editor.refresh_from_db()
    assert editor.check_password("a fresh pass phrase")


def test_a_used_or_broken_link_says_so_in_the_sites_look(client, editor):
    html = client.get("/accounts/reset/MQ/not-a-token/", follow=True).content.decode()
    assert SITE_HEADER in html and "This link does not work any more" in html
    assert f'href="{RESET}"' in html


def test_an_editor_changes_the_password_on_the_sites_pages(client, editor):
    client.force_login(editor)
    form = client.get("/accounts/password_change/").content.decode()
    assert SITE_HEADER in form and 'name="old_password"' in form
    done = client.post(
        "/accounts/password_change/",
        {
            "old_password": "pass-for-tests-only",
            "new_password1": "a fresh pass phrase",
            "new_password2": "a fresh pass phrase",
        },
        follow=True,
    ).content.decode()
    assert SITE_HEADER in done and "Your password is changed" in done


def test_the_admins_password_change_keeps_the_admins_look(admin_client):
    html = admin_client.get("/admin/password_change/").content.decode()
    assert 'id="site-name"' in html and SITE_HEADER not in html
