import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpResponse
from django.test import RequestFactory

from polls.voters import VOTER_COOKIE, request_voter, voter_cookie_remember, voter_key


def anonymous_request(**cookies):
    request = RequestFactory().post("/")
    request.user = AnonymousUser()
    request.COOKIES.update(cookies)
    return request


def test_a_fan_who_never_voted_has_no_key_until_voting():
    request = anonymous_request()
    assert voter_key(request) is None
    voter = request_voter(request)
    assert voter.key.startswith("anon:") and voter.new_token


def test_an_anonymous_fan_is_known_again_by_the_signed_cookie():
    voter = request_voter(anonymous_request())
    response = HttpResponse()
    voter_cookie_remember(response, voter)
    cookie = response.cookies[VOTER_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    again = request_voter(anonymous_request(**{VOTER_COOKIE: cookie.value}))
    assert again.key == voter.key and not again.new_token


def test_a_forged_cookie_is_ignored():
    request = anonymous_request(**{VOTER_COOKIE: "anybody:forged"})
    assert voter_key(request) is None
    assert request_voter(request).new_token


@pytest.mark.django_db
def test_a_logged_in_fan_is_known_by_the_account_and_gets_no_cookie():
    request = anonymous_request()
    request.user = User.objects.create_user("fan")
    voter = request_voter(request)
    response = HttpResponse()
    voter_cookie_remember(response, voter)
    assert voter.key == f"user:{request.user.pk}"
    assert VOTER_COOKIE not in response.cookies
