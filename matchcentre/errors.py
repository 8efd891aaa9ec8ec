"""What the site answers a request it cannot read: too large, too many fields, or malformed.

Django turns these into a bare "Bad Request (400)"; fans' and editors' scripts get JSON in
the shape the console, the poll and the newsletter box already read (`message`), people a page.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchcentre.http import wants_json
from matchcentre.refusals import Refusal

TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's handler400: 413 for a request over the size limits, 400 for anything else."""
    if isinstance(exception, TOO_LARGE):
        refusal = Refusal("too_large", too_large_message())
    else:
        refusal = Refusal("invalid", "The request could not be read.")
    if wants_json(request):
        return refusal.response()
    return render(request, "400.html", {"message": refusal.message}, status=refusal.status)


def too_large_message() -> str:
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
    fields = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    return f"The request is too large: send at most {size} KB and {fields} fields."
