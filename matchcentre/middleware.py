import logging
import time
import zoneinfo

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from matchcentre.http import wants_json
from matchcentre.metrics import NO_VIEW, REQUEST_LATENCY
from matchcentre.refusals import Refusal

TIMEZONE_COOKIE = "tz"
logger = logging.getLogger(__name__)


class RequestLatencyMiddleware:
    """Times every request Django answers, by the name of the URL pattern that took it: the
    label's values are the site's patterns, however many addresses are asked for. The answer
    says it too (`Server-Timing: app;dur=<ms>`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        REQUEST_LATENCY.labels(view_name(request)).observe(elapsed)
        # The same time for whoever measures a page from outside (bench/pages.py, a browser's
        # devtools): Django's own time for the request, without the server's and the network's.
        response["Server-Timing"] = f"app;dur={elapsed * 1000:.2f}"
        return response


def view_name(request) -> str:
    """The resolved view's name ("fixtures_app:match", "admin:index"), or NO_VIEW for a 404
    no pattern matched."""
    resolved = getattr(request, "resolver_match", None)
    return resolved.view_name if resolved is not None else NO_VIEW


class ReaderTimezoneMiddleware:
    """Shows times in the reader's zone: the `tz` cookie the page's script sets, else UK time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timezone.activate(reader_timezone(request.COOKIES.get(TIMEZONE_COOKIE, "")))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def reader_timezone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    # OSError: a cookie naming a folder of the zone database ("Europe") or a name too long for a file.
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return zoneinfo.ZoneInfo(settings.MATCHCENTRE_DEFAULT_READER_TIMEZONE)


class AdminQueryMiddleware:
    """The admin's filters and searches pass what they are given to the database, and PostgreSQL
    refuses a NUL character with an error (a 500): a query string carrying one is refused first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and any("\x00" in value for value in _query_values(request)):
            message = "The address has a null character (%00) in it: remove it and try again."
            if wants_json(request):  # the admin's autocomplete asks for JSON
                return Refusal("invalid", message).response()
            return HttpResponse(render_to_string("400.html", {"message": message}, request), status=400)
        return self.get_response(request)


def _query_values(request) -> list[str]:
    return [item for key, values in request.GET.lists() for item in (key, *values)]


class DatabaseOutageMiddleware:
    """The database out of reach answers a 503 a reader (or a script) understands, never a traceback.

    Every write is one transaction, so a request cut off by the outage saved nothing of itself;
    the page says a change can be sent again (its client key makes it count once).
    """

    MESSAGE = "We can't reach the match data right now. Please try again in a minute."

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("the database is out of reach: %s", exception, exc_info=exception)
        if wants_json(request):
            response = Refusal("unavailable", self.MESSAGE).response()
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
