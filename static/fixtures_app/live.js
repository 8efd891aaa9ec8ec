/* MatchCentre live match page: websocket updates with gap-free catch-up, polling fallback.
   Plain JavaScript, no build step. The page is complete without it; this keeps it current. */
(function () {
  "use strict";
  var root = document.querySelector("[data-live-match]");
  if (!root) return;

  var PERIODS = {
    first_half: [1, 45], second_half: [46, 90], extra_first_half: [91, 105], extra_second_half: [106, 120]
  };
  var CHANGE_TYPES = ["event_added", "event_corrected", "event_deleted", "status_changed", "stats_changed",
    "lineups_changed"];
  var seq = parseInt(root.dataset.seq, 10) || 0;
  var clockBase = { status: root.dataset.status, startedAt: root.dataset.periodStartedAt || null };
  var socket = null, failures = 0, pollTimer = null, reconnectTimer = null;
  var pollInterval = (parseInt(root.dataset.pollInterval, 10) || 5) * 1000;
  var statusBadge = document.querySelector("[data-live-status]");
  var announcer = document.querySelector("[data-live-announcer]");

  function setConnection(state, text) {
    // A finished match still takes corrections live, but "Live" would mislead there.
    if (!statusBadge || (state === "live" && !PERIODS[clockBase.status] && clockBase.status !== "half_time")) {
      if (statusBadge) statusBadge.hidden = true;
      return;
    }
    statusBadge.hidden = false;
    statusBadge.dataset.state = state;
    statusBadge.textContent = text;
  }

  /* The clock ticks here from the period's kick-off time the server gave. */
  function clockText() {
    var period = PERIODS[clockBase.status];
    if (!period || !clockBase.startedAt) return null;
    var elapsed = Math.floor((Date.now() - Date.parse(clockBase.startedAt)) / 60000);
    var minute = period[0] + Math.max(0, elapsed);
    return minute > period[1] ? period[1] + "+" + (minute - period[1]) + "'" : minute + "'";
  }

  function tick() {
    var text = clockText();
    var status = document.querySelector("#scoreboard .scoreboard__status");
    if (text && status) status.textContent = text;
  }

  function applyState(state) {
    if (!state) return;
    var board = document.getElementById("scoreboard");
    if (board && state.scoreboard_html) board.innerHTML = state.scoreboard_html;
    clockBase = { status: state.status, startedAt: state.period_started_at };
    tick();
  }

  function applyTimeline(message) {
    var list = document.getElementById("timeline");
    if (!list || !message.order) return;
    var template = document.createElement("template");
    Object.keys(message.entries || {}).forEach(function (id) {
      template.innerHTML = message.entries[id].trim();
      var fresh = template.content.firstElementChild;
      var old = document.getElementById("event-" + id);
      if (old) old.replaceWith(fresh); else list.appendChild(fresh);
    });
    var wanted = {};
    message.order.forEach(function (id) {
      var node = document.getElementById("event-" + id);
      if (node) { list.appendChild(node); wanted[id] = true; }
    });
    Array.prototype.slice.call(list.children).forEach(function (node) {
      if (!wanted[node.id.replace("event-", "")]) node.remove();
    });
    var empty = document.getElementById("timeline-empty");
    if (empty) empty.hidden = list.children.length > 0;
  }

  function highlight(message) {
    if (message.type !== "event_added" || !message.event_id) return;
    var node = document.getElementById("event-" + message.event_id);
    if (node && /--(goal|own_goal)\b/.test(node.className)) {
      node.classList.add("is-new");
      var board = document.getElementById("scoreboard");
      if (board) { board.classList.remove("is-goal"); void board.offsetWidth; board.classList.add("is-goal"); }
    }
  }

  function apply(message) {
    applyState(message.state);
    applyTimeline(message);
    if (message.lineups_html) {
      var lineups = document.getElementById("lineups");
      if (lineups) lineups.innerHTML = message.lineups_html;
    }
    if (message.stats_html) {
      var stats = document.getElementById("stats");
      if (stats) stats.innerHTML = message.stats_html;
    }
    if (message.chart_html) {
      var chart = document.getElementById("match-chart");
      if (chart) chart.innerHTML = message.chart_html;
    }
    if (message.table_html) {
      var table = document.getElementById("match-table");
      if (table) table.innerHTML = message.table_html;
    }
    if (message.announce && announcer) announcer.textContent = message.announce;
    highlight(message);
  }

  function handle(message) {
    if (message.type === "snapshot") {
      apply(message);
      seq = message.seq;
    } else if (CHANGE_TYPES.indexOf(message.type) !== -1) {
      if (message.seq <= seq) return;               // already seen
      if (message.seq > seq + 1) { catchUp(); return; } // a gap: ask for what was missed
      apply(message);
      seq = message.seq;
    } else if (message.type === "poll_tally" && window.MatchCentrePolls) {
      window.MatchCentrePolls.applyTally(message.tally);
    }
    root.dataset.seq = seq;
  }

  function catchUp() {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: "catch_up", since: seq }));
    } else {
      poll();
    }
  }

  function poll() {
    return fetch(root.dataset.updatesUrl + "?since=" + seq, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (body) {
        pollInterval = (body.poll_interval || 5) * 1000;
        body.messages.forEach(handle);
      })
      .catch(function () { /* try again at the next interval */ });
  }

  function startPolling() {
    if (pollTimer) return;
    pollTimer = setInterval(poll, pollInterval);
    poll();
  }

  function stopPolling() {
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  }

  function connect() {
    if (!("WebSocket" in window)) { startPolling(); return; }
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + root.dataset.socketPath + "?since=" + seq);
    socket.onopen = function () {
      failures = 0;
      stopPolling();
      setConnection("live", "Live");
    };
    socket.onmessage = function (event) {
      try { handle(JSON.parse(event.data)); } catch (error) { /* a frame we cannot read is skipped */ }
    };
    socket.onclose = function () {
      socket = null;
      failures += 1;
      setConnection("reconnecting", "Reconnecting…");
      if (failures >= 3) startPolling(); // keep the page current over HTTP while the socket is down
      // Exponential backoff with jitter, so a restarted server is not hit by every fan at once.
      var delay = Math.min(30000, 1000 * Math.pow(2, failures - 1)) * (0.5 + Math.random());
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  setInterval(tick, 1000);
  tick();
  connect();
  window.MatchCentreLive = { handle: handle, seq: function () { return seq; } };
})();
