from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import ArticleSitemap
from fixtures_app.sitemaps import MatchSitemap, PlayerSitemap, SeasonSitemap, TeamSitemap
from fixtures_app.views.password_reset import PasswordResetRequestView
from fixtures_app.views.signin import SignInView
from matchcentre import health
from matchcentre.api import api

# The admin says whose it is (templates/admin/base_site.html adds the site's favicon).
admin.site.site_header = "MatchCentre administration"
admin.site.site_title = "MatchCentre admin"
admin.site.index_title = "MatchCentre"

# For search engines: every public page, with when it last changed.
SITEMAPS = {
    "matches": MatchSitemap,
    "teams": TeamSitemap,
    "competitions": SeasonSitemap,
    "players": PlayerSitemap,
    "articles": ArticleSitemap,
}

urlpatterns = [
    # For operators' tools: alive, ready to serve, and this process's metrics (docs/OPERATIONS.md).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", health.metrics, name="metrics"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/password_reset/", PasswordResetRequestView.as_view(), name="password_reset"),
    # The site's own templates: the admin renders Django's default names in its own look.
    path(
        "accounts/password_change/",
        auth_views.PasswordChangeView.as_view(template_name="registration/site_password_change_form.html"),
        name="password_change",
    ),
    path(
        "accounts/password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="registration/site_password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("fixtures_app.urls")),
    # The JSON API: /api/v1/…, /api/docs, /api/openapi.json (after fixtures_app, whose older
    # /api/competitions/…/table keeps its address and its JSON).
    path("api/", api.urls),
    path("", include("polls.urls")),
    path("", include("articles.urls")),
    path("", include("newsletter.urls")),
    # The fan's own layer: the My clubs strip and a signed-in fan's follows.
    path("me/", include("fans.urls")),
    # Web Push alerts, the service worker and the app manifest (at the root: the worker's scope).
    path("", include("fans.push_urls")),
]
# A request too large or unreadable is answered with what was wrong (JSON to scripts).
handler400 = "matchcentre.errors.bad_request"
# Uploaded photos are served by Django only in development; static() adds nothing unless DEBUG.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
