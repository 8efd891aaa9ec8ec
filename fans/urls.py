from django.urls import path

from fans import views

app_name = "fans"

urlpatterns = [
    path("clubs/", views.clubs, name="clubs"),
    path("follows/", views.follows, name="follows"),
    path("follows/merge/", views.merge, name="merge"),
]
