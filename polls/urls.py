from django.urls import path

from polls import views

app_name = "polls"

urlpatterns = [
    path("polls/<int:pk>/vote/", views.vote, name="vote"),
]
