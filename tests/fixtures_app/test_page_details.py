"""Details around the pages a fan or an editor notices: figures, who is signed in, the admin's name."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import make_competition, make_editor, make_match, make_season, make_stage, make_team

pytestmark = pytest.mark.django_db


def test_attendance_is_written_with_a_thousands_comma(client):
    match = make_match(make_team("Arsenal"), make_team("Chelsea"), attendance=14994)
    html = client.get(match.get_absolute_url()).content.decode()
    assert "Attendance 14,994" in html


@pytest.mark.parametrize("page", ["console", "match"])
def test_console_says_who_is_signed_in_and_signs_out_by_post(client, page):
    client.force_login(make_editor("rita"))
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    url = (
        reverse("fixtures_app:console")
        if page == "console"
        else reverse("fixtures_app:console-match", args=[match.pk])
    )
    html = client.get(url).content.decode()
    assert "Signed in as <strong>rita</strong>" in html
    form = re.search(r'<form class="console-user__sign-out" method="post" action="([^"]+)">', html)
    assert form and form.group(1) == reverse("logout")
    assert client.post(form.group(1), {"next": reverse("login")}).status_code == 302
    assert client.get(url).url.startswith(reverse("login"))


def test_api_docs_have_a_phone_viewport(client):
    html = client.get("/api/docs").content.decode()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "swagger-ui-bundle.js" in html


def test_admin_is_named_matchcentre_and_links_the_site_favicon(client):
    client.force_login(User.objects.create_superuser("boss", password="pass-for-tests-only"))
    html = client.get(reverse("admin:index")).content.decode()
    assert "MatchCentre administration" in html and "Django administration" not in html
    assert "<title>MatchCentre | MatchCentre admin</title>" in html
    assert '<link rel="icon" href="/static/site/favicon.svg" type="image/svg+xml">' in html


@pytest.mark.parametrize(
    ("competition_kind", "stage_kind", "stage_name", "line"),
    [
        ("league", "league", "League", "Premier League · Matchday 12"),
        ("league_phase", "league", "League Phase", "Premier League · League Phase · Matchday 12"),
        ("cup", "knockout", "Quarter-finals", "Premier League · Quarter-finals · Matchday 12"),
    ],
    ids=["a league needs no stage", "a league phase is named", "a cup round is named"],
)
def test_the_competition_line_names_the_stage_only_where_it_tells_the_fan_something(
    client, competition_kind, stage_kind, stage_name, line
):
    competition = make_competition("Premier League", kind=competition_kind)
    stage = make_stage(make_season(competition), name=stage_name, kind=stage_kind)
    match = make_match(stage=stage, round_name="Matchday 12")
    page = client.get(match.get_absolute_url()).content.decode()
    assert re.search(r'class="match-header__competition">([^<]*)<', page).group(1) == line
