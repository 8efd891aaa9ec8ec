/* Stadium mode: the page a fan opened keeps working when the network goes (docs/PROTOCOL.md,
   "Stadium mode"). The service worker (/sw.js) keeps the last copy of the pages and their files;
   here, on a match page, the state after each applied update (seq, score, minute, status) is kept
   in this browser, so that a page opened without a network shows it, marked "Offline — as of
   61'". Back online, the page catches up as always (live.js, `?since=`), and this script asks
   the update log for what came after the last state the fan saw and shows it once, in order,
   corrections and deletions included, as "While you were away". */
import { followed } from "./store.js";

export const CACHE = "matchcentre-stadium-v1"; // static/fans/sw.js keeps the same one
const root = document.querySelector("[data-live-match]");
const KEY = root ? `matchcentre.stadium.${root.dataset.liveMatch}` : "";
const SHOWN_KINDS = ["event_added", "event_corrected", "event_deleted", "status_changed"];
const texts = new Map(); // what each timeline entry says, to name a deleted one
let awayFrom = null; // the seq the fan last saw before the network went
let refreshTimer = null;

function kept() {
  try {
    return JSON.parse(localStorage.getItem(KEY) || "null");
  } catch (error) {
    return null;
  }
}

function keep(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch (error) {
    // Private mode: offline, the page shows the copy the worker kept.
  }
}

function shownMinute() {
  const status = document.querySelector("#scoreboard .scoreboard__status");
  return status ? status.textContent.trim() : "";
}

function textOf(html) {
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  return template.content.textContent.replace(/\s+/g, " ").trim();
}

function learnTexts(entries) {
  for (const [id, html] of Object.entries(entries || {})) texts.set(String(id), textOf(html));
}

function onApplied(event) {
  const { message, seq } = event.detail;
  learnTexts(message.entries);
  const state = message.state || {};
  const board = document.getElementById("scoreboard");
  keep({
    seq,
    score: state.score ?? null,
    status: state.status || root.dataset.status,
    minute: shownMinute(),
    scoreboard: board ? board.innerHTML : "",
    at: Date.now(),
  });
  if (navigator.onLine) refreshCopySoon();
}

/* The minute moves on between updates: the last one seen online is the one "as of" names. */
function keepMinute() {
  const state = kept();
  if (!navigator.onLine || !state || state.seq !== Number(root.dataset.seq)) return;
  keep({ ...state, minute: shownMinute() });
}

function banner() {
  let node = document.querySelector("[data-stadium-banner]");
  if (!node) {
    node = document.createElement("p");
    node.className = "stadium-banner";
    node.dataset.stadiumBanner = "";
    node.setAttribute("role", "status");
    root.prepend(node);
  }
  return node;
}

function showOffline() {
  const state = kept();
  if (awayFrom === null) awayFrom = state ? state.seq : Number(root.dataset.seq);
  const board = document.getElementById("scoreboard");
  if (state && board && state.scoreboard && state.seq > Number(root.dataset.seq)) board.innerHTML = state.scoreboard;
  const minute = state && state.minute ? state.minute : shownMinute();
  banner().textContent = minute ? `Offline — as of ${minute}` : "Offline — the last state seen";
  banner().hidden = false;
}

function digestLine(message) {
  const id = String(message.event_id);
  const entry = message.entries && message.entries[id] ? textOf(message.entries[id]) : "";
  if (message.type === "event_added") return entry;
  if (message.type === "event_corrected") return `Corrected: ${entry}`;
  if (message.type === "event_deleted") return `Removed: ${texts.get(id) || "an event"}`;
  return message.state ? message.state.status_label : "";
}

function showDigest(messages, snapshot) {
  const lines = [];
  for (const message of messages) {
    if (!SHOWN_KINDS.includes(message.type)) continue;
    const line = digestLine(message);
    if (line) lines.push(line);
    learnTexts(message.entries);
  }
  if (snapshot) lines.push(`Much happened: the score is now ${snapshot.state.status_line}.`);
  if (!lines.length) return;
  const box = document.createElement("section");
  box.className = "stadium-digest";
  box.dataset.stadiumDigest = "";
  box.setAttribute("aria-label", "While you were away");
  box.innerHTML = '<h2 class="stadium-digest__title">While you were away</h2><ol class="stadium-digest__list"></ol>'
    + '<button type="button" class="stadium-digest__close">Dismiss</button>';
  const list = box.querySelector("ol");
  for (const line of lines) {
    const item = document.createElement("li");
    item.textContent = line;
    list.appendChild(item);
  }
  box.querySelector("button").addEventListener("click", () => box.remove());
  root.prepend(box);
}

async function backOnline() {
  const since = awayFrom;
  awayFrom = null;
  const node = document.querySelector("[data-stadium-banner]");
  if (node) node.hidden = true;
  if (since === null) return;
  try {
    const response = await fetch(`${root.dataset.updatesUrl}?since=${since}`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const body = await response.json();
    const snapshot = body.messages.find((message) => message.type === "snapshot");
    showDigest(body.messages.filter((message) => message.seq > since), snapshot);
  } catch (error) {
    awayFrom = since; // still away after all: the next "online" tries again
  }
}

/* The worker keeps the copy it fetched; a page changed since is fetched again for it, a while
   after the change (each fan at a different moment: the page is the same bytes for all). */
function refreshCopySoon() {
  if (refreshTimer || !("caches" in window)) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    caches.open(CACHE).then((cache) => cache.add(location.pathname)).catch(() => {});
  }, 10000 + Math.random() * 20000);
}

/* Keeps the pages of followed matches for the worker, and on a match page this page and the
   files it loaded. */
async function keepCopies() {
  if (!("caches" in window) || !navigator.onLine) return;
  const cache = await caches.open(CACHE);
  const files = performance.getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith("/static/"))
    .map((url) => url.pathname);
  const pages = followed().matches.slice(0, 10).map((id) => `/matches/${id}/`);
  const here = root ? [location.pathname, ...files] : [];
  for (const address of [...here, ...pages]) {
    if (!(await cache.match(address))) await cache.add(address).catch(() => {});
  }
}

function startMatchPage() {
  for (const node of document.querySelectorAll("#timeline [id^=event-]")) {
    texts.set(node.id.replace("event-", ""), node.textContent.replace(/\s+/g, " ").trim());
  }
  document.addEventListener("matchcentre:applied", onApplied);
  window.addEventListener("offline", showOffline);
  window.addEventListener("online", backOnline);
  setInterval(keepMinute, 5000);
  if (!navigator.onLine) showOffline();
  else if (!kept() || kept().seq <= Number(root.dataset.seq)) {
    const board = document.getElementById("scoreboard");
    keep({ seq: Number(root.dataset.seq), score: null, status: root.dataset.status, minute: shownMinute(),
      scoreboard: board ? board.innerHTML : "", at: Date.now() });
  }
}

function addStyles() {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("./stadium.css", import.meta.url).href;
  document.head.appendChild(link);
}

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}
if (root) {
  addStyles();
  startMatchPage();
}
window.addEventListener("load", () => setTimeout(() => keepCopies().catch(() => {}), 500));
