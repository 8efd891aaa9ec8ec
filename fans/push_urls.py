"""Web Push, the service worker and the app manifest (fans/push_views.py, fans/stadium_views.py).
The worker and manifest are served from the site's root, so the worker's scope is the whole site."""

from django.urls import path

from fans import push_views, stadium_views

app_name = "push"

urlpatterns = [
    path("sw.js", stadium_views.service_worker, name="service-worker"),
    path("manifest.webmanifest", stadium_views.manifest, name="manifest"),
    path("push/key", push_views.public_key, name="key"),
    path("push/subscriptions", push_views.subscriptions, name="subscriptions"),
    path("console/matches/<int:pk>/alerts/", push_views.match_alerts, name="match-alerts"),
]
