import zoneinfo

from django.conf import settings
from django.utils import timezone

TIMEZONE_COOKIE = "tz"


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
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.MATCHCENTRE_DEFAULT_READER_TIMEZONE)
