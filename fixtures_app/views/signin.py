"""The editors' sign-in page: Django's own, with guessing slowed down."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.views import LoginView

from matchcentre.http import too_fast

TOO_MANY = "Too many sign-in attempts. Wait a minute, then try again."


class SignInView(LoginView):
    """Refuses sign-ins past a rate per username and per network address, with a clear message."""

    def post(self, request, *args, **kwargs):
        if _is_guessing(request):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, TOO_MANY)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


def _is_guessing(request) -> bool:
    by_name = too_fast(
        request,
        group="signin.username",
        key=lambda group, request: username_key(request.POST.get("username", "")),
        rate=settings.SIGNIN_RATE_PER_USERNAME,
    )
    by_address = too_fast(request, group="signin.address", key="ip", rate=settings.SIGNIN_RATE_PER_ADDRESS)
    return by_name or by_address


def username_key(typed: str) -> str:
    """The bucket of a typed username: the name as Django itself reads it (NFKC, so full-width
    `ｅｄｉｔｏｒ` is `editor`), case folded, so look-alike spellings share one limit."""
    return AbstractBaseUser.normalize_username(typed.strip()).casefold()[:150]
