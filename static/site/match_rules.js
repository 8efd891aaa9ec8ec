/* The football rules the pages' scripts need, as the server renders them into the page
   (`{% match_rules %}`: fixtures_app/templatetags/match_rules.py, from football/status.py
   and football/clock.py), so that no script keeps a copy of its own: the statuses in which
   the clock runs with the minutes of each one's period, the finished statuses, and the
   statuses of a match in play. */

const NONE = { clock: {}, finished: [], in_play: [] };

function read() {
  const node = document.getElementById("match-rules");
  return node ? JSON.parse(node.textContent) : NONE;
}

const rules = read();

/* The period being played in `status`, as {first, last} minutes; null when the clock is stopped. */
export function clockPeriod(status) {
  return Object.hasOwn(rules.clock, status) ? rules.clock[status] : null;
}

export function isFinished(status) {
  return rules.finished.includes(status);
}

export function isInPlay(status) {
  return rules.in_play.includes(status);
}

/* As football/clock.py counts: whole minutes since the period kicked off, from its first
   minute; past its last, added time. [minute, added minute], or null without a kick-off time. */
export function liveMinute(period, startedAt, now) {
  const started = Date.parse(startedAt || "");
  if (!period || Number.isNaN(started)) return null;
  const minute = period.first + Math.max(0, Math.floor((now - started) / 60000));
  return minute > period.last ? [period.last, minute - period.last] : [minute, 0];
}

/* A minute as fans write it: 7', 45+2'. */
export function minuteLabel([minute, added]) {
  return added ? `${minute}+${added}'` : `${minute}'`;
}
