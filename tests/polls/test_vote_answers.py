"""The vote lane writes a new fan's cookie as Django writes it: the same signed value, the same
attributes, read back as the same fan."""

from http.cookies import SimpleCookie

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from polls.vote_answers import voter_cookie_line
from polls.voters import VOTER_COOKIE, Voter, voter_cookie_remember, voter_key

BALLOT = "0123456789abcdef0123456789abcdef"


def djangos_line(voter: Voter) -> str:
    response = HttpResponse()
    voter_cookie_remember(response, voter)
    return response.cookies[VOTER_COOKIE].output(header="").strip()


def parsed(line: str) -> dict:
    jar = SimpleCookie()
    jar.load(line)
    morsel = jar[VOTER_COOKIE]
    return {"value": morsel.value, **{key: value for key, value in morsel.items() if key != "expires"}}


@pytest.mark.parametrize("secure", [False, True])
def test_a_new_fans_cookie_is_the_one_django_sets(settings, secure):
    settings.SESSION_COOKIE_SECURE = secure
    voter = Voter(key=f"anon:{BALLOT}", new_token=BALLOT)
    line = voter_cookie_line(voter)
    assert parsed(line) == parsed(djangos_line(voter))
    assert ("; Secure" in line) is secure


def test_the_cookie_is_read_back_as_the_same_fan():
    request = RequestFactory().post("/")
    request.COOKIES[VOTER_COOKIE] = parsed(voter_cookie_line(Voter(key="", new_token=BALLOT)))["value"]
    assert voter_key(request) == f"anon:{BALLOT}"


def test_a_known_fan_gets_no_cookie():
    assert voter_cookie_line(Voter(key=f"anon:{BALLOT}")) == ""
