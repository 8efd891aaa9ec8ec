"""`manage.py replay_match`: reads a feed file, replays it, prints the final snapshot."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fixtures_app.models import LineupEntry, Match
from tests.feeds.replay_feeds import opta_feed, statsbomb_events, statsbomb_lineups

pytestmark = pytest.mark.django_db


def command(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("replay_match", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def opta_file(tmp_path):
    path = tmp_path / "opta_test_match.json"
    path.write_text(json.dumps(opta_feed()), encoding="utf-8")
    return path


def test_json_ends_with_the_final_snapshot_score_and_goal_minutes(opta_file):
    out, err = command(str(opta_file), "--speed", "0", "--json")
    summary = json.loads(out)
    assert (summary["type"], summary["state"]["status"], summary["state"]["status_line"]) == (
        "snapshot",
        "full_time",
        "FT (HT: 1-0)",
    )
    assert (summary["home"], summary["away"]) == ("Hamburger SV", "Sandhausen")
    assert (summary["score"], summary["half_time_score"]) == ([2, 1], [1, 0])
    assert [(goal["minute"], goal["goal_type"], goal["score"]) for goal in summary["goals"]] == [
        ("45'", "own_goal", [1, 0]),
        ("74'", "penalty", [1, 1]),
        ("90+6'", "open_play", [2, 1]),
    ]
    assert [(card["minute"], card["kind"]) for card in summary["sendings_off"]] == [
        ("72'", "second_yellow"),
        ("90+5'", "red"),
    ]
    assert summary["refusals"] == [] and summary["competition"] == "Replays 2021/22 · 2. Bundesliga"
    assert not any(name.endswith("_html") for name in [*summary, *summary["state"]])
    assert "Replayed Hamburger SV v Sandhausen" in err


def test_progress_is_printed_as_the_match_is_played(opta_file):
    out, _ = command(str(opta_file), "--speed", "0")
    assert "90+6' Goal N. H9 (Hamburger SV) 2-1" in out
    assert "90+8' whistle: full time (2-1)" in out
    assert out.rstrip().endswith("0 refused.")


def test_statsbomb_line_ups_are_read_from_beside_the_events(tmp_path):
    events = tmp_path / "statsbomb_1_events.json"
    events.write_text(json.dumps(statsbomb_events()), encoding="utf-8")
    (tmp_path / "statsbomb_1_lineups.json").write_text(json.dumps(statsbomb_lineups()), encoding="utf-8")
    command(str(events), "--speed", "0", "--kickoff", "2018-09-23T18:45Z", "--competition", "La Liga")
    match = Match.objects.get(round_name="statsbomb_1")
    assert (str(match.stage), match.kickoff.isoformat()) == (
        "Replays 2018/19 · La Liga",
        "2018-09-23T18:45:00+00:00",
    )
    assert LineupEntry.objects.filter(match=match).count() == 26


@pytest.mark.parametrize(
    ("content", "arguments", "message"),
    [
        ("{not json", [], "is not JSON"),
        ('{"some": "thing"}', [], "Unknown feed"),
        (json.dumps(opta_feed()), ["--kickoff", "yesterday"], "is not an ISO 8601 date"),
        (json.dumps(opta_feed()), ["--speed", "-1"], "cannot be negative"),
    ],
)
def test_bad_input_is_a_clear_error(tmp_path, content, arguments, message):
    path = tmp_path / "feed.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        command(str(path), *arguments)
