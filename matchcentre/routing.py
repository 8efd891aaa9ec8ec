"""Websocket routes."""

from django.urls import path

from fixtures_app import consumers

websocket_urlpatterns = [
    path("ws/matches/<int:pk>/", consumers.MatchConsumer.as_asgi()),
    path("ws/scores/", consumers.ScoresConsumer.as_asgi()),
]
