"""The home page and today's games in headless Chromium, as a fan sees them: the live minute at
load and ticking, every change of today's games on open pages at once, and the lists laid out
on a desktop and a phone."""

import datetime as dt

import pytest
from django.utils import timezone

from fixtures_app.models import Match, Stage
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
from tests.fixtures_app.test_browser_socket import WATCH_SOCKETS, unused_address, wait_until_closed

pytestmark = pytest.mark.browser
# Second half, 21 minutes and 40 seconds in: 67' for twenty seconds more, then 68'.
INTO_SECOND_HALF = dt.timedelta(minutes=21, seconds=40)


def today() -> dict[str, Match]:
    """Arsenal v Chelsea in the second half at 67', the Bears and the Vikings in play, a result
    yesterday and a fixture tomorrow. Kick-offs stay on today's date, whatever the hour."""
    now = timezone.now()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    kickoff = max(midnight + dt.timedelta(seconds=1), now - dt.timedelta(minutes=70))
    league = make_stage(
        make_season(make_competition("Premier League"), name="2026/27"), kind=Stage.Kind.LEAGUE
    )
    arsenal, chelsea = make_team("Arsenal"), make_team("Chelsea")
    live = make_match(arsenal, chelsea, league, kickoff=kickoff, round_name="Matchday 12")
    add_to_lineup(live, chelsea, "Palmer")
    match_change_status(match=live, status="first_half", at=now - dt.timedelta(minutes=70))
    match_change_status(match=live, status="half_time", at=now - dt.timedelta(minutes=24))
    match_change_status(match=live, status="second_half", at=now - INTO_SECOND_HALF)
    make_result(
        make_team("Brighton and Hove Albion"),
        make_team("Wolverhampton Wanderers"),
        league,
        kickoff=now - dt.timedelta(days=1),
        round_name="Matchday 11",
        score=(3, 2),
    )
    make_match(
        make_team("Liverpool"), make_team("Manchester City"), league, kickoff=now + dt.timedelta(days=1)
    )
    nfl = make_stage(make_season(make_competition("NFL", sport="american_football"), name="2026"))
    bears = make_match(
        make_team("Bears"),
        make_team("Vikings"),
        nfl,
        kickoff=kickoff,
        status="first_half",
        home_score=17,
        away_score=21,
    )
    make_editor()
    return {"live": Match.objects.get(pk=live.pk), "nfl": bears}


def sign_in(browser, live_site):
    desk = browser.new_context().new_page()
    desk.goto(live_site + "/accounts/login/?next=/console/")
    desk.fill("#id_username", "editor")
    desk.fill("#id_password", "pass-for-tests-only")
    desk.click("button[type=submit]")
    desk.wait_for_url("**/console/")
    return desk


def console_post(desk, live_site: str, path: str, form: dict) -> None:
    """A write as the editors' console sends it, to the server the fans are connected to."""
    token = next(cookie["value"] for cookie in desk.context.cookies() if cookie["name"] == "csrftoken")
    response = desk.request.post(
        live_site + path, form=form, headers={"X-CSRFToken": token, "Accept": "application/json"}
    )
    assert response.ok, response.text()


def palmer_scores(desk, live_site: str, match: Match) -> None:
    palmer = match.lineup.get(player__known_as="Palmer").player
    console_post(
        desk,
        live_site,
        f"/console/matches/{match.pk}/events/",
        {"kind": "goal", "minute": "67", "team": str(match.away_team_id), "player": str(palmer.pk)},
    )


def wait_for_text(page, selector: str, text: str, timeout: int = 3000) -> None:
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.textContent.trim() === text",
        arg=[selector, text],
        timeout=timeout,
    )


def test_a_live_row_shows_its_minute_at_load_and_the_minute_ticks(live_site, browser):
    match = today()["live"]
    row = f"#home-live [data-game='{match.pk}']"

    without_scripts = browser.new_context(java_script_enabled=False).new_page()
    without_scripts.goto(live_site + "/")
    assert without_scripts.locator(f"{row} [data-clock]").inner_text() == "67'"
    assert "Live" not in without_scripts.locator(row).inner_text()

    fan = browser.new_context().new_page()
    fan.clock.install()
    fan.goto(live_site + "/")
    assert fan.locator(f"{row} [data-clock]").inner_text() == "67'"
    strip = f"#todays-games [data-game='{match.pk}'] [data-clock]"
    assert fan.locator(strip).inner_text() == "67'"  # the strip's "Live" becomes the minute at once
    fan.clock.run_for(60_000)
    assert fan.locator(f"{row} [data-clock]").inner_text() == "68'"
    assert fan.locator(strip).inner_text() == "68'"


def test_a_goal_and_full_time_show_at_once_on_an_open_match_page_and_the_home_page(live_site, browser):
    games = today()
    match = games["live"]
    home = browser.new_context().new_page()
    home.goto(live_site + "/")
    other_game = browser.new_context().new_page()
    other_game.goto(live_site + games["nfl"].get_absolute_url())
    in_strip = f"#todays-games [data-game='{match.pk}']"
    assert other_game.locator(f"{in_strip} .todays-games__score").inner_text() == "0-0"
    home.wait_for_function("() => window.MatchCentreScores")
    other_game.wait_for_function("() => window.MatchCentreScores")
    home.wait_for_timeout(300)  # the sockets open

    desk = sign_in(browser, live_site)
    palmer_scores(desk, live_site, match)

    for page in (home, other_game):
        wait_for_text(page, f"{in_strip} .todays-games__score", "0-1")
    wait_for_text(home, f"#home-live [data-game='{match.pk}'] .match-row__score", "0-1")

    console_post(desk, live_site, f"/console/matches/{match.pk}/status/", {"status": "full_time"})
    for page in (home, other_game):
        wait_for_text(page, f"{in_strip} [data-clock]", "FT")
    wait_for_text(home, f"#home-live [data-game='{match.pk}'] [data-clock]", "FT")
    assert "is-live" not in home.locator(f"#home-live [data-game='{match.pk}']").get_attribute("class")


def test_after_a_reconnect_todays_games_show_what_was_missed(live_site, browser):
    match = today()["live"]
    desk = sign_in(browser, live_site)
    fan = browser.new_context(bypass_csp=True).new_page()
    fan.add_init_script(WATCH_SOCKETS)
    fan.goto(live_site + "/")
    fan.wait_for_function("() => window.sockets.at(-1)?.readyState === WebSocket.OPEN")

    # The fan's connection drops, and the server is out of reach while Palmer scores.
    fan.evaluate("dead => { window.deadAddress = dead; window.sockets.at(-1).close(); }", unused_address())
    wait_until_closed(fan, sockets="sockets")  # the home page's one socket: the scores'
    palmer_scores(desk, live_site, match)
    fan.wait_for_timeout(500)
    assert fan.locator(f"#todays-games [data-game='{match.pk}'] .todays-games__score").inner_text() == "0-0"
    fan.evaluate("window.deadAddress = null")  # the network is back

    wait_for_text(fan, f"#todays-games [data-game='{match.pk}'] .todays-games__score", "0-1", timeout=10_000)
    wait_for_text(fan, f"#home-live [data-game='{match.pk}'] .match-row__score", "0-1")
    fan.clock.install()
    fan.clock.run_for(2_000)
    assert fan.locator(f"#home-live [data-game='{match.pk}'] [data-clock]").inner_text().endswith("'")


def test_us_games_read_away_at_home_with_the_score_in_the_same_order(live_site, browser):
    bears = today()["nfl"]
    fan = browser.new_context().new_page()
    fan.goto(live_site + "/")
    game = fan.locator(f"#todays-games [data-game='{bears.pk}']")
    assert game.locator(".todays-games__line").inner_text() == "Vikings @ Bears"
    assert game.locator(".todays-games__score").inner_text() == "21-17"  # Vikings 21, Bears 17
    assert game.locator("[data-clock]").inner_text() == "Live"  # no football minute

    fan.wait_for_function("() => window.MatchCentreScores")
    fan.evaluate(
        """pk => window.MatchCentreScores.handle({type: "score", match: pk, season: 0, score: [24, 21],
           status: "full_time", status_line: "Final", period_started_at: null})""",
        bears.pk,
    )
    assert game.locator(".todays-games__score").inner_text() == "21-24"  # Bears 24 at home, written last
    assert game.locator("[data-clock]").inner_text() == "Final"


ROWS = """() => [...document.querySelectorAll('.match-row')].map((row) => {
  const box = (selector) => row.querySelector(selector).getBoundingClientRect();
  const lineHeight = parseFloat(getComputedStyle(row).lineHeight);
  return {text: row.innerText, link: box('a').height, lineHeight,
          first: box('.match-row__team--first'), score: box('.match-row__score'),
          second: box('.match-row__team--second')};
})"""


def test_on_a_desktop_each_game_is_one_line(live_site, browser):
    today()
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(live_site + "/")
    recent = page.locator("section[aria-labelledby=recent-heading]")
    assert recent.locator(".match-day").first.inner_text().lower() == "yesterday"
    rows = page.evaluate(ROWS)
    assert len(rows) == 3  # live, yesterday's result, tomorrow's fixture; no other sport
    for row in rows:
        assert row["link"] < 2 * row["lineHeight"], f"{row['text']!r} wraps"
        assert (
            abs(row["first"]["top"] - row["score"]["top"]) < 6
            and abs(row["second"]["top"] - row["score"]["top"]) < 6
        )


def test_on_a_phone_nothing_is_wider_than_the_screen(live_site, browser):
    today()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_site + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for row in page.evaluate(ROWS):
        assert abs(row["first"]["top"] - row["score"]["top"]) < 6, row["text"]
        assert row["second"]["right"] <= 390, row["text"]


# Each club name on the page: how many lines it takes and how many words it has.
NAME_LINES = """() => [...document.querySelectorAll('.match-row__team')].map((name) => ({
  text: name.textContent.trim(),
  lines: Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)),
  words: name.textContent.trim().split(/\\s+/).length,
}))"""


def test_on_a_phone_no_club_name_is_cut_inside_a_word(live_site, browser):
    matches = today()
    league = matches["live"].stage
    yesterday = timezone.now() - dt.timedelta(days=1)
    make_result(
        make_team("Bournemouth"), make_team("Crystal Palace"), league, kickoff=yesterday, score=(3, 3)
    )
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_site + "/")
    names = page.evaluate(NAME_LINES)
    assert "Bournemouth" in [name["text"] for name in names]
    assert [name for name in names if name["lines"] > name["words"]] == []
