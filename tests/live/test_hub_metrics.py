"""The hub's figures (live/metrics.py): frames handed to sockets, fans let go and why, open
sockets by kind; counted once per frame delivered, not once per fan."""

import time

from prometheus_client import REGISTRY

from live.realtime import Hub


class Fan:
    """A socket as the hub sees it: takes frames until told it is full, or fails."""

    def __init__(self, *, full: bool = False, broken: bool = False) -> None:
        self.full, self.broken, self.dropped_with = full, broken, None

    def offer(self, text: str) -> bool:
        if self.broken:
            raise ConnectionResetError("the fan's connection is gone")
        return not self.full

    def drop(self, code: int) -> None:
        self.dropped_with = code


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_frame_counts_once_for_each_fan_that_took_it_and_each_fan_let_go_by_why():
    hub = Hub()
    fans = [Fan(), Fan(), Fan(full=True), Fan(broken=True)]
    hub.groups["match.7"].update(fans)
    sent = value("matchcentre_live_frames_sent_total")
    too_slow = value("matchcentre_live_fans_let_go_total", reason="too_slow")
    failed = value("matchcentre_live_fans_let_go_total", reason="failed")
    hub.deliver("match.7", '{"type":"event_added","match":7,"seq":3}')
    assert value("matchcentre_live_frames_sent_total") == sent + 2
    assert value("matchcentre_live_fans_let_go_total", reason="too_slow") == too_slow + 1
    assert value("matchcentre_live_fans_let_go_total", reason="failed") == failed + 1
    assert hub.groups["match.7"] == set(fans[:2])


def test_fans_let_go_after_a_redis_outage_are_counted_as_resync():
    hub = Hub()
    hub.groups["match.7"].update([Fan(), Fan()])
    hub.groups["scores"].add(Fan())
    resync = value("matchcentre_live_fans_let_go_total", reason="resync")
    hub._let_all_go(1012)
    assert value("matchcentre_live_fans_let_go_total", reason="resync") == resync + 3


def test_open_sockets_are_counted_by_kind_of_group():
    hub = Hub()
    hub.groups["match.7"].update([Fan(), Fan()])
    hub.groups["match.8"].add(Fan())
    hub.groups["scores"].add(Fan())
    assert (hub.count_sockets("match"), hub.count_sockets("scores")) == (3, 1)


def test_the_fan_outs_cpu_time_is_counted_so_a_frames_cost_can_be_read_in_production():
    class Busy(Fan):
        def offer(self, text: str) -> bool:
            deadline = time.thread_time() + 0.002  # a socket write that costs CPU
            while time.thread_time() < deadline:
                pass
            return True

    hub = Hub()
    hub.groups["match.7"].update([Busy(), Busy()])
    spent = value("matchcentre_live_fan_out_cpu_seconds_total")
    hub.deliver("match.7", '{"type":"event_added","match":7,"seq":4}')
    assert value("matchcentre_live_fan_out_cpu_seconds_total") - spent >= 0.004
