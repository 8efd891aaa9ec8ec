"""A POST the browser says a page of the site's own origin sent passes Django's CSRF check
without a token.

The pages fans read (match, home, tables) are the same bytes for every reader, so a CDN can keep
them: they cannot carry a per-reader CSRF token. Their forms (a poll's vote, the newsletter
sign-up) are posted without one, and a browser marks every request with `Sec-Fetch-Site`, a
header no page can set or change (a forbidden header name of the Fetch standard): a form or
fetch from another site says `cross-site` or `same-site`, one from a page of this origin
`same-origin`. Such a request that also carries an `Origin` Django's own check accepts is let
through; everything else (a browser that does not send the header, a script, a forged cross-site
POST) goes through Django's whole check, token and all, as before. Forms on personal pages
(sign-in, the console) still carry their token.

Listed just before Django's CsrfViewMiddleware, which takes `csrf_processing_done` as passed.
"""

from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class SameOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.check = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if sent_by_own_page(self.check, request):
            request.csrf_processing_done = True
        return None


def sent_by_own_page(check: CsrfViewMiddleware, request: HttpRequest) -> bool:
    """An unsafe request (a POST) a browser says a page of this very origin sent."""
    if request.method in SAFE_METHODS:
        return False
    if request.headers.get("Sec-Fetch-Site") != "same-origin":
        return False
    # Django's own Origin check (the site's host, or DJANGO_CSRF_TRUSTED_ORIGINS); not in its stubs.
    return "HTTP_ORIGIN" in request.META and check._origin_verified(request)  # type: ignore[attr-defined]
