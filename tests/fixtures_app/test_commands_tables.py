"""The import, deduction and table commands, as an operator runs them."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fixtures_app.models import Match, PointsDeduction
from tests.feeds.test_imports import CUP, LEAGUE

pytestmark = pytest.mark.django_db

API_FIELDS = "position team played won drawn lost goals_for goals_against goal_difference points".split()


def command(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def league_file(tmp_path):
    path = tmp_path / "en.1-2023-24.json"
    path.write_text(json.dumps(LEAGUE), encoding="utf-8")
    return path


def import_league(path) -> tuple[str, str]:
    options = ("--competition", "Premier League", "--season", "2023/24", "--rules", "premier-league")
    return command("import_football_json", str(path), *options)


def test_import_reports_what_it_did_and_is_safe_to_run_again(league_file):
    out, _ = import_league(league_file)
    assert "Premier League 2023/24: 3 matches (3 created, 0 updated, 0 unchanged" in out
    out, _ = import_league(league_file)
    assert "(0 created, 0 updated, 3 unchanged" in out
    assert Match.objects.count() == 3


def test_import_reports_each_bad_entry_by_its_position(tmp_path):
    bad = {"matches": [*LEAGUE["matches"], {**LEAGUE["matches"][0], "team2": "Burnley FC"}]}
    path = tmp_path / "en.1-bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    out, err = import_league(path)
    assert "Left out match 4: Burnley FC cannot play itself" in err
    assert "1 entries left out" in out


def test_import_guesses_the_zone_from_the_file_name_or_asks(tmp_path):
    path = tmp_path / "mystery.json"
    path.write_text(json.dumps(CUP), encoding="utf-8")
    with pytest.raises(CommandError, match="give --timezone"):
        import_league(path)
    options = (
        "--competition",
        "Cup",
        "--season",
        "2023/24",
        "--rules",
        "uefa-group",
        "--timezone",
        "Europe/Paris",
    )
    command("import_football_json", str(path), *options)
    assert Match.objects.get(stage__name="Final").kickoff.hour == 18  # 20:00 in Paris in May


@pytest.mark.parametrize(
    ("content", "message"), [(None, "Cannot read"), ("{not json", "is not JSON")], ids=["missing", "not-json"]
)
def test_import_of_an_unreadable_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "en.1-x.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        import_league(path)


def test_deduct_points_and_show_table(league_file):
    import_league(league_file)
    deduction = ("--team", "Arsenal FC", "--points", "4", "--reason", "Breach of financial rules")
    out, _ = command("deduct_points", "premier-league", "--season", "2023-24", *deduction)
    assert "Arsenal FC −4 (Breach of financial rules)" in out
    out, _ = command("show_table", "Premier League", "--season", "2023/24")
    lines = out.splitlines()
    assert lines[0] == "Premier League 2023/24 · League"
    assert lines[4].split() == ["1", "Manchester", "City", "FC", "1", "1", "0", "0", "3", "0", "+3", "3", "W"]
    assert "* Arsenal FC: 4 points deducted (Breach of financial rules)" in out


def test_show_table_json_is_the_api_list(league_file):
    import_league(league_file)
    out, _ = command("show_table", "premier-league", "--season", "2023-24", "--json")
    rows = json.loads(out)
    assert [row["team"] for row in rows][:2] == ["Manchester City FC", "Arsenal FC"]
    assert set(rows[0]) >= set(API_FIELDS)


DEDUCT = ("deduct_points", "premier-league", "--reason", "x")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((*DEDUCT, "--season", "1999-00", "--team", "Arsenal FC", "--points", "1"), "There is no season"),
        ((*DEDUCT, "--season", "2023-24", "--team", "Chelsea", "--points", "1"), "No club 'Chelsea'"),
        ((*DEDUCT, "--season", "2023-24", "--team", "Arsenal FC", "--points", "0"), "at least 1"),
        (
            ("show_table", "premier-league", "--season", "2023-24", "--stage", "group-z"),
            "has no table group-z",
        ),
    ],
)
def test_command_mistakes_are_clear_errors(league_file, args, message):
    import_league(league_file)
    with pytest.raises(CommandError, match=message):
        command(*args)
    assert PointsDeduction.objects.count() == 0
