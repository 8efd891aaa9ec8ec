/* Live scores for pages that list matches or show tables (home, table pages): one socket,
   /ws/scores/, one small message per change to any match. A row of that match takes the new
   score; a table of that match's season is fetched again, so a provisional table moves. */
import { isFinished } from "../site/match_rules.js";
import { liveSocket } from "../site/socket.js";

const rows = document.querySelector("[data-match-row]");
const tables = document.querySelectorAll("[data-live-table]");
let refreshing = false;

function updateRow(message) {
  const row = document.querySelector(`[data-match-row="${message.match}"]`);
  if (!row) return;
  if (message.score) {
    row.querySelector(".match-row__score").textContent = `${message.score[0]} – ${message.score[1]}`;
  }
  const time = row.querySelector(".match-row__time");
  if (isFinished(message.status)) {
    time.textContent = "FT";
    row.classList.remove("is-live");
  } else if (message.status_line) {
    time.textContent = message.status_line;
    row.classList.add("is-live");
  }
}

async function refreshTables(season) {
  const stale = [...tables].filter((node) => node.dataset.season === String(season));
  if (!stale.length || refreshing) return;
  refreshing = true;
  try {
    const response = await fetch(location.href, { headers: { Accept: "text/html" } });
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const node of fresh.querySelectorAll("[data-live-table]")) {
      const old = document.querySelector(`[data-live-table][data-season="${node.dataset.season}"]`);
      if (old) old.innerHTML = node.innerHTML;
    }
  } catch (error) {
    // The next change to a match of that season fetches the page again.
  } finally {
    refreshing = false;
  }
}

function handle(message) {
  if (message.type !== "score") return;
  updateRow(message);
  refreshTables(message.season);
}

if (rows || tables.length) liveSocket("/ws/scores/", { onMessage: handle });
