from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("articles/<slug:slug>/", views.article_detail, name="detail"),
    path("matches/<int:pk>/card.png", views.match_card_png, name="match-card"),
    path("matches/<int:pk>/card.svg", views.match_card, name="match-card-svg"),
]
