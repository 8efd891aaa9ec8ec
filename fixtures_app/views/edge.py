"""Pages the same bytes for every anonymous reader, so a CDN or nginx in front answers the crowd.

A reader is anonymous when the request carries none of the cookies that make a page theirs:
the session (signed in: the Console link, the editors' embed code), the voter cookie (the
poll shows their own vote) and the messages cookie (what a form posted without script said).
For them the page is rendered with nobody signed in, the session never read (no
`Vary: Cookie`), times in settings.MATCHCENTRE_DEFAULT_READER_TIMEZONE (the page's script puts
them in the reader's own zone) and forms without a CSRF token (matchcentre/csrf.py); it is
answered `public` for EDGE_SECONDS at a shared cache (and a CDN may answer a stale copy for
EDGE_STALE_SECONDS while it fetches a new one), with an ETag of everything it shows,
and a request whose `If-None-Match` names it is answered 304 before the template is rendered.
The page itself is kept in the cache under its ETag and address, so the next anonymous reader
of an unchanged page is answered from there: a few cheap queries for the ETag and one cache
read. Anyone else gets the page as before, marked `private`.
"""

import functools
import hashlib
import threading
import zoneinfo
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag

from polls.voters import VOTER_COOKIE

# How long a shared cache may answer without asking (the websocket brings what is newer to
# open pages), and how much longer it may answer a stale copy while it fetches a new one.
EDGE_SECONDS = 5
EDGE_STALE_SECONDS = 30
# How long a whole page is kept under its ETag: the ETag changes with all the page shows but what
# may change without touching a match (a club renamed in the admin), as the page's parts.
PAGE_SECONDS = 300
# One render of a page at a time in this process; pages share these locks by their key's hash.
RENDERING = [threading.Lock() for _ in range(64)]
STALE = "stale-while-revalidate"

View = Callable[..., HttpResponseBase]


def is_personal(request: HttpRequest) -> bool:
    """Whether the request carries a cookie that makes the page this reader's own."""
    personal = (settings.SESSION_COOKIE_NAME, VOTER_COOKIE, CookieStorage.cookie_name)
    return any(name in request.COOKIES for name in personal)


def is_public(request: HttpRequest) -> bool:
    """Whether the page being rendered is the one every anonymous reader gets."""
    return getattr(request, "edge_public", False)


def edge_cacheable(view: View) -> View:
    """Serves `view` as the same page to every anonymous reader, public at a shared cache."""

    @functools.wraps(view)
    def page(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if is_personal(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        # No session cookie: nobody is signed in, and the session is never read.
        request.user = AnonymousUser()
        request.edge_public = True  # type: ignore[attr-defined]
        with timezone.override(zoneinfo.ZoneInfo(settings.MATCHCENTRE_DEFAULT_READER_TIMEZONE)):
            response = view(request, *args, **kwargs)
        if response.status_code in (200, 304) and response.has_header("ETag"):
            patch_cache_control(response, public=True, max_age=0, s_maxage=EDGE_SECONDS)
            # Stale-while-revalidate for the CDN alone (RFC 9213): a browser obeys it too, and
            # would answer the page's own fetch of itself (scores.js) with a stale copy.
            response["CDN-Cache-Control"] = f"public, max-age={EDGE_SECONDS}, {STALE}={EDGE_STALE_SECONDS}"
        return response

    return page


def conditional(
    request: HttpRequest, *, shown: Callable[[], object], render: Callable[[], HttpResponse]
) -> HttpResponse:
    """A public page's answer: 304 when the reader holds the page `shown()` makes, else the page,
    from the cache of whole pages or `render()`.

    `shown()` is everything the page shows, read without rendering it (cheap keys); its digest,
    with the page's address and the deploy's templates and static files, is the page's ETag.
    """
    if not is_public(request):
        return render()
    # The address without its query: the page's `shown()` holds what the view reads of it.
    etag = quote_etag(page_digest([request.build_absolute_uri(request.path), shown()]))
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = kept_page(etag, render)
    response["ETag"] = etag
    return response


def kept_page(etag: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The page the ETag names, from the cache, or rendered and kept (the cache an accelerator:
    out of reach, every page is rendered). Readers who ask for a page while this process renders
    it wait for that render rather than render it too (a goal, or the minute turning on the home
    page, would otherwise have every open request render the same page at once)."""
    key = "edge-page:" + etag.strip('"')
    kept = cache.get(key)
    if kept is None:
        with RENDERING[hash(key) % len(RENDERING)]:
            kept = cache.get(key)  # rendered by the reader this one waited for
            if kept is None:
                return _render_and_keep(key, render)
    content_type, content = kept
    return HttpResponse(content, content_type=content_type)


def _render_and_keep(key: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    response = render()
    if response.status_code == 200 and not response.streaming:
        cache.set(key, (response["Content-Type"], response.content), PAGE_SECONDS)
    return response


def page_digest(shown: object) -> str:
    return hashlib.blake2b(repr([deploy_version(), shown]).encode(), digest_size=16).hexdigest()


@functools.cache
def deploy_version() -> str:
    """A digest of the templates and static files this process serves: a deploy changes the ETags."""
    digest = hashlib.blake2b(digest_size=8)
    for folder in map(Path, [settings.BASE_DIR / "templates", *settings.STATICFILES_DIRS]):
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                digest.update(str(file.relative_to(folder)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()
