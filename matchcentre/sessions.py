"""Sessions (editors' sign-ins): Django's database sessions, reading only cookies that can be one.

Django accepts any session cookie of eight characters or more and looks it up; one with a NUL
byte in it reaches PostgreSQL, which refuses it with an error, so a forged cookie was a 500 on
every page. A key Django makes is 32 lower-case letters and digits; anything else is no session.
"""

import string

from django.contrib.sessions.backends import db

KEY_CHARACTERS = frozenset(string.ascii_lowercase + string.digits)


class SessionStore(db.SessionStore):
    def _validate_session_key(self, key: str | None) -> bool:
        # django-stubs leaves this private method of SessionBase out.
        valid = super()._validate_session_key(key)  # type: ignore[misc]
        return bool(valid) and key is not None and set(key) <= KEY_CHARACTERS
