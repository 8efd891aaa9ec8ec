"""Signing and verifying webhooks: pure, no database."""

import hashlib
import hmac

import pytest

from partners.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign, signature, verify

SECRET = "whsec-test"
BODY = b'{"match":2,"seq":19,"kind":"event_added"}'
SIGNED_AT = 1_764_770_000


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body_as_documented():
    expected = hmac.new(SECRET.encode(), f"{SIGNED_AT}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert signature(SECRET, SIGNED_AT, BODY) == expected
    assert sign(SECRET, BODY, SIGNED_AT) == {
        TIMESTAMP_HEADER: str(SIGNED_AT),
        SIGNATURE_HEADER: f"v1={expected}",
    }


HEADERS = sign(SECRET, BODY, SIGNED_AT)
GOOD = HEADERS[SIGNATURE_HEADER]


@pytest.mark.parametrize(
    ("case", "secret", "body", "timestamp", "header", "now", "genuine"),
    [
        ("as sent", SECRET, BODY, str(SIGNED_AT), GOOD, SIGNED_AT, True),
        ("received 4 minutes later", SECRET, BODY, str(SIGNED_AT), GOOD, SIGNED_AT + 240, True),
        ("receiver's clock 4 minutes behind", SECRET, BODY, str(SIGNED_AT), GOOD, SIGNED_AT - 240, True),
        (
            "one of several v1 values (a secret being rotated)",
            SECRET,
            BODY,
            str(SIGNED_AT),
            f"v1={'0' * 64}, {GOOD}",
            SIGNED_AT,
            True,
        ),
        ("wrong secret", "another", BODY, str(SIGNED_AT), GOOD, SIGNED_AT, False),
        ("body altered", SECRET, BODY.replace(b"19", b"20"), str(SIGNED_AT), GOOD, SIGNED_AT, False),
        (
            "body re-serialised with spaces",
            SECRET,
            BODY.replace(b":", b": "),
            str(SIGNED_AT),
            GOOD,
            SIGNED_AT,
            False,
        ),
        ("timestamp altered", SECRET, BODY, str(SIGNED_AT + 1), GOOD, SIGNED_AT, False),
        ("stale: played again 6 minutes later", SECRET, BODY, str(SIGNED_AT), GOOD, SIGNED_AT + 360, False),
        ("from the future", SECRET, BODY, str(SIGNED_AT), GOOD, SIGNED_AT - 360, False),
        ("timestamp not a number", SECRET, BODY, "soon", GOOD, SIGNED_AT, False),
        ("timestamp negative", SECRET, BODY, "-1", GOOD, SIGNED_AT, False),
        ("unknown scheme", SECRET, BODY, str(SIGNED_AT), GOOD.replace("v1=", "v0="), SIGNED_AT, False),
        ("empty signature", SECRET, BODY, str(SIGNED_AT), "", SIGNED_AT, False),
        ("signature truncated", SECRET, BODY, str(SIGNED_AT), GOOD[:-2], SIGNED_AT, False),
    ],
)
def test_verify(case, secret, body, timestamp, header, now, genuine):
    assert verify(secret, body, timestamp=timestamp, signature_header=header, now=now) is genuine, case


def test_the_tolerance_is_the_receivers_choice():
    late = SIGNED_AT + 30
    assert not verify(SECRET, BODY, timestamp=str(SIGNED_AT), signature_header=GOOD, now=late, tolerance=10)
