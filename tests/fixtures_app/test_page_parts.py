"""The match page's cached parts: kept under the match's seq, so every change shows on the next load."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from articles.services import articles_publish
from fixtures_app.selectors import page_parts
from fixtures_app.services.events import match_correct_event, match_delete_event, match_record_event
from fixtures_app.services.status import match_change_status
from tests.articles.factories import make_article
from tests.factories import KICKOFF, add_to_lineup, make_match, make_result, make_stage, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def match():
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    add_to_lineup(match, match.home_team, "Hien")
    match.strikers = add_to_lineup(match, match.away_team, "Salah", "Núñez")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    return match


def counted_calls(monkeypatch, name: str) -> list:
    """How many times page_parts called `name`: the parts rendered rather than taken from the cache."""
    calls = []
    real = getattr(page_parts, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(page_parts, name, counted)
    return calls


@pytest.fixture
def renders(monkeypatch):
    return counted_calls(monkeypatch, "match_page")


def load(client, match) -> str:
    response = client.get(match.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def score(page: str) -> str:
    return re.search(r'aria-label="Score: ([^"]+)"', page)[1]


def away_goal(match, player, minute=7):
    return match_record_event(
        match=match, kind="goal", minute=minute, team=match.away_team, player=player
    ).event


def test_parts_are_rendered_once_until_the_match_changes(client, match, renders):
    load(client, match)
    load(client, match)
    assert len(renders) == 1
    match_record_event(match=match, kind="commentary", minute=3, text="Salah skips past Hien.")
    page = load(client, match)
    assert re.search(r'<li class="timeline__entry[^>]*>.*Salah skips past Hien\.', page, re.DOTALL)
    assert len(renders) == 2


def test_a_corrected_goal_shows_on_the_next_load(client, match):
    salah, nunez = match.strikers
    goal = away_goal(match, salah)
    assert "Salah (7&#x27;)" in load(client, match)
    match_correct_event(event=goal, expected_version=goal.version, player=nunez, minute=9)
    page = load(client, match)
    assert "Núñez (9&#x27;)" in page
    assert "Salah (7" not in page
    assert score(page) == "Atalanta 0, Liverpool 1"


def test_a_deleted_goal_leaves_the_next_load(client, match):
    goal = away_goal(match, match.strikers[0])
    assert score(load(client, match)) == "Atalanta 0, Liverpool 1"
    match_delete_event(event=goal)
    page = load(client, match)
    assert score(page) == "Atalanta 0, Liverpool 0"
    assert "Salah (7" not in page


def test_an_edit_that_keeps_the_seq_shows_on_the_next_load(client, match):
    load(client, match)
    match.referee = "Clément Turpin"
    match.save(update_fields=["referee"])  # as the admin saves it: no update is logged
    assert "Referee Clément Turpin" in load(client, match)


def test_a_player_renamed_in_the_admin_shows_on_the_next_load(admin_client, client, match):
    away_goal(match, match.strikers[0])
    assert "Salah (7&#x27;)" in load(client, match)
    salah = match.strikers[0]
    data = {"known_as": "Mo Salah", "name": salah.name, "position": salah.position}
    assert admin_client.post(f"/admin/fixtures_app/player/{salah.pk}/change/", data).status_code == 302
    page = load(client, match)
    assert "Mo Salah (7&#x27;)" in page


def test_a_line_up_edited_in_the_admin_shows_on_the_next_load(admin_client, client, match):
    assert "Hien" in section(load(client, match), "lineups-heading")
    url = f"/admin/fixtures_app/match/{match.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "kickoff"}
    entries = list(match.lineup.order_by("pk"))
    kickoff = timezone.localtime(match.kickoff)  # as the admin shows it: the match's row is unchanged
    data.update(
        {
            "kickoff_0": kickoff.strftime("%Y-%m-%d"),
            "kickoff_1": kickoff.strftime("%H:%M:%S"),
            "lineup-TOTAL_FORMS": len(entries),
            "lineup-INITIAL_FORMS": len(entries),
        }
    )
    for n, entry in enumerate(entries):
        data.update(
            {
                f"lineup-{n}-id": entry.pk,
                f"lineup-{n}-match": match.pk,
                f"lineup-{n}-team": entry.team_id,
                f"lineup-{n}-player": entry.player_id,
                f"lineup-{n}-starter": "on" if entry.starter else "",
                f"lineup-{n}-order": entry.order,
                f"lineup-{n}-DELETE": "on" if entry.player.known_as == "Hien" else "",
            }
        )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Hien" not in section(load(client, match), "lineups-heading")
    logged = match.updates.filter(kind="lineups_changed").values_list("summary", "by__username")
    assert list(logged) == [("Line-ups edited in the admin", "admin")]  # fans' pages redraw them too


def test_the_table_beside_a_match_moves_with_a_goal_in_another_match_of_its_stage(client):
    stage = make_stage(name="League")
    arsenal, chelsea, everton, fulham = (
        make_team(name) for name in ("Arsenal", "Chelsea", "Everton", "Fulham")
    )
    ours, theirs = make_match(arsenal, chelsea, stage=stage), make_match(everton, fulham, stage=stage)
    for match in (ours, theirs):
        match_change_status(match=match, status="first_half", at=KICKOFF)
    [scorer] = add_to_lineup(theirs, everton, "Calvert-Lewin")
    assert table_leader(load(client, ours)) != "Everton"
    match_record_event(match=theirs, kind="goal", minute=12, team=everton, player=scorer)
    assert table_leader(load(client, ours)) == "Everton"


def table_leader(page: str) -> str:
    table = page.split('id="match-table"', 1)[1]
    return min(("Arsenal", "Chelsea", "Everton", "Fulham"), key=table.index)


# What the page shows around the match: its article, "Read next", past meetings, today's games.


@pytest.fixture
def around_renders(monkeypatch):
    return counted_calls(monkeypatch, "_render_around")


@pytest.fixture
def tonight(match):
    """The match kicking off in an hour, so that today's games are today's."""
    match.kickoff = timezone.now() + dt.timedelta(hours=1)
    match.status = "scheduled"
    match.save(update_fields=["kickoff", "status"])
    return match


def section(page: str, heading_id: str) -> str:
    return page.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_the_parts_around_are_rendered_once_until_something_they_show_changes(
    client, tonight, around_renders
):
    load(client, tonight)
    load(client, tonight)
    assert len(around_renders) == 1
    make_article(match=tonight, kind="preview", headline="Atalanta plan for Salah")
    assert "Atalanta plan for Salah" in load(client, tonight)
    assert len(around_renders) == 2


def test_a_goal_in_another_of_todays_games_shows_on_the_next_load(client, tonight):
    other = make_match(make_team("Everton"), make_team("Fulham"), kickoff=tonight.kickoff)
    match_change_status(match=other, status="first_half", at=other.kickoff)
    [scorer] = add_to_lineup(other, other.home_team, "Calvert-Lewin")
    assert todays_score(load(client, tonight), "Everton v Fulham") == "0-0"
    match_record_event(match=other, kind="goal", minute=12, team=other.home_team, player=scorer)
    assert todays_score(load(client, tonight), "Everton v Fulham") == "1-0"


def todays_score(page: str, line: str) -> str:
    games = section(page, "todays-games-heading")
    return re.search(re.escape(line) + r'</span>\s*<span class="todays-games__score">([^<]+)<', games)[1]


def test_a_corrected_result_of_an_earlier_meeting_shows_in_the_game_history(client, match):
    earlier = make_result(
        match.home_team, match.away_team, kickoff=KICKOFF - dt.timedelta(days=200), score=(2, 0)
    )
    assert "Atalanta 2-0 Liverpool" in section(load(client, match), "game-history-heading")
    earlier.home_score, earlier.version = 3, earlier.version + 1
    earlier.save(update_fields=["home_score", "version"])  # as an edit of the result saves it
    history = section(load(client, match), "game-history-heading")
    assert "Atalanta 3-0 Liverpool" in history and "2-0" not in history


def test_read_next_follows_articles_published_edited_and_deleted(client, match):
    draft = make_article(match=match, headline="Salah back for the second leg", published_at=None)
    page = load(client, match)
    assert "Salah back for the second leg" not in page
    articles_publish(articles=type(draft).objects.filter(pk=draft.pk), now=timezone.now())
    assert "Salah back for the second leg" in load(client, match)
    draft.refresh_from_db()
    draft.headline = "Salah fit for the second leg"
    draft.save()
    page = load(client, match)
    assert "Salah fit for the second leg" in page and "Salah back" not in page
    draft.delete()
    assert "Salah fit" not in load(client, match)


def test_an_article_scheduled_for_later_appears_when_its_time_comes(db):
    match = make_match(make_team("Atalanta"), make_team("Liverpool"))
    due = KICKOFF - dt.timedelta(hours=2)
    make_article(match=match, kind="preview", headline="Atalanta plan for Salah", published_at=due)
    before = page_parts.around_parts(match, now=due - dt.timedelta(seconds=1), tz=dt.UTC)
    after = page_parts.around_parts(match, now=due, tz=dt.UTC)
    assert "Atalanta plan for Salah" not in before.article + before.read_next
    assert "Atalanta plan for Salah" in after.article


def test_readers_in_other_time_zones_get_their_own_day_of_games(match):
    late = dt.datetime(2024, 4, 18, 14, 30, tzinfo=dt.UTC)  # 23:30 in Tokyo; the match 04:00 next day
    make_match(make_team("Everton"), make_team("Fulham"), kickoff=late)
    london = page_parts.around_parts(match, now=late, tz=dt.UTC)
    tokyo = page_parts.around_parts(match, now=late, tz=dt.timezone(dt.timedelta(hours=9)))
    assert "Everton v Fulham" in london.todays_games
    assert "Everton v Fulham" in tokyo.todays_games
    assert "Atalanta v Liverpool" in london.todays_games
    assert "Atalanta v Liverpool" not in tokyo.todays_games
