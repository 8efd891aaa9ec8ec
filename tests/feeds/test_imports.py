"""Importing a football.json season: created once, updated in place, all or nothing."""

import datetime as dt

import pytest

from feeds import imports
from feeds.imports import SeasonImportError, season_import, season_names
from fixtures_app.models import Competition, Match, MatchEvent, Season, Stage, Team, Tie
from tests.factories import make_team

pytestmark = pytest.mark.django_db


def entry(
    round_name: str, date: str, home: str, away: str, score: dict | None = None, time: str = "20:00"
) -> dict:
    return {
        "round": round_name,
        "date": date,
        "time": time,
        "team1": home,
        "team2": away,
        "score": score or {},
    }


LEAGUE = {
    "name": "Test League 2023/24",
    "matches": [
        entry("Matchday 1", "2023-08-11", "Burnley FC", "Manchester City FC", {"ht": [0, 2], "ft": [0, 3]}),
        entry("Matchday 1", "2023-08-12", "Arsenal FC", "Nottingham Forest FC", {"ft": [2, 1]}, "12:30"),
        entry("Matchday 2", "2023-08-19", "Manchester City FC", "Arsenal FC"),
    ],
}
CUP = {
    "name": "Test Cup 2023/24",
    "matches": [
        entry("Group A", "2023-09-21", "Liverpool FC", "LASK", {"ft": [3, 1]}),
        entry("Quarterfinals", "2024-04-11", "Liverpool FC", "Atalanta", {"ht": [0, 1], "ft": [0, 3]}),
        entry("Quarterfinals", "2024-04-18", "Atalanta", "Liverpool FC", {"ht": [0, 1], "ft": [0, 1]}),
        entry(
            "Final", "2024-05-22", "Atalanta", "Bayer Leverkusen", {"ft": [1, 1], "et": [1, 1], "p": [5, 4]}
        ),
    ],
}


def run(data=LEAGUE, **options):
    values = {"competition_name": "Test League", "season_name": "2023/24", "rules": "premier-league"}
    return season_import(data=data, zone="Europe/London", **(values | options))


def test_first_import_creates_competition_season_stage_clubs_and_matches():
    report = run()
    assert (report.created, report.updated, report.unchanged, report.teams_created) == (3, 0, 0, 4)
    season = Season.objects.get(competition__slug="test-league", slug="2023-24")
    assert (season.name, season.rules, season.starts_on) == (
        "2023/24",
        "premier-league",
        dt.date(2023, 8, 11),
    )
    stage = Stage.objects.get(season=season)
    assert (stage.name, stage.kind) == ("League", Stage.Kind.LEAGUE)
    assert list(Match.objects.values_list("round_name", flat=True)) == [
        "Matchday 1",
        "Matchday 1",
        "Matchday 2",
    ]


def test_kickoff_is_stored_in_utc_and_scores_with_status():
    run()
    opener = Match.objects.get(home_team__name="Burnley FC")
    assert opener.kickoff == dt.datetime(2023, 8, 11, 19, 0, tzinfo=dt.UTC)
    assert (opener.status, opener.home_score, opener.away_score) == ("full_time", 0, 3)
    assert (opener.home_half_time_score, opener.away_half_time_score) == (0, 2)
    unplayed = Match.objects.get(home_team__name="Manchester City FC")
    assert (unplayed.status, unplayed.home_score) == ("scheduled", None)


def test_running_again_changes_nothing():
    run()
    report = run()
    assert (report.created, report.updated, report.unchanged, report.teams_created) == (0, 0, 3, 0)
    assert (Match.objects.count(), Team.objects.count(), Stage.objects.count()) == (3, 4, 1)


def test_running_again_updates_a_result_in_place():
    run()
    played = {
        **LEAGUE,
        "matches": [*LEAGUE["matches"][:2], {**LEAGUE["matches"][2], "score": {"ft": [1, 1]}}],
    }
    report = run(played)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    match = Match.objects.get(home_team__name="Manchester City FC")
    assert (match.status, match.home_score, match.away_score, match.version) == ("full_time", 1, 1, 2)


def test_a_match_kept_through_its_events_is_left_alone():
    run()
    match = Match.objects.get(home_team__name="Burnley FC")
    MatchEvent.objects.create(match=match, kind="commentary", period=1, minute=1, text="Under way.")
    changed = {
        **LEAGUE,
        "matches": [{**LEAGUE["matches"][0], "score": {"ft": [5, 5]}}, *LEAGUE["matches"][1:]],
    }
    report = run(changed)
    assert report.kept == 1
    match.refresh_from_db()
    assert (match.home_score, match.away_score) == (0, 3)


def test_bad_entries_are_reported_and_the_rest_imported():
    bad = {
        "matches": [
            *LEAGUE["matches"],
            entry("Matchday 2", "2023-08-19", "Burnley FC", "Luton", {"ft": ["x", 0]}),
        ]
    }
    report = run(bad)
    assert report.problems == ("match 4: score 'x' is not a number",)
    assert Match.objects.count() == 3


def test_a_failure_part_way_imports_nothing(monkeypatch):
    calls = []

    def save_then_fail(self, imported, clubs):
        calls.append(imported)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real_save(self, imported, clubs)

    real_save = imports.MatchBook.save
    monkeypatch.setattr(imports.MatchBook, "save", save_then_fail)
    with pytest.raises(RuntimeError):
        run()
    assert (Competition.objects.count(), Team.objects.count(), Match.objects.count()) == (0, 0, 0)


def test_clubs_are_found_by_name_alias_or_without_their_fc_tag():
    city = make_team("Man City", aliases=["Manchester City FC"])
    burnley = make_team("Burnley")
    arsenal = make_team("Arsenal FC")
    report = run()
    assert report.teams_created == 1  # Nottingham Forest FC
    assert set(Match.objects.values_list("home_team", flat=True)) == {burnley.pk, arsenal.pk, city.pk}
    burnley.refresh_from_db()
    assert burnley.aliases == ["Burnley FC"]


def test_cup_rounds_become_group_and_knockout_stages_with_two_legged_ties():
    run(CUP, competition_name="Test Cup", rules="uefa-group")
    season = Season.objects.get(competition__slug="test-cup")
    stages = list(season.stages.values_list("name", "kind", "order"))
    assert stages == [("Group A", "group", 1), ("Quarter-finals", "knockout", 2), ("Final", "knockout", 3)]
    assert Competition.objects.get(slug="test-cup").kind == Competition.Kind.CUP
    tie = Tie.objects.get()
    legs = list(tie.legs.order_by("leg").values_list("leg", "round_name", "home_team__name"))
    assert legs == [(1, "1st leg", "Liverpool FC"), (2, "2nd leg", "Atalanta")]


def test_extra_time_and_penalties_are_kept():
    run(CUP, competition_name="Test Cup", rules="uefa-group")
    final = Match.objects.get(stage__name="Final")
    assert final.status == "after_penalties"
    assert (final.home_score, final.away_score, final.home_normal_time_score) == (1, 1, 1)
    assert (final.home_penalties, final.away_penalties, final.tie_id, final.leg) == (5, 4, None, None)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rules": "serie-a"}, "Unknown table rules"),
        ({"zone": "Mars/Olympus"}, "Unknown time zone"),
        ({"data": {"name": "no matches"}}, "no list of matches"),
        ({"data": {"matches": [entry("Matchday 1", "never", "A", "B")]}}, "no match that could be imported"),
    ],
)
def test_impossible_imports_are_refused_with_a_clear_error(options, message):
    values = {"data": LEAGUE, "zone": "Europe/London", "rules": "premier-league"} | options
    with pytest.raises(SeasonImportError, match=message):
        season_import(competition_name="Test League", season_name="2023/24", **values)
    assert Match.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2023/24", ("2023/24", "2023-24")), ("2023-24", ("2023/24", "2023-24")), ("2024", ("2024", "2024"))],
)
def test_season_written_either_way(text, expected):
    assert season_names(text) == expected


def test_fixtures_still_to_play_get_a_poll_and_results_none():
    data = {
        **LEAGUE,
        "matches": [*LEAGUE["matches"], entry("Matchday 38", "2099-05-19", "Arsenal FC", "Burnley FC")],
    }
    run(data)
    with_polls = Match.objects.filter(polls__isnull=False)
    assert [str(match) for match in with_polls] == ["Arsenal FC v Burnley FC (2099-05-19)"]
    run(data)  # importing again opens no second poll
    assert with_polls.get().polls.count() == 1
