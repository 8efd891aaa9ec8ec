"""Websocket routes."""

from django.urls import path

from fixtures_app import consumers

# Channels routes with Django's path(), which django-stubs types for views only, and types-channels
# wants a pattern type of its own in URLRouter (matchcentre/asgi.py): hence the ignores.
websocket_urlpatterns = [
    path("ws/matches/<int:pk>/", consumers.MatchConsumer.as_asgi()),  # type: ignore[arg-type]
    path("ws/scores/", consumers.ScoresConsumer.as_asgi()),  # type: ignore[arg-type]
]
