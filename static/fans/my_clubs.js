/* The home page's "My clubs" strip: for each club the fan follows, its match in play, its next
   match and its last result, then the matches the fan follows; first on the page. The page is
   the same for every reader, so the strip is filled in here from what this browser follows
   (/me/clubs/?teams=…&matches=…). Each game is the home page's own row (`[data-game]`), so the
   scores script keeps it live like the rest, and alerts.js knows its clubs (`data-teams`). */
import { followed } from "./store.js";

const strip = document.querySelector("[data-my-clubs]");
let asked = "";

/* A kick-off UK-newspaper style, as the server writes it (football/matchups.py): `8pm`, `7.30pm`. */
function kickoffTime(when) {
  const [hour, minute] = [when.getHours(), when.getMinutes()];
  if (!minute && (hour === 0 || hour === 12)) return hour ? "noon" : "midnight";
  return `${hour % 12 || 12}${minute ? `.${String(minute).padStart(2, "0")}` : ""}${hour < 12 ? "am" : "pm"}`;
}

/* The strip comes in UK time, the same for every fan: its kick-offs in this reader's zone. */
function localTimes(node) {
  for (const time of node.querySelectorAll("time[datetime]:not(.match-row__date)")) {
    const when = new Date(time.getAttribute("datetime"));
    if (!Number.isNaN(when.getTime())) time.textContent = kickoffTime(when);
  }
}

function row(game, label) {
  const template = document.createElement("template");
  template.innerHTML = game.html;
  const node = template.content.firstElementChild;
  node.dataset.teams = `${game.home_team},${game.away_team}`;
  node.dataset.line = game.line;
  node.dataset.alertScore = game.score ? game.score.join(",") : "";
  node.dataset.alertStatus = node.dataset.status || "";
  node.classList.add("my-clubs__game");
  node.dataset.kind = label;
  localTimes(node);
  return node;
}

function clubBlock(club) {
  const block = document.createElement("li");
  block.className = "my-clubs__club";
  const name = document.createElement("a");
  name.className = "my-clubs__name";
  name.href = club.url;
  name.textContent = club.name;
  const games = document.createElement("ul");
  games.className = "match-list my-clubs__games";
  club.live.forEach((game) => games.append(row(game, "live")));
  if (club.next) games.append(row(club.next, "next"));
  if (club.last) games.append(row(club.last, "last"));
  block.append(name, games);
  return block;
}

function render(body) {
  const list = strip.querySelector("[data-my-clubs-list]");
  const shown = new Set();
  list.replaceChildren();
  // Clubs with a game in play first, each in the order the fan followed them.
  const clubs = [...body.clubs].sort((a, b) => (b.live.length > 0) - (a.live.length > 0));
  for (const club of clubs) {
    list.append(clubBlock(club));
    [...club.live, club.next, club.last].forEach((game) => game && shown.add(game.match));
  }
  const matches = body.matches.filter((game) => !shown.has(game.match));
  if (matches.length) {
    const block = clubBlock({ name: "Matches you follow", url: "#my-clubs", live: [], next: null, last: null });
    matches.forEach((game) => block.querySelector("ul").append(row(game, "match")));
    list.append(block);
  }
  strip.hidden = false;
  document.dispatchEvent(new CustomEvent("matchcentre:my-clubs", { detail: body }));
}

async function fill() {
  const { teams, matches } = followed();
  const query = new URLSearchParams({ teams: teams.join(","), matches: matches.join(",") }).toString();
  if (query === asked) return;
  asked = query;
  if (!teams.length && !matches.length) {
    strip.hidden = true;
    return;
  }
  try {
    const response = await fetch(`/me/clubs/?${query}`, { headers: { Accept: "application/json" } });
    if (response.ok && query === asked) render(await response.json());
  } catch (error) {
    asked = ""; // the next change of follows asks again
  }
}

export function startMyClubs() {
  if (!strip) return;
  document.addEventListener("matchcentre:follows", fill);
  fill();
}
