"""The embeddable widgets: who may frame them, what they show, and that they are the same for
every reader (no cookie read or set, cacheable by a CDN). In a browser, framed from two origins:
test_browser_embed.py."""

import datetime as dt
import html
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fixtures_app.models import Match
from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import (
    add_to_lineup,
    make_competition,
    make_editor,
    make_match,
    make_result,
    make_season,
    make_stage,
    make_team,
)
from tests.matchcentre.test_settings import PRODUCTION, manage
from tests.security.test_csp import STRICT, directives

pytestmark = pytest.mark.django_db

CLUB = "https://club.example"
PARTNER = "http://127.0.0.2:8000"


def text_of(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.fixture
def live_match() -> Match:
    arsenal, chelsea = make_team("Arsenal"), make_team("Chelsea")
    season = make_season(make_competition("Premier League"), name="2024/25")
    match = make_match(
        arsenal, chelsea, make_stage(season), kickoff=timezone.now() - dt.timedelta(minutes=20)
    )
    (saka,) = add_to_lineup(match, arsenal, "Saka")
    match_change_status(match=match, status="first_half", at=match.kickoff)
    match_record_event(match=match, kind="goal", minute=12, team=arsenal, player=saka)
    return Match.objects.get(pk=match.pk)


def embed_url(match: Match, query: str = "") -> str:
    return reverse("fixtures_app:embed-match", args=[match.pk]) + query


def test_match_embed_shows_score_clock_and_key_events_without_the_site_chrome(client, live_match):
    response = client.get(embed_url(live_match))

    assert response.status_code == 200
    text = text_of(response)
    assert "Arsenal" in text and "Chelsea" in text
    assert "Score: Arsenal 1, Chelsea 0" in response.content.decode()
    assert "Saka (12')" in text
    assert "Premier League" in text
    assert 'class="site-header"' not in response.content.decode()
    assert 'class="site-footer"' not in response.content.decode()


def test_match_embed_goes_live_on_the_match_pages_socket(client, live_match):
    content = client.get(embed_url(live_match)).content.decode()

    assert f'data-live-match="{live_match.pk}"' in content
    assert f'data-socket-path="/ws/matches/{live_match.pk}/"' in content
    assert f'data-seq="{live_match.seq}"' in content
    assert f'data-updates-url="/matches/{live_match.pk}/updates"' in content
    assert 'id="match-rules"' in content  # the clock's rules, for the ticking minute
    assert "site/embed.js" in content


def test_match_embed_links_to_the_full_match_centre_in_a_new_tab(client, live_match):
    content = client.get(embed_url(live_match)).content.decode()

    link = f'<a href="{live_match.get_absolute_url()}" target="_blank" rel="noopener">Full match centre</a>'
    assert link in content
    assert '<base target="_blank">' in content  # the player links too: our other pages refuse a frame


def test_no_site_may_frame_an_embed_unless_the_operator_lists_it(client, live_match, settings):
    settings.EMBED_ORIGINS = []

    response = client.get(embed_url(live_match))

    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


def test_the_listed_origins_may_frame_the_embeds_and_nothing_else_changes(client, live_match, settings):
    settings.EMBED_ORIGINS = [CLUB, PARTNER]
    season = live_match.stage.season
    table = reverse("fixtures_app:embed-table", args=[season.competition.slug, season.slug])

    for url in (embed_url(live_match), table, embed_url(live_match, "?theme=dark")):
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert policy["frame-ancestors"] == [CLUB, PARTNER], url
        assert {name: policy[name] for name in STRICT if name != "frame-ancestors"} == {
            name: sources for name, sources in STRICT.items() if name != "frame-ancestors"
        }
        # X-Frame-Options cannot name origins: the embed relies on frame-ancestors alone.
        assert "X-Frame-Options" not in response


def test_the_rest_of_the_site_is_never_framed_even_with_origins_listed(client, live_match, settings):
    settings.EMBED_ORIGINS = [CLUB]

    for url in (live_match.get_absolute_url(), "/"):
        response = client.get(url)
        assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"


def test_with_the_policy_only_reported_an_embed_still_enforces_who_frames_it(client, live_match, settings):
    settings.EMBED_ORIGINS = [CLUB]
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None

    response = client.get(embed_url(live_match))

    assert directives(response["Content-Security-Policy"]) == {"frame-ancestors": [CLUB]}
    reported = directives(response["Content-Security-Policy-Report-Only"])
    assert reported["frame-ancestors"] == [CLUB]
    assert reported["script-src"] == ["'self'"]


def test_an_embed_sets_no_cookie_and_a_cdn_may_keep_it(live_match):
    reader = Client()
    reader.cookies["tz"] = "America/New_York"  # a cookie the site's pages read; the embed does not

    response = reader.get(embed_url(live_match))

    assert "Set-Cookie" not in response
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "s-maxage=10"} <= cache_control


def test_an_embed_is_the_same_for_every_reader(live_match):
    editor = Client()
    editor.force_login(make_editor())
    in_new_york = Client()
    in_new_york.cookies["tz"] = "America/New_York"
    scheduled = make_match(make_team("Everton"), make_team("Fulham"), status="scheduled")

    for match in (live_match, scheduled):
        pages = {reader.get(embed_url(match)).content for reader in (Client(), editor, in_new_york)}
        assert len(pages) == 1, match


def test_an_editor_opening_an_embed_gets_no_cookie_either(live_match):
    editor = Client()
    editor.force_login(make_editor())

    response = editor.get(embed_url(live_match))

    assert "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize(("query", "theme"), [("?theme=dark", "dark"), ("?theme=light", "light")])
def test_the_embedding_site_may_force_light_or_dark(client, live_match, query, theme):
    content = client.get(embed_url(live_match, query)).content.decode()

    assert f'<html lang="en" data-theme="{theme}">' in content


@pytest.mark.parametrize("query", ["", "?theme=purple", "?theme=DARK", '?theme="><script>', "?theme="])
def test_any_other_theme_is_ignored_and_the_readers_scheme_used(client, live_match, query):
    response = client.get(embed_url(live_match, query))

    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "data-theme" not in response.content.decode()


def test_an_unknown_match_answers_a_small_404_that_may_be_framed_where_the_widget_may(client, settings):
    settings.EMBED_ORIGINS = [CLUB]

    response = client.get(reverse("fixtures_app:embed-match", args=[999999]) + "?theme=dark")

    assert response.status_code == 404
    content = response.content.decode()
    assert "There is no such match." in content
    assert 'class="site-header"' not in content
    assert 'data-theme="dark"' in content
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == [CLUB]
    assert "Set-Cookie" not in response


def test_an_embed_only_answers_reads(client, live_match):
    assert client.post(embed_url(live_match)).status_code == 405


@pytest.fixture
def groups():
    season = make_season(make_competition("Champions Cup"), name="2024/25")
    stages = {}
    for name in ("Group A", "Group B"):
        stage = stages[name] = make_stage(season, name=name, kind="group")
        make_result(make_team(f"{name} leaders"), make_team(f"{name} trailers"), stage, (3, 0))
    return season, stages


def table_embed_url(season, query: str = "") -> str:
    return reverse("fixtures_app:embed-table", args=[season.competition.slug, season.slug]) + query


def test_table_embed_shows_the_stage_named_as_the_table_page_does(client, groups):
    season, _ = groups

    both = text_of(client.get(table_embed_url(season)))
    one = client.get(table_embed_url(season, "?stage=group-b"))

    assert "Group A leaders" in both and "Group B leaders" in both
    assert one.status_code == 200
    text = text_of(one)
    assert "Group B leaders" in text and "Group A" not in text
    assert 'href="/competitions/champions-cup/2024-25/table/?stage=group-b" target="_blank"' in (
        one.content.decode()
    )


def test_table_embed_follows_the_scores_of_its_season(client, groups):
    season, _ = groups

    content = client.get(table_embed_url(season)).content.decode()

    assert f'data-live-table data-season="{season.pk}"' in content
    assert 'class="site-header"' not in content
    assert "site/embed.js" in content


@pytest.mark.parametrize(
    "url",
    [
        "/embed/competitions/champions-cup/1999-00/table/",
        "/embed/competitions/no-such-cup/2024-25/table/",
        "/embed/competitions/champions-cup/2024-25/table/?stage=group-z",
    ],
)
def test_an_unknown_table_answers_a_small_404(client, groups, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "There is no such table." in response.content.decode()
    assert 'class="site-header"' not in response.content.decode()


def test_an_editor_gets_the_copy_paste_snippet_beside_the_match(client, live_match, settings):
    settings.EMBED_ORIGINS = [CLUB]
    client.force_login(make_editor())

    content = client.get(live_match.get_absolute_url()).content.decode()

    season = live_match.stage.season
    match_widget = f"http://testserver/embed/matches/{live_match.pk}/"
    table_widget = f"http://testserver/embed/competitions/premier-league/{season.slug}/table/?stage=league"
    assert "Embed on another site" in content
    assert html.escape(f'<iframe src="{match_widget}" title="Arsenal v Chelsea, live"') in content
    assert html.escape(f'<iframe src="{table_widget}"') in content
    assert CLUB in content


@pytest.mark.parametrize("reader", ["anonymous", "signed-in fan"])
def test_fans_pages_do_not_carry_the_snippet(client, live_match, reader):
    if reader == "signed-in fan":
        client.force_login(User.objects.create_user("fan", password="pass-for-tests-only"))
    editor = Client()
    editor.force_login(make_editor())
    editor.get(live_match.get_absolute_url())  # the editor's page first, so its parts are cached

    content = client.get(live_match.get_absolute_url()).content.decode()

    assert "embed-snippet" not in content
    assert "/embed/" not in content
    assert "&lt;iframe" not in content


def test_settings_refuse_an_embed_origin_that_is_not_one():
    result = manage(
        "check", env={**PRODUCTION, "MATCHCENTRE_EMBED_ORIGINS": "https://club.example club.example"}
    )

    assert result.returncode != 0
    assert "MATCHCENTRE_EMBED_ORIGINS" in result.stderr and "'club.example'" in result.stderr


def test_settings_read_embed_origins_separated_by_spaces_or_commas():
    code = "from django.conf import settings; print(settings.EMBED_ORIGINS)"
    env = {
        **PRODUCTION,
        "MATCHCENTRE_EMBED_ORIGINS": "https://club.example/, http://127.0.0.2:8000 https://*.fans.example",
    }

    result = manage("shell", "-c", code, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str([CLUB, PARTNER, "https://*.fans.example"])
