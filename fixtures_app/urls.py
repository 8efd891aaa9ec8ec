from django.urls import path, re_path

from fixtures_app.syndication import MatchFeed, SeasonFeed, TeamFeed
from fixtures_app.views import console, embed, live, match, photos, players, search, tables, team

app_name = "fixtures_app"

urlpatterns = [
    path("", match.home, name="home"),
    path("matches/<int:pk>/feed/", MatchFeed(), name="match-feed"),
    path("matches/<int:pk>/<slug:slug>/", match.match_detail, name="match"),
    path("matches/<int:pk>/", match.match_detail, name="match-short"),
    path("matches/<int:pk>/updates", live.match_updates, name="match-updates"),
    path("competitions/<slug:competition>/<slug:season>/", tables.competition, name="competition"),
    path("competitions/<slug:competition>/<slug:season>/feed/", SeasonFeed(), name="competition-feed"),
    path("competitions/<slug:competition>/<slug:season>/table/", tables.table, name="table"),
    path("competitions/<slug:competition>/<slug:season>/fixtures/", tables.fixtures, name="fixtures"),
    path("embed/matches/<int:pk>/", embed.match_embed, name="embed-match"),
    path("embed/competitions/<slug:competition>/<slug:season>/table/", embed.table_embed, name="embed-table"),
    path("teams/<slug:slug>/", team.team, name="team"),
    path("teams/<slug:slug>/feed/", TeamFeed(), name="team-feed"),
    path("players/<int:pk>/<slug:slug>/", players.player, name="player"),
    path("players/<int:pk>/", players.player, name="player-short"),
    path("search/", search.search, name="search"),
    # Photos posted into timelines (settings.PHOTO_URL): only names the site gives.
    re_path(r"^photos/(?P<name>[0-9a-f]{32}-[0-9]{1,4}\.jpg)$", photos.live_photo, name="live-photo"),
    path(
        "api/competitions/<slug:competition>/seasons/<slug:season>/table", tables.api_table, name="api-table"
    ),
    path("console/", console.console_index, name="console"),
    path("console/matches/<int:pk>/", console.console_match, name="console-match"),
    path("console/matches/<int:pk>/events/", console.console_record, name="console-record"),
    path("console/events/<int:pk>/correct/", console.console_correct, name="console-correct"),
    path("console/events/<int:pk>/delete/", console.console_delete, name="console-delete"),
    path("console/matches/<int:pk>/status/", console.console_status, name="console-status"),
    path("console/matches/<int:pk>/stats/", console.console_stats, name="console-stats"),
    path("console/matches/<int:pk>/fragment/", console.console_events_fragment, name="console-fragment"),
]
