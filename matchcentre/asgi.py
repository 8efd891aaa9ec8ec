import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchcentre.settings")
# Build the Django app first: it sets up the app registry the websocket stack imports from.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware  # noqa: E402

from live.outbox import with_raw_send  # noqa: E402
from matchcentre.origins import SameOriginValidator  # noqa: E402
from matchcentre.request_size import RequestSizeLimit  # noqa: E402
from matchcentre.routing import websocket_urlpatterns  # noqa: E402
from polls.endpoint import VoteLane  # noqa: E402

site = ProtocolTypeRouter(
    {
        # Fans' votes from the page's script take a lane in front of everything else
        # (polls/endpoint.py: it reads no body over 8 KB); other bodies over the limit are cut short
        # as they arrive (matchcentre/request_size.py).
        "http": VoteLane(RequestSizeLimit(django_asgi_app)),  # type: ignore[arg-type]  # Django's stub types scope as dict
        "websocket": with_raw_send(
            # URLRouter's stub wants its own pattern type, which path() never gives (matchcentre/routing.py).
            SameOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))  # type: ignore[arg-type]
        ),
    }
)
# The client's address (for the rate limits) and scheme are the peer's, or, from a proxy that
# MATCHCENTRE_TRUSTED_PROXIES names, what its X-Forwarded-For and -Proto say (Uvicorn's middleware,
# applied here so that every server behaves alike: the production recipe runs Uvicorn with
# --no-proxy-headers, and Daphne reads no such header).
application = (
    ProxyHeadersMiddleware(site, trusted_hosts=settings.TRUSTED_PROXIES)  # type: ignore[arg-type]
    if settings.TRUSTED_PROXIES
    else site
)
