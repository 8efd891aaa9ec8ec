/* Table page: when a score of this season changes (a match in play, a correction), fetch
   the page again and swap the tables in, so the provisional table moves with the game. */
(function () {
  "use strict";
  var root = document.querySelector("[data-live-table]");
  if (!root || !("WebSocket" in window)) return;
  var failures = 0, refreshing = false;

  function refresh() {
    if (refreshing) return;
    refreshing = true;
    fetch(location.href, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-table]");
        if (fresh) root.innerHTML = fresh.innerHTML;
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
      if (message.type === "score" && String(message.season) === root.dataset.season) refresh();
    };
    socket.onclose = function () {
      failures += 1;
      setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, failures - 1)) * (0.5 + Math.random()));
    };
  }

  connect();
})();
