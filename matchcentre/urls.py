from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from fixtures_app.views.signin import SignInView
from matchcentre.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("fixtures_app.urls")),
    # The JSON API: /api/v1/…, /api/docs, /api/openapi.json (after fixtures_app, whose older
    # /api/competitions/…/table keeps its address and its JSON).
    path("api/", api.urls),
    path("", include("polls.urls")),
    path("", include("articles.urls")),
    path("", include("newsletter.urls")),
]
# A request too large or unreadable is answered with what was wrong (JSON to scripts).
handler400 = "matchcentre.errors.bad_request"
# Uploaded photos are served by Django only in development; static() adds nothing unless DEBUG.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
