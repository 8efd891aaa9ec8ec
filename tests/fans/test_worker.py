"""The alert worker end to end on this machine: a goal recorded (twice, with the same client key)
reaches a push service once, encrypted for the browser's keys and signed with VAPID; the test
decrypts it as the browser would. Followers of a club and of a match get it; others, a match
marked "no alerts", a minute moved and a browser that is gone do not."""

import datetime as dt
import time

import pytest
from django.utils import timezone
from py_vapid import Vapid

from fans.models import AlertPush, PushSubscription
from fans.push_keys import public_key_text
from fans.worker import Config, run
from fixtures_app.models import Match, MatchEvent, Player
from fixtures_app.services.events import match_correct_event, match_delete_event, match_record_event
from fixtures_app.services.status import match_change_status
from tests.factories import add_to_lineup, make_match, make_team
from tests.fans.push_service import BrowserKeys, push_service_fixture, vapid_key_fixture  # noqa: F401

pytestmark = pytest.mark.django_db
FAST = Config(
    timeout=5, concurrency=2, poll_interval=0.01, max_age=900, subject="mailto:tests@matchcentre.example"
)


def a_match_in_play(**fields) -> Match:
    arsenal, chelsea = make_team("Arsenal"), make_team("Chelsea")
    match = make_match(arsenal, chelsea, kickoff=timezone.now() - dt.timedelta(minutes=30), **fields)
    add_to_lineup(match, arsenal, "Saka")
    add_to_lineup(match, chelsea, "Palmer")
    match_change_status(match=match, status="first_half", at=match.kickoff)
    return Match.objects.get(pk=match.pk)


def subscribe(service, name: str, *, teams=(), matches=(), delay: int = 0) -> BrowserKeys:
    keys = BrowserKeys()
    subscription = PushSubscription.objects.create(
        endpoint=service.endpoint(name), p256dh=keys.p256dh, auth=keys.auth, delay_seconds=delay
    )
    subscription.teams.set(teams)
    subscription.matches.set(matches)
    return keys


def saka_scores(match: Match, *, minute: int = 12, client_key: str = ""):
    saka = Player.objects.get(known_as="Saka")
    return match_record_event(
        match=match, kind="goal", minute=minute, team=match.home_team, player=saka, client_key=client_key
    )


def test_a_goal_recorded_twice_with_one_key_is_pushed_once_encrypted_for_the_browser(push_service, vapid_key):
    match = a_match_in_play()
    keys = subscribe(push_service, "fan", teams=[match.home_team])

    first = saka_scores(match, client_key="goal-key-1")
    again = saka_scores(match, client_key="goal-key-1")
    assert again.repeated and again.seq == first.seq
    assert run(FAST, once=True) == 1
    assert run(FAST, once=True) == 0  # nothing is sent twice

    (pushed,) = push_service.pushes("fan")
    alert = keys.decrypt(pushed.body)
    assert alert["title"] == "Goal! Arsenal 1–0 Chelsea"
    assert "Saka" in alert["body"] and "12'" in alert["body"]
    assert alert["url"] == match.get_absolute_url() and alert["seq"] == first.seq
    assert pushed.headers["content-encoding"] == "aes128gcm"
    assert pushed.headers["authorization"].endswith(f"k={public_key_text()}")  # signed with our key
    assert Vapid.from_raw_public(public_key_text().encode()).verify_token(*_signed_part(pushed))
    assert PushSubscription.objects.get().last_sent_at is not None


def test_followers_of_the_match_or_a_club_are_alerted_and_nobody_else(push_service, vapid_key):
    match = a_match_in_play()
    other = make_match(make_team("Everton"), make_team("Fulham"))
    by_match = subscribe(push_service, "by-match", matches=[match])
    by_club = subscribe(push_service, "by-club", teams=[match.away_team])
    subscribe(push_service, "elsewhere", matches=[other], teams=[other.home_team])

    saka_scores(match)
    run(FAST, once=True)

    assert [by_match.decrypt(p.body)["kind"] for p in push_service.pushes("by-match")] == ["goal"]
    assert [by_club.decrypt(p.body)["kind"] for p in push_service.pushes("by-club")] == ["goal"]
    assert push_service.pushes("elsewhere") == []


def test_half_time_full_time_and_a_red_card_alert_and_a_minute_moved_does_not(push_service, vapid_key):
    match = a_match_in_play()
    keys = subscribe(push_service, "fan", matches=[match])
    goal = saka_scores(match).event
    run(FAST, once=True)
    match_correct_event(event=goal, expected_version=goal.version, minute=13)
    palmer = Player.objects.get(known_as="Palmer")
    match_record_event(match=match, kind="yellow", minute=20, team=match.away_team, player=palmer)
    match_record_event(match=match, kind="red", minute=30, team=match.away_team, player=palmer)
    match_change_status(match=match, status="half_time")
    match_change_status(match=match, status="second_half")
    match_change_status(match=match, status="full_time")
    run(FAST, once=True)

    titles = [keys.decrypt(p.body)["title"] for p in push_service.pushes("fan")]
    assert titles == [
        "Goal! Arsenal 1–0 Chelsea",
        "Red card · Arsenal 1–0 Chelsea",
        "Half-time · Arsenal 1–0 Chelsea",
        "Full time · Arsenal 1–0 Chelsea",
    ]


def test_a_deleted_goal_alerts_goal_disallowed(push_service, vapid_key):
    match = a_match_in_play()
    keys = subscribe(push_service, "fan", matches=[match])
    goal = saka_scores(match).event
    match_delete_event(event=MatchEvent.objects.get(pk=goal.pk))
    run(FAST, once=True)

    titles = [keys.decrypt(p.body)["title"] for p in push_service.pushes("fan")]
    assert titles == ["Goal! Arsenal 1–0 Chelsea", "Goal disallowed · Arsenal 0–0 Chelsea"]


def test_a_match_marked_no_alerts_sends_none(push_service, vapid_key):
    match = a_match_in_play()
    Match.objects.filter(pk=match.pk).update(alerts=False)
    subscribe(push_service, "fan", matches=[match])

    saka_scores(Match.objects.get(pk=match.pk))
    assert run(FAST, once=True) == 0
    assert push_service.pushes() == [] and not AlertPush.objects.exists()


def test_an_alert_waits_for_the_fans_stream_delay(push_service, vapid_key):
    match = a_match_in_play()
    subscribe(push_service, "live", matches=[match])
    subscribe(push_service, "delayed", matches=[match], delay=60)

    saka_scores(match)
    run(FAST, once=True)
    assert len(push_service.pushes("live")) == 1 and push_service.pushes("delayed") == []

    AlertPush.objects.filter(state=AlertPush.State.WAITING).update(due_at=timezone.now())  # a minute on
    run(FAST, once=True)
    assert len(push_service.pushes("delayed")) == 1


def test_a_push_service_down_for_a_while_gets_the_alerts_later_still_in_order(push_service, vapid_key):
    match = a_match_in_play()
    keys = subscribe(push_service, "fan", matches=[match])
    push_service.failing = 2
    saka_scores(match)
    match_change_status(match=match, status="half_time")

    deadline = time.monotonic() + 30
    while len(push_service.pushes("fan")) < 2 and time.monotonic() < deadline:
        run(FAST, once=True)
        time.sleep(0.2)

    kinds = [keys.decrypt(p.body)["kind"] for p in push_service.pushes("fan")]
    assert kinds == ["goal", "half_time"]
    assert len(push_service.received) == 4  # the goal twice refused, then each once
    assert [p.headers["topic"] for p in push_service.received[:3]] == [
        push_service.received[0].headers["topic"]
    ] * 3


def test_a_browser_the_push_service_says_is_gone_is_forgotten(push_service, vapid_key):
    match = a_match_in_play()
    subscribe(push_service, "gone", matches=[match])
    subscribe(push_service, "here", matches=[match])
    push_service.gone.add("/push/gone")

    saka_scores(match)
    run(FAST, once=True)

    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [
        push_service.endpoint("here")
    ]


def test_changes_from_before_the_worker_first_ran_long_ago_are_not_alerted(push_service, vapid_key):
    match = a_match_in_play()
    subscribe(push_service, "fan", matches=[match])
    saka_scores(match)
    match.updates.update(at=timezone.now() - dt.timedelta(hours=2))

    assert run(FAST, once=True) == 0


def _signed_part(pushed) -> tuple[bytes, str]:
    """The VAPID JWT's signed part and its signature, from `Authorization: vapid t=…, k=…`."""
    token = pushed.headers["authorization"].removeprefix("vapid t=").split(",")[0]
    header, claims, signature = token.split(".")
    return f"{header}.{claims}".encode(), signature


def test_the_worker_command_says_how_to_turn_alerts_on_when_no_key_is_set(settings):
    from django.core.management import CommandError, call_command

    settings.VAPID_PRIVATE_KEY, settings.DEBUG = "", False
    with pytest.raises(CommandError, match="MATCHCENTRE_VAPID_PRIVATE_KEY"):
        call_command("send_alerts", "--once")


def test_vapid_keys_prints_a_key_the_worker_signs_with(settings, capsys):
    from django.core.management import call_command

    call_command("vapid_keys")
    line = capsys.readouterr().out.splitlines()[0]
    settings.VAPID_PRIVATE_KEY = line.removeprefix("MATCHCENTRE_VAPID_PRIVATE_KEY=")
    assert len(public_key_text()) == 87 and Vapid.from_string(settings.VAPID_PRIVATE_KEY).sign(
        {"sub": "mailto:a@b.c", "aud": "https://fcm.googleapis.com"}
    )
