from django.urls import path

from fixtures_app.views import live, match, tables

app_name = "fixtures_app"

urlpatterns = [
    path("", match.home, name="home"),
    path("matches/<int:pk>/<slug:slug>/", match.match_detail, name="match"),
    path("matches/<int:pk>/", match.match_detail, name="match-short"),
    path("matches/<int:pk>/updates", live.match_updates, name="match-updates"),
    path("competitions/<slug:competition>/<slug:season>/table/", tables.table, name="table"),
    path("competitions/<slug:competition>/<slug:season>/fixtures/", tables.fixtures, name="fixtures"),
    path("teams/<slug:slug>/", tables.team, name="team"),
    path(
        "api/competitions/<slug:competition>/seasons/<slug:season>/table", tables.api_table, name="api-table"
    ),
]
