"""The service worker (static/fans/sw.js: Web Push alerts and the offline stadium mode) and the
web app manifest, served from the site's root so that the worker's scope is the whole site."""

from functools import lru_cache

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.views.decorators.http import require_safe

WORKER = "fans/sw.js"


@lru_cache(maxsize=1)
def _worker_source() -> bytes:
    found = finders.find(WORKER)
    if not found:
        raise FileNotFoundError(WORKER)
    with open(found if isinstance(found, str) else found[0], "rb") as source:
        return source.read()


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")
    # The browser checks for a new worker at every navigation; it must not be kept anywhere.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    icon = static("site/favicon.svg")
    response = JsonResponse(
        {
            "name": "MatchCentre",
            "short_name": "MatchCentre",
            "description": "Live football scores, alerts for your clubs, and the last score seen offline.",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0b3d2e",
            "icons": [{"src": icon, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
        }
    )
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "public, max-age=3600"
    return response
