import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchcentre.settings")
# Build the Django app first: it sets up the app registry the websocket stack imports from.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from live.outbox import with_raw_send  # noqa: E402
from matchcentre.routing import websocket_urlpatterns  # noqa: E402
from polls.endpoint import VoteLane  # noqa: E402

application = ProtocolTypeRouter(
    {
        # Fans' votes from the page's script take a lane in front of Django (polls/endpoint.py).
        "http": VoteLane(django_asgi_app),
        "websocket": with_raw_send(
            # URLRouter's stub wants its own pattern type, which path() never gives (matchcentre/routing.py).
            AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))  # type: ignore[arg-type]
        ),
    }
)
