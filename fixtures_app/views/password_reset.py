"""The editors' password reset: Django's own, with the requests slowed down so that nobody can
flood a mailbox with reset emails."""

import unicodedata

from django.conf import settings
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest

from matchcentre.http import too_fast

TOO_MANY = (
    "Too many password reset requests for this address or from your network. "
    "Wait a while, then try again; a link already sent still works."
)


class PasswordResetRequestView(PasswordResetView):
    """Refuses reset requests past a rate per address typed and per network address.

    The refusal is the same whether or not an account has the address: the counts are kept for
    every address typed, before anyone looks for an account.
    """

    @property
    def extra_email_context(self) -> dict:
        """What the email says about the link: how long it works."""
        return {"valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600}

    def post(self, request, *args, **kwargs):
        if _is_flood(request):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, TOO_MANY)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


def _is_flood(request: HttpRequest) -> bool:
    email = email_key(request.POST.get("email", ""))
    by_email = bool(email) and too_fast(
        request,
        group="password_reset.email",
        key=lambda group, request: email,
        rate=settings.PASSWORD_RESET_RATE_PER_EMAIL,
    )
    # "ip": the client's address as every other limit finds it (django-ratelimit's key).
    by_address = too_fast(
        request, group="password_reset.address", key="ip", rate=settings.PASSWORD_RESET_RATE_PER_ADDRESS
    )
    return by_email or by_address


def email_key(typed: str) -> str:
    """The bucket of a typed email address: stripped, NFKC and case folded, as Django compares
    addresses when it looks for the account, so other spellings of one address share its limit."""
    return unicodedata.normalize("NFKC", typed.strip()).casefold()[:254]
