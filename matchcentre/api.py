"""The JSON API: version 1 under /api/v1/, its OpenAPI schema at /api/openapi.json and its docs
page at /api/docs (Swagger UI served from ninja's own static files: nothing from the internet)."""

from ninja import NinjaAPI, Swagger

import feeds.errors
import fixtures_app.api
import polls.api


class SiteSwagger(Swagger):
    """ninja's Swagger UI page with a viewport, so the docs read on a phone (templates/api/docs.html)."""

    template = "api/docs.html"


api = NinjaAPI(
    title="MatchCentre API",
    version="1",
    description=(
        "Live football: fans' reads need no token; editors' writes need an API token "
        "(`Authorization: Bearer <key>`) or the console's session. See docs/API.md."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=SiteSwagger(),
)
feeds.errors.install(api)
api.add_decorator(feeds.errors.limit_body, mode="view")
api.add_router("/v1/", fixtures_app.api.router)
api.add_router("/v1/", polls.api.router)
