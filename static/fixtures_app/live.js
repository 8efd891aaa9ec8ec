/* MatchCentre live match page: websocket updates with gap-free catch-up, polling fallback.
   Plain JavaScript modules, no build step. The page is complete without them; this keeps it current. */
import { clockPeriod, isInPlay, liveMinute, minuteLabel } from "../site/match_rules.js";
import { liveSocket } from "../site/socket.js";
import { applyTally } from "../polls/poll.js";
import { hold, shieldedNow } from "../fans/shield.js";

const CHANGE_TYPES = ["event_added", "event_corrected", "event_deleted", "status_changed", "stats_changed",
  "lineups_changed"];
// Failed connections in a row after which the page keeps current over HTTP until the socket is back.
const POLL_AFTER_FAILURES = 3;
const root = document.querySelector("[data-live-match]");
const statusBadge = document.querySelector("[data-live-status]");
const announcer = document.querySelector("[data-live-announcer]");
let seq = 0;
let clockBase = null;
let socket = null;
let pollTimer = null;
let pollInterval = 5000;

function setConnection(state, text) {
  // A match not in play (finished, say) still takes corrections live, but "Live" would mislead there.
  if (!statusBadge || (state === "live" && !isInPlay(clockBase.status))) {
    if (statusBadge) statusBadge.hidden = true;
    return;
  }
  statusBadge.hidden = false;
  statusBadge.dataset.state = state;
  statusBadge.textContent = text;
}

/* The clock ticks here from the period's kick-off time the server gave. */
function tick() {
  const minute = liveMinute(clockPeriod(clockBase.status), clockBase.startedAt, shieldedNow());
  const status = document.querySelector("#scoreboard .scoreboard__status");
  if (minute && status) status.textContent = minuteLabel(minute);
}

function applyState(state) {
  if (!state) return;
  const board = document.getElementById("scoreboard");
  if (board && state.scoreboard_html) board.innerHTML = state.scoreboard_html;
  clockBase = { status: state.status, startedAt: state.period_started_at };
  tick();
}

function applyTimeline(message) {
  const list = document.getElementById("timeline");
  if (!list || !message.order) return;
  const template = document.createElement("template");
  for (const [id, html] of Object.entries(message.entries || {})) {
    template.innerHTML = html.trim();
    const fresh = template.content.firstElementChild;
    const old = document.getElementById(`event-${id}`);
    if (old) old.replaceWith(fresh);
    else list.appendChild(fresh);
  }
  const wanted = new Set();
  for (const id of message.order) {
    const node = document.getElementById(`event-${id}`);
    if (node) {
      list.appendChild(node);
      wanted.add(String(id));
    }
  }
  for (const node of [...list.children]) {
    if (!wanted.has(node.id.replace("event-", ""))) node.remove();
  }
  const empty = document.getElementById("timeline-empty");
  if (empty) empty.hidden = list.children.length > 0;
}

function highlight(message) {
  if (message.type !== "event_added" || !message.event_id) return;
  const node = document.getElementById(`event-${message.event_id}`);
  if (node && /--(goal|own_goal)\b/.test(node.className)) {
    node.classList.add("is-new");
    const board = document.getElementById("scoreboard");
    if (board) {
      board.classList.remove("is-goal");
      void board.offsetWidth; // restarts the animation
      board.classList.add("is-goal");
    }
  }
}

// The parts a message may bring whole, and the element each one fills.
const PARTS = { lineups_html: "lineups", stats_html: "stats", chart_html: "match-chart", table_html: "match-table" };

function apply(message) {
  applyState(message.state);
  applyTimeline(message);
  for (const [key, id] of Object.entries(PARTS)) {
    const part = message[key] && document.getElementById(id);
    if (part) part.innerHTML = message[key];
  }
  if (message.announce && announcer) announcer.textContent = message.announce;
  highlight(message);
}

/* Tells the page's other scripts (alerts, stadium mode) what was just applied, in seq order. */
function announceApplied(message) {
  document.dispatchEvent(new CustomEvent("matchcentre:applied", { detail: { message, seq } }));
}

function handle(message) {
  if (message.type === "snapshot") {
    apply(message);
    seq = message.seq;
    announceApplied(message);
  } else if (CHANGE_TYPES.includes(message.type)) {
    if (message.seq <= seq) return; // already seen
    if (message.seq > seq + 1) {
      catchUp(); // a gap: ask for what was missed, which brings this one in order
      return;
    }
    apply(message);
    seq = message.seq;
    announceApplied(message);
  } else if (message.type === "poll_tally") {
    applyTally(message.tally);
  }
  root.dataset.seq = seq;
}

/* A message as it arrives: the spoiler shield holds it for the fan's delay, then it is handled. */
function receive(message) {
  hold(() => handle(message));
}

function catchUp() {
  if (!socket || !socket.send({ type: "catch_up", since: seq })) poll();
}

async function poll() {
  try {
    const response = await fetch(`${root.dataset.updatesUrl}?since=${seq}`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const body = await response.json();
    pollInterval = (body.poll_interval || 5) * 1000;
    body.messages.forEach(receive);
  } catch (error) {
    // Tried again at the next interval.
  }
}

function startPolling() {
  if (pollTimer) return;
  pollTimer = setInterval(poll, pollInterval);
  poll();
}

function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = null;
}

function start() {
  seq = parseInt(root.dataset.seq, 10) || 0;
  clockBase = { status: root.dataset.status, startedAt: root.dataset.periodStartedAt || null };
  pollInterval = (parseInt(root.dataset.pollInterval, 10) || 5) * 1000;
  setInterval(tick, 1000);
  tick();
  socket = liveSocket(root.dataset.socketPath, {
    since: () => seq,
    onOpen() {
      stopPolling();
      setConnection("live", "Live");
    },
    onMessage: receive,
    onClose(failures) {
      setConnection("reconnecting", "Reconnecting…");
      if (failures >= POLL_AFTER_FAILURES) startPolling();
    },
  });
  if (!socket) startPolling();
  // For tests and the browser's console: apply a message, read the last seq applied.
  window.MatchCentreLive = { handle, seq: () => seq };
}

if (root) start();
