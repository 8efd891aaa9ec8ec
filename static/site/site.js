/* On every page: remembers the reader's time zone (so the server writes kick-offs in it) and
   rewrites the kick-off times already on the page, so the first visit is right too; keeps the
   games a page lists live (scores.js, beside this one). */
import { followScores } from "./scores.js";

function readerZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch (error) {
    return null;
  }
}

function rememberZone(zone) {
  if (!document.cookie.includes(`tz=${encodeURIComponent(zone)}`)) {
    document.cookie = `tz=${encodeURIComponent(zone)};path=/;max-age=31536000;samesite=lax`;
  }
}

function showKickOffsIn(zone) {
  for (const node of document.querySelectorAll("time[data-local]")) {
    const when = new Date(node.getAttribute("datetime"));
    const options = node.dataset.local === "time"
      ? { hour: "2-digit", minute: "2-digit", hour12: false }
      : { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
          hour12: false };
    node.textContent = new Intl.DateTimeFormat("en-GB", options).format(when).replace(" at ", ", ");
    const uk = node.parentElement && node.parentElement.querySelector(".uk-time");
    if (uk) uk.textContent = zone === "Europe/London" ? " UK time" : ` (${uk.dataset.uk} UK time)`;
  }
}

const zone = readerZone();
if (zone) {
  rememberZone(zone);
  showKickOffsIn(zone);
}

// Pages that list games keep them live: today's games, the home page's rows.
if (document.querySelector("[data-game]")) followScores();
