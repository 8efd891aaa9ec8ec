/* Live scores for pages that list matches or show tables (home, table pages): one socket,
   /ws/scores/, one small message per change to any match. A row of that match takes the new
   score; a table of that match's season is fetched again, so a provisional table moves. */
(function () {
  "use strict";
  var rows = document.querySelector("[data-match-row]");
  var tables = document.querySelectorAll("[data-live-table]");
  if ((!rows && !tables.length) || !("WebSocket" in window)) return;
  var FINISHED = ["full_time", "after_extra_time", "after_penalties"];
  var failures = 0, refreshing = false;

  function updateRow(message) {
    var row = document.querySelector('[data-match-row="' + message.match + '"]');
    if (!row) return;
    if (message.score) {
      row.querySelector(".match-row__score").textContent = message.score[0] + " – " + message.score[1];
    }
    var time = row.querySelector(".match-row__time");
    if (FINISHED.indexOf(message.status) !== -1) {
      time.textContent = "FT";
      row.classList.remove("is-live");
    } else if (message.status_line) {
      time.textContent = message.status_line;
      row.classList.add("is-live");
    }
  }

  function refreshTables(season) {
    var stale = Array.prototype.filter.call(tables, function (node) { return node.dataset.season === String(season); });
    if (!stale.length || refreshing) return;
    refreshing = true;
    fetch(location.href, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelectorAll("[data-live-table]");
        Array.prototype.forEach.call(fresh, function (node) {
          var old = document.querySelector('[data-live-table][data-season="' + node.dataset.season + '"]');
          if (old) old.innerHTML = node.innerHTML;
        });
      })
      .finally(function () { refreshing = false; });
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/ws/scores/");
    socket.onopen = function () { failures = 0; };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (error) { return; }
      if (message.type !== "score") return;
      updateRow(message);
      refreshTables(message.season);
    };
    socket.onclose = function () {
      failures += 1;
      setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, failures - 1)) * (0.5 + Math.random()));
    };
  }

  connect();
})();
