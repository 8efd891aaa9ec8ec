/* Web Push alerts: with the fan's permission (asked when they press "Allow alerts", never on
   load), this browser subscribes with the site's VAPID key and tells the site what it follows
   and its spoiler delay, so a goal, a red card, half-time and full time reach it even with the
   tab in the background or closed (docs/PROTOCOL.md, "Alerts and Web Push"). The follows and
   the delay are those store.js keeps; a change to either is sent again. */
import { withCsrfToken } from "../site/csrf.js";
import { followed, shieldSetting } from "./store.js";

const ADDRESS = "/push/subscriptions";
const SENT = "matchcentre.push.sent"; // what the site was last told, to send only a change
let keyAnswer = null;

function supported() {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

function base64urlBytes(text) {
  const padded = (text + "=".repeat((4 - (text.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
}

async function publicKey() {
  if (!keyAnswer) keyAnswer = fetch("/push/key", { headers: { Accept: "application/json" } }).then((r) => r.json());
  const body = await keyAnswer;
  return body.enabled ? body.public_key : "";
}

async function send(method, body) {
  const token = withCsrfToken(new FormData()).get("csrfmiddlewaretoken") || "";
  const response = await fetch(ADDRESS, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token },
    body: JSON.stringify(body),
  });
  document.dispatchEvent(new CustomEvent("matchcentre:push", { detail: { ok: response.ok, method } }));
  return response.ok;
}

async function subscription({ create }) {
  const registration = await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  if (existing || !create) return existing;
  const key = await publicKey();
  if (!key) return null;
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64urlBytes(key) });
}

/* Sends this browser's follows and delay; subscribes first when it has not yet (and may). */
export async function updatePushFollows(teams, matches, delaySeconds) {
  if (!supported() || Notification.permission !== "granted") return false;
  const current = await subscription({ create: true });
  if (!current) return false;
  const body = { subscription: current.toJSON(), teams, matches, delay_seconds: Math.max(0, Math.round(delaySeconds || 0)) };
  const said = JSON.stringify(body);
  if (said === lastSent()) return true; // the site has this already: no write at every page view
  const ok = await send("POST", body);
  if (ok) remember(said);
  return ok;
}

function lastSent() {
  try {
    return localStorage.getItem(SENT) || "";
  } catch (error) {
    return "";
  }
}

function remember(said) {
  try {
    localStorage.setItem(SENT, said);
  } catch (error) {
    // Sent again at the next page: the same subscription saved twice is one.
  }
}

/* Stops Web Push for this browser (the page's own alerts go on). */
export async function stopPush() {
  if (!supported()) return false;
  const current = await subscription({ create: false });
  if (!current) return false;
  await send("DELETE", { endpoint: current.endpoint });
  remember("");
  return current.unsubscribe();
}

function sync() {
  const mine = followed();
  return updatePushFollows(mine.teams, mine.matches, shieldSetting().delay).catch(() => false);
}

function start() {
  if (!supported()) return;
  for (const button of document.querySelectorAll("[data-alerts-permission]")) {
    button.addEventListener("click", async () => {
      if ((await Notification.requestPermission()) === "granted") sync();
    });
  }
  document.addEventListener("matchcentre:follows", sync);
  document.addEventListener("matchcentre:shield", sync);
  if (Notification.permission === "granted") sync();
}

start();
window.MatchCentrePush = { updatePushFollows, stopPush };
