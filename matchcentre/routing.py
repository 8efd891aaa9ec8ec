"""Websocket routes. The live match page's consumers are wired here."""

websocket_urlpatterns: list = []
