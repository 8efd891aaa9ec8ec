from django.urls import path

from fixtures_app.views import match

app_name = "fixtures_app"

urlpatterns = [
    path("", match.home, name="home"),
    path("matches/<int:pk>/<slug:slug>/", match.match_detail, name="match"),
    path("matches/<int:pk>/", match.match_detail, name="match-short"),
]
