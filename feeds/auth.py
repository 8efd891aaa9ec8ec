"""Who may write through the JSON API: feed clients with a token, editors signed in to the console.

A feed client sends `Authorization: Bearer <key>`; a wrong or revoked key is refused at once
(401), even alongside a session. The console's browser is known by its session cookie and
must send the CSRF token with every write. Either way the user must be an editor (else 403).
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from feeds.errors import ApiRefusal, with_errors
from feeds.tokens import TokenRefused, token_user
from fixtures_app.editors import can_edit_matches

Permission = Callable[[AbstractBaseUser], bool]
FORBIDDEN = "Only editors can change matches and polls."


class FeedTokenAuth(HttpBearer):
    """`Authorization: Bearer <key>`, a key issued in the admin (feeds › API tokens)."""

    def __init__(self, permission: Permission = can_edit_matches) -> None:
        self.permission = permission
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> AbstractBaseUser:
        try:
            user = token_user(token, now=timezone.now())
        except TokenRefused as refused:
            raise AuthenticationError(message=str(refused)) from None
        return _permitted(user, self.permission)


class ConsoleSessionAuth(APIKeyCookie):
    """The console's signed-in editor: the session cookie, and the CSRF token on every write."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self, permission: Permission = can_edit_matches) -> None:
        self.permission = permission
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        # The CSRF check waits until we know there is a session: without one the answer is 401, not 403.
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> AbstractBaseUser | None:
        user = request.user
        if not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise ApiRefusal(403, "CSRF check failed: send the X-CSRFToken header with the session.")
        return _permitted(user, self.permission)


def _permitted(user: AbstractBaseUser, permission: Permission) -> AbstractBaseUser:
    if not permission(user):
        raise ApiRefusal(403, FORBIDDEN)
    return user


EDITORS = [FeedTokenAuth(), ConsoleSessionAuth()]
WRITE_ERRORS = (400, 401, 403, 404, 409, 413)


def editors_only(answers: dict, *, tag: str) -> dict:
    """An editor's operation: a token or the console's session, and every refusal documented."""
    return {"response": with_errors(answers, *WRITE_ERRORS), "tags": [tag], "auth": EDITORS}
