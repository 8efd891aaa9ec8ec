/* The fan's panel in every page's header: the spoiler shield's setting ("my picture is N seconds
   behind", "I'm watching from kick-off", "hide scores on the home page") and the button that
   asks the browser's permission for alerts. Also the home page's covered scores, uncovered one
   at a time by a tap. All of it is the fan's own, kept in this browser (store.js). */
import { LONGEST_DELAY_SECONDS, setShieldSetting, shieldSetting } from "./store.js";

const panel = document.querySelector("[data-fan-panel]");

/* When the match really kicked off (the referee's whistle, as the editors recorded it), else
   the time it was due to: a stream shows the whistle, not the fixture list. */
function kickoff() {
  const match = document.querySelector("[data-live-match]");
  const time = match && match.querySelector("time.kickoff[datetime]");
  const whistle = match ? Date.parse(match.dataset.kickedOffAt || "") : NaN;
  const when = Number.isNaN(whistle) ? (time ? Date.parse(time.getAttribute("datetime")) : NaN) : whistle;
  return Number.isNaN(when) || when > Date.now() ? null : when;
}

function describe(setting) {
  const parts = [];
  if (setting.delay) parts.push(`${setting.delay} s behind`);
  if (setting.hideScores) parts.push("scores hidden");
  return parts.join(", ");
}

function show() {
  const setting = shieldSetting();
  const form = panel.querySelector("[data-shield-form]");
  form.elements.delay.value = setting.delay;
  form.elements.hide_scores.checked = setting.hideScores;
  panel.querySelector("[data-shield-badge]").textContent = describe(setting) ? ` (${describe(setting)})` : "";
  document.documentElement.classList.toggle("is-hiding-scores", setting.hideScores);
  panel.querySelector("[data-shield-kickoff-line]").hidden = kickoff() === null;
}

function save(delay, hideScores, said) {
  setShieldSetting({ delay: Math.min(Math.max(Math.round(delay) || 0, 0), LONGEST_DELAY_SECONDS), hideScores });
  panel.querySelector("[data-shield-status]").textContent = said;
}

function showPermission() {
  const button = panel.querySelector("[data-alerts-permission]");
  const status = panel.querySelector("[data-alerts-status]");
  if (!("Notification" in window)) {
    button.hidden = true;
    status.textContent = "This browser shows no notifications; the tab's title still tells you.";
    return;
  }
  button.hidden = Notification.permission !== "default";
  status.textContent = {
    granted: "Alerts are on for clubs and matches you follow.",
    denied: "Alerts are blocked in this browser's settings; the tab's title still tells you.",
    default: "",
  }[Notification.permission];
}

function uncoverOnTap(event) {
  const score = event.target.closest(
    ".is-hiding-scores .home :is(.is-live, .is-final) :is([data-score], .todays-games__score)",
  );
  if (!score || score.classList.contains("is-uncovered")) return;
  event.preventDefault(); // the first tap shows the score; the next follows the link
  score.classList.add("is-uncovered");
}

export function startPanel() {
  document.addEventListener("click", uncoverOnTap, true);
  if (!panel) return;
  const form = panel.querySelector("[data-shield-form]");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save(Number(form.elements.delay.value), form.elements.hide_scores.checked, "Saved.");
  });
  panel.querySelector("[data-shield-kickoff]").addEventListener("click", () => {
    const seconds = Math.round((Date.now() - kickoff()) / 1000);
    save(seconds, form.elements.hide_scores.checked, `Your picture is ${seconds} s behind, from kick-off.`);
  });
  panel.querySelector("[data-alerts-permission]").addEventListener("click", async () => {
    await Notification.requestPermission();
    showPermission();
  });
  panel.querySelector("[data-shield-now]").addEventListener("click", () => {
    document.documentElement.classList.remove("is-shielding");
  });
  document.addEventListener("matchcentre:shield", show);
  document.addEventListener("matchcentre:shield-held", (event) => {
    const held = event.detail.held;
    panel.querySelector("[data-shield-held]").textContent = held ? `${held} update${held > 1 ? "s" : ""} held for your picture` : "";
  });
  panel.hidden = false;
  show();
  showPermission();
}
