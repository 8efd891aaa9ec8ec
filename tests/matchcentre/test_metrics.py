"""/metrics: this process's figures in Prometheus's format, for the addresses settings list only:
open sockets, writes saved but not sent live, request times by view."""

import pytest
from channels.testing import WebsocketCommunicator
from django.test import AsyncClient, Client
from prometheus_client.parser import text_string_to_metric_families

from fixtures_app.services.events import match_record_event
from fixtures_app.services.status import match_change_status
from live import realtime
from matchcentre.asgi import application
from matchcentre.metrics import VOTE_ACCEPTED, vote_counted
from tests.factories import KICKOFF, add_to_lineup, make_match, make_team
from tests.faults.servers import free_port

ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


@pytest.fixture
def match(transactional_db):
    match = make_match(make_team("Arsenal"), make_team("Chelsea"))
    add_to_lineup(match, match.home_team, "Saka")
    match_change_status(match=match, status="first_half", at=KICKOFF)
    match.refresh_from_db()
    return match


def read(text: str, name: str, **labels: str) -> float:
    """A sample's value in a /metrics answer; 0 when the sample is not there yet."""
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(key) == value for key, value in labels.items()):
                return sample.value
    return 0.0


def scrape(client: Client | None = None) -> str:
    answer = (client or Client()).get("/metrics")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/plain")
    return answer.content.decode()


async def open_sockets(kind: str) -> float:
    answer = await AsyncClient().get("/metrics")
    return read(answer.content.decode(), "matchcentre_live_sockets", kind=kind)


async def test_the_socket_gauge_counts_a_match_socket_while_it_is_open(match):
    before, scores = await open_sockets("match"), await open_sockets("scores")
    fan = WebsocketCommunicator(application, f"/ws/matches/{match.pk}/", headers=ORIGIN)
    assert (await fan.connect())[0]
    await fan.receive_json_from()  # the snapshot: the fan is in
    assert (await open_sockets("match"), await open_sockets("scores")) == (before + 1, scores)
    await fan.disconnect()
    assert await open_sockets("match") == before


@pytest.mark.django_db
async def test_the_socket_gauge_counts_a_scores_socket_while_it_is_open():
    before = await open_sockets("scores")
    fan = WebsocketCommunicator(application, "/ws/scores/", headers=ORIGIN)
    assert (await fan.connect())[0]
    assert await open_sockets("scores") == before + 1
    await fan.disconnect()
    assert await open_sockets("scores") == before


def test_a_write_redis_did_not_take_is_counted_as_degraded(match, settings, monkeypatch):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    monkeypatch.setattr(realtime, "_client", None)
    monkeypatch.setattr(realtime, "_delivery_failed", False)
    before = scrape()
    a_goal(match)  # saved, then published once committed
    after = scrape()
    assert realtime.delivery_status() == "degraded"  # what the editor is told
    assert (
        read(after, "matchcentre_degraded_writes_total")
        == read(before, "matchcentre_degraded_writes_total") + 1
    )
    failures = "matchcentre_live_publish_failures_total"
    assert read(after, failures) == read(before, failures) + 2  # the match's frame and the score's


def test_a_write_sent_live_is_not_counted_as_degraded(match):
    before = scrape()
    a_goal(match)  # saved, then published once committed
    assert read(scrape(), "matchcentre_degraded_writes_total") == read(
        before, "matchcentre_degraded_writes_total"
    )


def test_metrics_are_refused_to_an_address_not_listed(settings):
    assert Client(REMOTE_ADDR="203.0.113.9").get("/metrics").status_code == 404
    settings.METRICS_ALLOWED = ["203.0.113.0/24"]
    assert Client(REMOTE_ADDR="203.0.113.9").get("/metrics").status_code == 200
    assert Client().get("/metrics").status_code == 404  # loopback is no longer listed


def test_metrics_are_refused_through_a_proxy():
    # A proxy on this machine makes every visitor's request come from loopback.
    assert Client(headers={"X-Forwarded-For": "198.51.100.7"}).get("/metrics").status_code == 404


def test_a_request_is_timed_under_its_views_name_not_its_address(match, client):
    name = "matchcentre_request_duration_seconds_count"
    before = scrape()
    assert client.get(match.get_absolute_url()).status_code == 200
    assert client.get("/no-such-page-zebra/").status_code == 404
    after = scrape()
    assert read(after, name, view="fixtures_app:match") == read(before, name, view="fixtures_app:match") + 1
    assert read(after, name, view="<unresolved>") == read(before, name, view="<unresolved>") + 1
    assert "zebra" not in after and match.get_absolute_url() not in after


def a_goal(match) -> None:
    match_record_event(
        match=match, kind="goal", minute=12, team=match.home_team, player=match.lineup.get().player
    )


def test_votes_are_counted_by_outcome_and_an_unknown_outcome_is_a_mistake():
    accepted = read(scrape(), "matchcentre_poll_votes_total", outcome="accepted")
    vote_counted(VOTE_ACCEPTED, 3)
    assert read(scrape(), "matchcentre_poll_votes_total", outcome="accepted") == accepted + 3
    with pytest.raises(ValueError):
        vote_counted("Arsenal")  # a label value a request chose would make series without end
