"""Who may write to matches: members of the `editors` group, or users given the permission."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user
from django.http import HttpRequest

EDITORS_GROUP = "editors"
EDIT_PERMISSION = "fixtures_app.add_matchevent"


def can_edit_matches(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.has_perm(EDIT_PERMISSION) or user.groups.filter(name=EDITORS_GROUP).exists()


def user_now(session_key: str | None):
    """The user a session belongs to as they are now, read afresh from the database: nobody
    once the session ended (signed out, expired), the password changed, or the user was
    deactivated. A socket opened an hour ago asks this before each editor command."""
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    # Django's own check, as for a request: the session's user, active, with the same password.
    request = HttpRequest()
    request.session = store
    return get_user(request)
