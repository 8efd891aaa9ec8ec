"""Photos' renditions, served by the site itself under Daphne and Uvicorn alike.

Only files the site made are served: a name it could have given (32 hex digits, a width, .jpg)
from MEDIA_ROOT/live-photos/, as image/jpeg whatever was uploaded, with `nosniff`. A name is
never reused, so a rendition is cached for a year (`immutable`) by browsers and any CDN in
front; a deleted photo's files are removed and answer 404 from then on.
"""

from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_safe

from fixtures_app.photos import CONTENT_TYPE
from fixtures_app.services.photos import photo_folder

YEAR = 365 * 24 * 60 * 60


@require_safe
def live_photo(request: HttpRequest, name: str) -> FileResponse:
    try:
        opened = (photo_folder() / name).open("rb")
    except (FileNotFoundError, NotADirectoryError):
        raise Http404("There is no such photo.") from None
    response = FileResponse(opened, content_type=CONTENT_TYPE)
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response
