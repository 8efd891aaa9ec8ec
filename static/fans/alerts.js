/* In-page alerts for what the fan follows: a goal, a red card, half-time and full time of a
   followed club's match or a followed match, once the page has applied it (after the spoiler
   shield's delay). While the tab is in the background its title and favicon carry the news
   ("⚽ 1-0 Salah 7' · Atalanta v Liverpool | MatchCentre"), back to normal when the fan returns;
   with the browser's permission (asked by a button, never on load) a notification shows too.

   On a match page the page's own match alerts from its socket (`matchcentre:applied`, with the
   scorer); any other followed game listed on a page (the home page's rows, My clubs, today's
   games) from the scores socket (`matchcentre:score-applied`: score and status, no names). */
import { followed, shieldSetting } from "./store.js";

const HALF_TIME = ["half_time"];
const FULL_TIME = ["full_time", "after_extra_time", "after_penalties"];
const pageMatch = document.querySelector("[data-live-match]");
const favicon = document.querySelector("link[rel=icon]");
let usual = null; // the title and favicon to come back to

function follows(matchId, teams) {
  const mine = followed();
  return mine.matches.includes(Number(matchId)) || teams.some((team) => mine.teams.includes(Number(team)));
}

function drawnIcon(text) {
  const label = text.length > 5 ? text.slice(0, 5) : text;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#c81e1e"/><text x="32" y="42" font-family="system-ui,sans-serif" font-size="${label.length > 3 ? 22 : 28}" font-weight="700" fill="#fff" text-anchor="middle">${label}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function restore() {
  if (!usual || document.hidden) return;
  document.title = usual.title;
  if (favicon) favicon.setAttribute("href", usual.icon);
  usual = null;
}

/* Tells the fan: `headline` ("⚽ 1-0 Salah 7'"), `iconText` ("1-0") for the favicon. */
export function alertFan({ headline, iconText, tag }) {
  document.dispatchEvent(new CustomEvent("matchcentre:alert", { detail: { headline } }));
  if (!document.hidden) return; // the fan is looking at the page
  if (!usual) usual = { title: document.title, icon: favicon ? favicon.getAttribute("href") : "" };
  document.title = `${headline} · ${usual.title}`;
  if (favicon) favicon.href = drawnIcon(iconText);
  if ("Notification" in window && Notification.permission === "granted") {
    try {
      new Notification(headline, { body: usual.title, tag, icon: drawnIcon(iconText) });
    } catch (error) {
      // A browser that only notifies from a service worker: the title said it.
    }
  }
}

function scoreText(score, hidden) {
  return score && !hidden ? `${score[0]}-${score[1]}` : "";
}

/* The match page's own change, as applied: names come from its announcement. */
function onApplied(event) {
  const { message } = event.detail;
  const button = document.querySelector("[data-follow=match][data-follow-teams]");
  const teams = button ? button.dataset.followTeams.split(",") : [];
  if (!pageMatch || !follows(pageMatch.dataset.liveMatch, teams)) return;
  const state = message.state || {};
  const score = scoreText(state.score);
  const tag = `match-${pageMatch.dataset.liveMatch}`;
  if (message.type === "event_added" && message.announce) {
    // "Goal! 7': Salah (Liverpool) scores…", "Red card, 34': Rice (Arsenal) is sent off."
    const found = message.announce.match(/^(.*?),? (\d+(?:\+\d+)?'): (.+?)(?: \(|\.|$)/);
    if (!found) return;
    const [, headline, minute, who] = found;
    const red = /^Red card/i.test(headline);
    alertFan({ headline: red ? `🟥 ${who} ${minute}` : `⚽ ${score} ${who} ${minute}`, iconText: red ? "RC" : score, tag });
  } else if (message.type === "status_changed") {
    const word = HALF_TIME.includes(state.status) ? "HT" : FULL_TIME.includes(state.status) ? "FT" : "";
    if (word) alertFan({ headline: `${word} ${score}`, iconText: word, tag });
  }
}

/* What a listed game stood at before this change: from its My clubs row, else from the last
   change seen (the first change of a game seen nowhere else only sets it). */
const known = new Map();

function before(message, node) {
  const row = node && node.dataset.alertStatus !== undefined ? node : null;
  const was = row
    ? { score: row.dataset.alertScore ? row.dataset.alertScore.split(",").map(Number) : null, status: row.dataset.alertStatus }
    : known.get(message.match) || null;
  const now = { score: message.score, status: message.status };
  known.set(message.match, now);
  if (row) {
    row.dataset.alertScore = message.score ? message.score.join(",") : "";
    row.dataset.alertStatus = message.status;
  }
  return was;
}

/* Another game's change from the scores socket: a goal is a score that went up. */
function onScore(event) {
  const message = event.detail.message;
  if (pageMatch && String(message.match) === pageMatch.dataset.liveMatch) return; // its own socket tells
  const node = document.querySelector(`[data-game="${message.match}"][data-teams]`);
  const teams = node ? node.dataset.teams.split(",") : [];
  const was = before(message, node);
  if (!was || !follows(message.match, teams)) return;
  const hidden = shieldSetting().hideScores && document.querySelector(".home");
  const score = scoreText(message.score, hidden);
  const line = node ? node.dataset.line || "" : "";
  const tag = `match-${message.match}`;
  const goals = (score) => (score ? score[0] + score[1] : 0);
  if (goals(message.score) > goals(was.score)) {
    alertFan({ headline: `⚽ ${score || "Goal"} ${line}`.trim(), iconText: score || "⚽", tag });
  } else if (message.status !== was.status) {
    const word = HALF_TIME.includes(message.status) ? "HT" : FULL_TIME.includes(message.status) ? "FT" : "";
    if (word) alertFan({ headline: `${word} ${score} ${line}`.replace(/\s+/g, " ").trim(), iconText: word, tag });
  }
}

export function startAlerts() {
  document.addEventListener("matchcentre:applied", onApplied);
  document.addEventListener("matchcentre:score-applied", onScore);
  document.addEventListener("visibilitychange", restore);
  window.addEventListener("focus", restore);
}
