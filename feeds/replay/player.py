"""Plays a replay's steps into its match through the editors' write path, in match time.

Each step goes through the same services an editor's click does (`match_change_status`,
`match_record_event`, `match_record_stats`), by the system user "replay", at kick-off plus
the match time elapsed: the first half kicks off at kick-off, each break lasts as long
as a real one (15 minutes at half-time, 5 before extra time, 1 between its halves, 5
before penalties). With a speed of N > 0 the replay waits so that N seconds of match
time pass each real second (60 plays ninety minutes in ninety seconds); 0 plays at once.

Shots are added up per side and per period and sent as that side's figures (shots, on
target, xG) as each shot happens; at the end of a period both sides' figures are sent
again with the period's possession when the feed gives it. A step the services refuse
(a player missing from the line-up, a card for a player already sent off) is reported
and the replay goes on.
"""

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from feeds.replay.setup import ReplayFixture, replay_prepare, replay_user
from feeds.replay.steps import PERIOD_CLOCK_STARTS, ReplayMatch, ReplayStep, StepKind
from fixtures_app.models import Match
from fixtures_app.services.events import match_record_event
from fixtures_app.services.stats import match_record_stats
from fixtures_app.services.status import match_change_status
from football.clock import minute_label
from football.events import EventKind, Period, Side

BREAKS = {
    Period.FIRST_HALF: dt.timedelta(minutes=15),
    Period.SECOND_HALF: dt.timedelta(minutes=5),
    Period.EXTRA_FIRST_HALF: dt.timedelta(minutes=1),
    Period.EXTRA_SECOND_HALF: dt.timedelta(minutes=5),
}
STARTS = {
    Period.FIRST_HALF: "first_half",
    Period.SECOND_HALF: "second_half",
    Period.EXTRA_FIRST_HALF: "extra_first_half",
    Period.EXTRA_SECOND_HALF: "extra_second_half",
    Period.PENALTIES: "penalties",
}
# The status a period's final whistle leads to: (when another period follows, when not).
ENDS = {
    Period.FIRST_HALF: ("half_time", "half_time"),
    Period.SECOND_HALF: ("extra_time_break", "full_time"),
    Period.EXTRA_FIRST_HALF: ("extra_half_time", "extra_half_time"),
    Period.EXTRA_SECOND_HALF: ("penalties_break", "after_extra_time"),
    Period.PENALTIES: ("after_penalties", "after_penalties"),
}
EVENT_KINDS = {
    StepKind.GOAL: EventKind.GOAL,
    StepKind.MISSED_PENALTY: EventKind.MISSED_PENALTY,
    StepKind.YELLOW: EventKind.YELLOW,
    StepKind.SECOND_YELLOW: EventKind.SECOND_YELLOW,
    StepKind.RED: EventKind.RED,
    StepKind.SUBSTITUTION: EventKind.SUBSTITUTION,
    StepKind.NOTE: EventKind.COMMENTARY,
}
CENT = Decimal("0.01")


class Refused(Exception):
    """A step the replay cannot hand to the services."""


@dataclass
class ShotTally:
    shots: int = 0
    on_target: int = 0
    expected_goals: Decimal = Decimal(0)


@dataclass
class ReplayReport:
    match: Match
    reset: bool
    recorded: int = 0
    refusals: list[str] = field(default_factory=list)


class Pacer:
    """Waits until a moment of match time is due, at `speed` match seconds per real second."""

    def __init__(self, speed: float, *, sleep=time.sleep, clock=time.monotonic) -> None:
        self.speed, self.sleep, self.clock = speed, sleep, clock
        self.started = clock()

    def wait_for(self, match_seconds: float) -> None:
        if self.speed <= 0:
            return
        delay = self.started + match_seconds / self.speed - self.clock()
        if delay > 0:
            self.sleep(delay)


def replay_play(
    *,
    replay: ReplayMatch,
    key: str,
    kickoff: dt.datetime,
    speed: float = 0,
    competition: str = "",
    progress: Callable[[str], None] = lambda line: None,
    sleep=time.sleep,
    clock=time.monotonic,
) -> ReplayReport:
    """Builds (or resets) the replay's match, then plays every step into it."""
    fixture = replay_prepare(replay=replay, key=key, kickoff=kickoff, competition=competition)
    run = _Run(replay, fixture, replay_user(), progress)
    pacer = Pacer(speed, sleep=sleep, clock=clock)
    for step in replay.steps:
        at = run.moment(step)
        pacer.wait_for((at - kickoff).total_seconds())
        run.play(step, at)
    return run.report


class _Run:
    """One replay being played: where each period started, the shots so far, what was refused."""

    def __init__(self, replay: ReplayMatch, fixture: ReplayFixture, user: User, progress) -> None:
        self.replay, self.players, self.by, self.progress = replay, fixture.players, user, progress
        self.match = fixture.match
        self.teams = {Side.HOME: self.match.home_team, Side.AWAY: self.match.away_team}
        self.report = ReplayReport(match=self.match, reset=fixture.reset)
        self.starts = {Period.FIRST_HALF: self.match.kickoff}
        self.tallies: dict[tuple[Side, Period], ShotTally] = {}
        self.possession: dict[Period, tuple[int, int]] = {}
        self.known_xg = any(step.shot and step.shot.expected_goals is not None for step in replay.steps)

    def moment(self, step: ReplayStep) -> dt.datetime:
        start = self.starts.get(step.period, max(self.starts.values()))
        return start + dt.timedelta(seconds=max(0, step.clock - PERIOD_CLOCK_STARTS[step.period]))

    def play(self, step: ReplayStep, at: dt.datetime) -> None:
        label = f"{minute_label(step.minute, step.added_minute)} {step.kind.replace('_', ' ')}"
        try:
            line = self._play(step, at)
        except (ValidationError, Refused) as error:
            message = "; ".join(getattr(error, "messages", None) or [str(error)])
            self.report.refusals.append(f"{label}: {message}")
            self.progress(f"Refused {label}: {message}")
            return
        self.report.recorded += 1
        if line:
            self.progress(line)

    def _play(self, step: ReplayStep, at: dt.datetime) -> str:
        if step.kind is StepKind.PERIOD_START:
            return self._period_start(step, at)
        if step.kind is StepKind.PERIOD_END:
            return self._period_end(step, at)
        if step.kind is StepKind.SHOT:
            self._count_shot(step)
            return ""
        event = match_record_event(match=self.match, by=self.by, **self._event_fields(step)).event
        assert event is not None, "match_record_event returns the event it wrote"
        if step.shot is not None:
            self._count_shot(step)
        coming_on = f" → {event.player_in.known_as}" if event.player_in is not None else ""
        team = f" ({self.teams[step.side]})" if step.side else ""
        return f"{event}{coming_on}{team}{self._score_after(event)}"

    def _period_start(self, step: ReplayStep, at: dt.datetime) -> str:
        self.starts[step.period] = at
        match_change_status(match=self.match, status=STARTS[step.period], at=at, by=self.by)
        return f"{minute_label(step.minute)} kick-off: {STARTS[step.period].replace('_', ' ')}"

    def _period_end(self, step: ReplayStep, at: dt.datetime) -> str:
        more = any(period > step.period for period in self.replay.periods)
        status = ENDS[step.period][0 if more else 1]
        match = match_change_status(match=self.match, status=status, at=at, by=self.by).match
        if step.period in BREAKS:
            self.starts[Period(step.period + 1)] = at + BREAKS[step.period]
        if step.possession is not None:
            self.possession[step.period] = step.possession
        if step.period is not Period.PENALTIES:
            for side in Side:
                self._send_stats(side, step.period)
        score = f"{match.home_score}-{match.away_score}"
        return f"{minute_label(step.minute, step.added_minute)} whistle: {status.replace('_', ' ')} ({score})"

    def _event_fields(self, step: ReplayStep) -> dict:
        fields = {
            "kind": EVENT_KINDS[step.kind],
            "period": step.period,
            "minute": step.minute,
            "added_minute": step.added_minute,
            "team": self.teams[step.side] if step.side is not None else None,
            "detail": step.detail,
            "text": step.text,
        }
        if step.kind is StepKind.NOTE:
            return fields
        fields["player"] = self._player(step.player, step)
        if step.goal_type is not None:
            fields["goal_type"] = step.goal_type
        if step.kind is StepKind.SUBSTITUTION:
            fields["player_in"] = self._player(step.player_in, step)
        return fields

    def _player(self, player_id: str, step: ReplayStep):
        if player_id not in self.players:
            side = self.teams[step.side] if step.side else "either side"
            raise Refused(f"player {player_id or '(none)'} is not in the feed's line-up for {side}")
        return self.players[player_id]

    def _count_shot(self, step: ReplayStep) -> None:
        if step.period is Period.PENALTIES or step.side is None or step.shot is None:
            return
        tally = self.tallies.setdefault((step.side, step.period), ShotTally())
        tally.shots += 1
        tally.on_target += step.shot.on_target
        tally.expected_goals += Decimal(str(step.shot.expected_goals or 0))
        self._send_stats(step.side, step.period)

    def _send_stats(self, side: Side, period: Period) -> None:
        tally = self.tallies.get((side, period), ShotTally())
        possession = self.possession.get(period)
        match_record_stats(
            match=self.match,
            team=self.teams[side],
            period=period,
            shots=tally.shots,
            shots_on_target=tally.on_target,
            expected_goals=tally.expected_goals.quantize(CENT) if self.known_xg else None,
            possession=possession[0 if side is Side.HOME else 1] if possession else None,
            by=self.by,
        )

    def _score_after(self, event) -> str:
        if event.kind != EventKind.GOAL:
            return ""
        return f" {event.match.home_score}-{event.match.away_score}"
