"""The baseline of the connect storms (bench/connect_storm.py): a consumer as the Channels
tutorial writes one, which on connect reads and builds what its own fan needs: the snapshot
(the product's own selector), or the messages after `?since=N` from the update log. One build
per fan, in Channels' default thread for database work; nothing is shared between fans.

It joins no channel-layer group: under a connect storm the stock group join itself fails
(channels-redis runs out of connections; bench/fanout.py's stock rows count those fans), and
this baseline measures the cost of building per fan, not that. Fans connect to
/ws/bench/stock-storm/<match id>/.
"""

import json
from urllib.parse import parse_qs

from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path
from django.utils import timezone

from matchcentre.asgi import application as project

# isort: split
from fixtures_app.models import Match, MatchUpdate  # after Django is set up by the import above
from fixtures_app.selectors.live import snapshot


class OpeningPerFanConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()
        values = parse_qs(self.scope["query_string"].decode("latin-1")).get("since")
        for text in await database_sync_to_async(self.opening)(int(values[0]) if values else None):
            await self.send(text_data=text)

    def opening(self, since: int | None) -> list[str]:
        match = Match.objects.get(pk=self.scope["url_route"]["kwargs"]["pk"])
        if since is None:
            return [json.dumps(snapshot(match, now=timezone.now()))]
        messages = MatchUpdate.objects.filter(match=match, seq__gt=since).order_by("seq")
        return [json.dumps(message) for message in messages.values_list("message", flat=True)]


per_fan = AllowedHostsOriginValidator(
    AuthMiddlewareStack(URLRouter([path("ws/bench/stock-storm/<int:pk>/", OpeningPerFanConsumer.as_asgi())]))
)
project_websocket = project.application_mapping["websocket"]


async def websocket(scope, receive, send):
    if scope["path"].startswith("/ws/bench/stock-storm/"):
        return await per_fan(scope, receive, send)
    return await project_websocket(scope, receive, send)


application = ProtocolTypeRouter({"http": project.application_mapping["http"], "websocket": websocket})
