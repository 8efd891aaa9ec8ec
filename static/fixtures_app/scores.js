/* Home page: live scores over /ws/scores/, one small message per change to any match. */
(function () {
  "use strict";
  if (!document.querySelector("[data-match-row]")) return;
  var failures = 0;

  function apply(message) {
    if (message.type !== "score") return;
    var row = document.querySelector('[data-match-row="' + message.match + '"]');
    if (!row) return;
    if (message.score) {
      row.querySelector(".match-row__score").textContent = message.score[0] + " – " + message.score[1];
    }
    var time = row.querySelector(".match-row__time");
    if (["full_time", "after_extra_time", "after_penalties"].indexOf(message.status) !== -1) {
      time.textContent = "FT";
      row.classList.remove("is-live");
    } else if (message.status_line) {
      time.textContent = message.status_line;
      row.classList.add("is-live");
    }
  }

  function connect() {
    if (!("WebSocket" in window)) return;
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/ws/scores/");
    socket.onopen = function () { failures = 0; };
    socket.onmessage = function (event) {
      try { apply(JSON.parse(event.data)); } catch (error) { /* skip a frame we cannot read */ }
    };
    socket.onclose = function () {
      failures += 1;
      setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, failures - 1)) * (0.5 + Math.random()));
    };
  }

  connect();
})();
