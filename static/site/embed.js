/* The widgets other sites frame (templates/embed/). The match widget is kept current by the match
   page's own module (live.js: the same socket, messages and catch-up); the table widget follows
   /ws/scores/ as the table page does. Neither sets a cookie: times are put in the reader's zone
   here, not remembered for the server. */
import "../fixtures_app/live.js";
import { liveSocket } from "./socket.js";

// Spreads the readers who fetch a moved table again over a few seconds, as the table page does.
const TABLE_SPREAD_MS = 3000;
const FULL = { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  hour12: false };
const TIME = { hour: "2-digit", minute: "2-digit", hour12: false };

function showTimesHere(root) {
  for (const node of root.querySelectorAll("time[datetime]")) {
    const when = new Date(node.getAttribute("datetime"));
    if (Number.isNaN(when.getTime())) continue;
    const options = node.dataset.local === "full" ? FULL : TIME;
    const text = new Intl.DateTimeFormat("en-GB", options).format(when).replace(" at ", ", ");
    if (node.textContent !== text) node.textContent = text;
  }
}

function followTimes() {
  showTimesHere(document.body);
  const board = document.getElementById("scoreboard");
  // The match's live messages bring the scoreboard written in the server's zone.
  if (board) new MutationObserver(() => showTimesHere(board)).observe(board, { childList: true });
}

/* The table widget: a change to a match of its season fetches the widget again. The address names
   the change, so readers told of the same change share one copy from a CDN, made after it. */
function followTable(table) {
  let timer = null;
  let latest = "";
  let closes = 0;

  async function refresh(version) {
    const address = new URL(location.href);
    address.searchParams.set("v", version);
    try {
      const response = await fetch(address, { headers: { Accept: "text/html" } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      const again = fresh.getElementById(table.id);
      if (again) table.innerHTML = again.innerHTML;
    } catch (error) {
      // The next change to a match of the season fetches it again.
    }
  }

  function handle(message) {
    if (message.type !== "score" || String(message.season) !== table.dataset.season) return;
    latest = [message.match, message.status, ...(message.score || [])].join("-");
    if (timer) return; // the fetch on its way will name the latest change
    timer = setTimeout(() => {
      timer = null;
      refresh(latest);
    }, Math.random() * TABLE_SPREAD_MS);
  }

  liveSocket("/ws/scores/", {
    onOpen() {
      table.dataset.socket = "open";
      if (closes) refresh(`r${Date.now()}`); // what changed while the socket was closed
    },
    onMessage: handle,
    onClose() {
      table.dataset.socket = "closed";
      closes += 1;
    },
  });
}

followTimes();
const table = document.querySelector("[data-live-table][id]");
if (table) followTable(table);
