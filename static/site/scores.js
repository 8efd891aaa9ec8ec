/* Live scores wherever a page lists games: today's games (beside a match and on the home page)
   and the home page's rows, each a `[data-game]` element. One socket, /ws/scores/, brings one
   small message per change to any match (docs/PROTOCOL.md, `score`); every game shown with that
   id takes its score, state and clock at once. A running clock ticks here from its period's
   kick-off time, by the rules the match page's clock follows (match_rules.js). After a
   reconnect the page is fetched again and its live parts (`[data-live-part]`) replaced, so what
   was missed meanwhile shows; so is a table of a season whose score moved (`[data-live-table]`). */
import { clockPeriod, isFinished, isInPlay, liveMinute, minuteLabel } from "./match_rules.js";
import { liveSocket } from "./socket.js";
import { hold, shieldedNow } from "../fans/shield.js";

const STATES = ["scheduled", "live", "final", "off"];
// Spreads the fans who fetch a moved table again over a few seconds, rather than all at once.
const TABLE_SPREAD_MS = 3000;
let refreshing = null;
let arrivedMeanwhile = [];
let tableTimer = null;

function stateOf(status) {
  if (isFinished(status)) return "final";
  if (isInPlay(status)) return "live";
  return status === "scheduled" ? "scheduled" : "off";
}

/* The running minute of a game (`67'`, `45+2'`), or null when its clock is stopped. */
function minuteOf(node) {
  const minute = liveMinute(clockPeriod(node.dataset.status), node.dataset.periodStartedAt, shieldedNow());
  return minute && minuteLabel(minute);
}

function clockOf(node) {
  let clock = node.querySelector("[data-clock]");
  if (!clock && node.matches(".todays-games__game")) {
    clock = document.createElement("span");
    clock.className = "badge";
    clock.dataset.clock = "";
    node.querySelector("a").append(clock);
  }
  return clock;
}

function showClock(node, word) {
  const state = stateOf(node.dataset.status);
  const text = minuteOf(node) || word;
  if (state === "scheduled" && !text) return; // the kick-off time says more
  const clock = clockOf(node);
  if (!clock) return;
  if (clock.textContent !== text) clock.textContent = text;
  if (clock.matches(".badge")) clock.classList.toggle("badge--live", state === "live");
}

function tick() {
  for (const node of document.querySelectorAll("[data-game]")) {
    const minute = minuteOf(node);
    if (minute) showClock(node, minute);
  }
}

function showScore(node, score) {
  const place = node.querySelector("[data-score], .todays-games__score");
  if (!place) return;
  if (!score) {
    place.textContent = place.dataset.versus || "";
    return;
  }
  const [home, away] = score;
  place.textContent = node.dataset.order === "away-first" ? `${away}-${home}` : `${home}-${away}`;
}

function apply(message) {
  for (const node of document.querySelectorAll(`[data-game="${message.match}"]`)) {
    node.dataset.status = message.status;
    node.dataset.periodStartedAt = message.period_started_at || "";
    const state = stateOf(message.status);
    for (const each of STATES) node.classList.toggle(`is-${each}`, each === state);
    showScore(node, message.score);
    // The status line without what follows in brackets: `FT (HT: 1-0)` is `FT` in a list.
    showClock(node, (message.status_line || "").replace(/\s*\(.*\)$/, ""));
  }
  // For the page's other scripts (alerts): a change applied, after the spoiler shield's delay.
  document.dispatchEvent(new CustomEvent("matchcentre:score-applied", { detail: { message } }));
}

/* Fetches the page again and puts its live parts in place of these; messages that arrive while
   it is on its way are applied again after, as the page fetched may be older than they are. */
async function refresh() {
  if (refreshing) return refreshing;
  arrivedMeanwhile = [];
  refreshing = (async () => {
    try {
      const response = await fetch(location.href, { headers: { Accept: "text/html" } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      const meanwhile = arrivedMeanwhile;
      // Shown when the fan's picture reaches the moment it was fetched (the spoiler shield).
      hold(() => {
        for (const part of document.querySelectorAll("[data-live-part][id]")) {
          const again = fresh.getElementById(part.id);
          if (again) part.innerHTML = again.innerHTML;
        }
        meanwhile.forEach(apply);
        tick();
      });
    } catch (error) {
      // The next reconnect or table change fetches it again.
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function refreshTableOf(season) {
  if (tableTimer || !document.querySelector(`[data-live-table][data-season="${season}"]`)) return;
  tableTimer = setTimeout(() => {
    tableTimer = null;
    refresh();
  }, Math.random() * TABLE_SPREAD_MS);
}

function handle(message) {
  if (message.type !== "score") return;
  if (refreshing) arrivedMeanwhile.push(message);
  hold(() => apply(message)); // after the fan's delay, if they set one (the spoiler shield)
  refreshTableOf(message.season);
}

/* Keeps the page's games live: the clocks tick, the socket brings every change. */
export function followScores() {
  let closes = 0;
  tick();
  setInterval(tick, 1000);
  liveSocket("/ws/scores/", {
    onOpen() {
      if (closes) refresh(); // what changed while the socket was closed
    },
    onMessage: handle,
    onClose() {
      closes += 1;
    },
  });
  // For tests and the browser's console: apply a score message as if the socket brought it.
  window.MatchCentreScores = { handle, refresh };
}
