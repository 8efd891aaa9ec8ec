"""The verification snippet docs/WEBHOOKS.md gives partners works on the worker's own requests."""

import re
from pathlib import Path

import pytest

from fixtures_app.services.status import match_change_status
from partners.worker import deliver
from tests.factories import make_match
from tests.partners.conftest import FAST

DOC = Path(__file__).resolve().parents[2] / "docs" / "WEBHOOKS.md"


def documented_check():
    (snippet,) = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    namespace: dict = {}
    exec(snippet, namespace)
    return namespace["matchcentre_request_is_genuine"]


@pytest.mark.django_db
def test_the_documented_snippet_accepts_a_real_request_and_refuses_a_forged_one(partner, receiver):
    match_change_status(match=make_match(), status="first_half")
    deliver(FAST, once=True)
    (request,) = receiver.requests
    genuine = documented_check()
    headers = (request.header("MatchCentre-Timestamp"), request.header("MatchCentre-Signature"))

    assert genuine(partner.secret, request.body, *headers)
    assert not genuine("a guess", request.body, *headers)
    assert not genuine(partner.secret, request.body.replace(b"first_half", b"full_time"), *headers)
    assert not genuine(partner.secret, request.body, str(int(headers[0]) - 3600), headers[1])
