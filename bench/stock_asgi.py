"""The stock-Channels baseline the fan-out is measured against, served by the same process
kind on the same machine in the same run.

It is the Channels tutorial's design: every fan is a consumer in a channel-layer group;
a change is `group_send` to the group, and each consumer `send_json`s it to its fan. The
project's own editor write path is kept (an API save publishes through
live.realtime); this module adds the tutorial's `group_send` of the same message
beside it. Fans of the baseline connect to /ws/bench/stock/<match id>/.
"""

import json

from asgiref.sync import async_to_sync
from channels.auth import AuthMiddlewareStack
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import get_channel_layer
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.conf import settings
from django.urls import path

from matchcentre.asgi import application as project

# isort: split
from live import realtime  # after Django is set up by the import above

# The product configures no channel layer (no live path uses one); the baseline's consumers
# need one, on the same Redis the hub uses when there is one (requirements-bench.txt).
settings.CHANNEL_LAYERS = (
    {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [settings.REDIS_URL]},
        }
    }
    if settings.REDIS_URL
    else {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
)

STOCK_PREFIX = "stock."


class StockMatchConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.group_name = f"{STOCK_PREFIX}match.{self.scope['url_route']['kwargs']['pk']}"
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def match_update(self, event):
        await self.send_json(event["message"])


_project_publish = realtime.publish


def publish(group: str, text: str) -> None:
    _project_publish(group, text)
    if group.startswith("match."):
        async_to_sync(get_channel_layer().group_send)(
            STOCK_PREFIX + group, {"type": "match.update", "message": json.loads(text)}
        )


realtime.publish = publish

stock = AllowedHostsOriginValidator(
    AuthMiddlewareStack(URLRouter([path("ws/bench/stock/<int:pk>/", StockMatchConsumer.as_asgi())]))
)
project_websocket = project.application_mapping["websocket"]


async def websocket(scope, receive, send):
    if scope["path"].startswith("/ws/bench/stock/"):
        return await stock(scope, receive, send)
    return await project_websocket(scope, receive, send)


application = ProtocolTypeRouter({"http": project.application_mapping["http"], "websocket": websocket})
