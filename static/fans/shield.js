/* The spoiler shield: a fan whose picture is N seconds behind (a delayed stream, or watching
   from kick-off) sees every live change N seconds after it reaches the page, so the page, its
   alerts and its tab title never run ahead of their screen (docs/PROTOCOL.md, "Spoiler shield").

   Every live change of the page, whichever socket brought it (the match's, the scores'), goes
   through one queue: `hold(apply)` runs `apply` once the delay has passed since it arrived, in
   the order the changes arrived. A delay changed meanwhile applies to changes arriving after it;
   none is ever released before one that came before it. Without a delay, `apply` runs at once.
   The clocks of the page tick from `shieldedNow()`: the moment the fan's picture shows. */
import { shieldSetting } from "./store.js";

const queue = [];
let timer = null;

export function delayMs() {
  return shieldSetting().delay * 1000;
}

/* The moment the fan's picture is at. */
export function shieldedNow() {
  return Date.now() - delayMs();
}

function showHeld() {
  // For the fan (the shield's panel says how many changes wait) and for tests.
  document.documentElement.dataset.shieldHeld = String(queue.length);
  document.dispatchEvent(new CustomEvent("matchcentre:shield-held", { detail: { held: queue.length } }));
}

function release() {
  timer = null;
  while (queue.length && queue[0].at <= Date.now()) {
    const { apply } = queue.shift();
    try {
      apply();
    } catch (error) {
      console.error(error); // one bad change never stops the ones after it
    }
  }
  showHeld();
  schedule();
}

function schedule() {
  if (timer || !queue.length) return;
  timer = setTimeout(release, Math.max(0, queue[0].at - Date.now()));
}

/* Runs `apply` once the fan's delay has passed, after every change held before it. */
export function hold(apply) {
  const delay = delayMs();
  if (!delay && !queue.length) {
    apply();
    return;
  }
  const last = queue.length ? queue[queue.length - 1].at : 0;
  queue.push({ apply, at: Math.max(Date.now() + delay, last) });
  showHeld();
  schedule();
}

/* What a page rendered ahead of the fan's picture (its live scores) stays veiled until the
   delay has passed since it loaded; "Show now" lifts the veil sooner. */
function veilOnLoad() {
  const delay = delayMs();
  const html = document.documentElement;
  if (!delay) return;
  html.classList.add("is-shielding");
  html.dataset.shieldUntil = String(Date.now() + delay);
  setTimeout(() => html.classList.remove("is-shielding"), delay);
}

veilOnLoad();
