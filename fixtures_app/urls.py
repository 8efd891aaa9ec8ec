from django.urls import path

from fixtures_app import views

app_name = "fixtures_app"

urlpatterns = [
    path("", views.home, name="home"),
    path("matches/<int:pk>/<slug:slug>/", views.match_detail, name="match"),
    path("matches/<int:pk>/", views.match_detail, name="match-short"),
]
