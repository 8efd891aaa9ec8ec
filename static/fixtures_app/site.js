/* Remembers the reader's time zone (so the server writes kick-offs in it) and rewrites the
   kick-off times already on the page, so the first visit is right too. */
(function () {
  "use strict";
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (error) { return; }
  if (!zone) return;
  if (document.cookie.indexOf("tz=" + encodeURIComponent(zone)) === -1) {
    document.cookie = "tz=" + encodeURIComponent(zone) + ";path=/;max-age=31536000;samesite=lax";
  }
  document.querySelectorAll("time[data-local]").forEach(function (node) {
    var when = new Date(node.getAttribute("datetime"));
    var options = node.dataset.local === "time"
      ? { hour: "2-digit", minute: "2-digit", hour12: false }
      : { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
          hour12: false };
    node.textContent = new Intl.DateTimeFormat("en-GB", options).format(when).replace(" at ", ", ");
    var uk = node.parentElement && node.parentElement.querySelector(".uk-time");
    if (uk) uk.textContent = zone === "Europe/London" ? " UK time" : " (" + uk.dataset.uk + " UK time)";
  });
})();
