// MatchCentre editor console: saves without reloading the page, ticks the minute, and keeps
// the page in step with other editors through the match's websocket. Without this script
// every form still posts and the page reloads with a message.
import { liveMinute, minuteLabel } from "../site/match_rules.js";
import { liveSocket } from "../site/socket.js";

const TIMEOUT_MS = 10000;
// A photo may take a while to go up over a ground's Wi-Fi.
const UPLOAD_TIMEOUT_MS = 60000;
const TICK_MS = 5000;
const HOLD_MS = 15000;
const root = document.getElementById("console");
const messages = document.getElementById("console-messages");
const deliveryBanner = document.getElementById("delivery-banner");
let lastSeq = 0;

// A version 4 UUID; crypto.randomUUID only exists on HTTPS pages, a tablet on the ground's Wi-Fi may not be.
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function announce(text, isError) {
  const line = document.createElement("p");
  line.className = "console-message" + (isError ? " console-message--error" : " console-message--success");
  line.textContent = text;
  messages.replaceChildren(line);
}

// Each saved write says whether fans got it live ("ok") or will catch up when Redis is back ("degraded").
function showDelivery(delivery) {
  if (deliveryBanner && delivery) deliveryBanner.hidden = delivery !== "degraded";
}

// ---- Writes -------------------------------------------------------------------------------------

async function post(form) {
  const controller = new AbortController();
  const upload = form.enctype === "multipart/form-data";
  const timer = setTimeout(() => controller.abort(), upload ? UPLOAD_TIMEOUT_MS : TIMEOUT_MS);
  try {
    return await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: {
        Accept: "application/json",
        "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value,
      },
      credentials: "same-origin",
      signal: controller.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

async function answerOf(response) {
  const type = response.headers.get("Content-Type") || "";
  if (!type.includes("application/json")) {
    return {
      ok: false,
      message: response.redirected
        ? "You have been signed out. Reload the page to sign in again."
        : `The server could not take this (error ${response.status}). Press the button again to retry.`,
    };
  }
  return response.json();
}

function showErrors(form, answer) {
  const box = form.querySelector("[data-errors]");
  for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
  if (!box) return;
  box.hidden = !answer;
  box.textContent = answer ? answer.message : "";
  for (const name of Object.keys((answer && answer.errors) || {})) {
    const field = form.elements.namedItem(name);
    if (field && field.setAttribute) field.setAttribute("aria-invalid", "true");
  }
}

async function submit(form, button) {
  form.setAttribute("aria-busy", "true");
  if (button) button.disabled = true;
  try {
    const answer = await answerOf(await post(form));
    if (answer.ok) {
      announce(answer.message || "Saved.");
      showDelivery(answer.delivery);
      form.querySelector("[name=client_key]").value = newKey();
      showErrors(form, null);
      afterSaving(form);
      refresh(true);
    } else {
      announce(answer.message, true);
      showErrors(form, answer);
      if (answer.code === "stale" || answer.code === "gone") {
        form.dataset.stale = "1";
        refresh();
      }
    }
  } catch (error) {
    // The same client_key goes with the retry, so a write that did arrive is not made twice.
    announce("No answer from the server. Press the button again to retry: it will not be recorded twice.", true);
  } finally {
    form.removeAttribute("aria-busy");
    if (button) button.disabled = false;
  }
}

function afterSaving(form) {
  if (form.matches("[data-entry-panel]")) {
    form.reset();
    delete form.dataset.minuteTouched;
    filterPlayers(form, "");
    closeEntry(form.dataset.entryPanel);
    tick();
  } else if (form.matches("[data-correction-for]")) {
    toggleCorrection(form.dataset.correctionFor, false);
  }
}

function onSubmit(event) {
  const form = event.target;
  if (!form.matches("form[data-write]")) return;
  event.preventDefault();
  if (form.getAttribute("aria-busy") === "true") return;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  submit(form, event.submitter || form.querySelector("[type=submit]"));
}

// ---- Opening and closing forms ------------------------------------------------------------------

function openEntry(kind) {
  for (const panel of root.querySelectorAll("[data-entry-panel]")) {
    const open = panel.dataset.entryPanel === kind && panel.hidden;
    panel.hidden = !open;
    const button = root.querySelector(`[data-kind="${panel.dataset.entryPanel}"]`);
    if (button) button.setAttribute("aria-expanded", String(open));
    if (open) {
      tick();
      const first = panel.querySelector("input[type=radio], select, textarea");
      if (first) first.focus();
    }
  }
}

function closeEntry(kind) {
  const panel = root.querySelector(`[data-entry-panel="${kind}"]`);
  const button = root.querySelector(`[data-kind="${kind}"]`);
  if (panel) panel.hidden = true;
  if (button) {
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
}

function toggleCorrection(id, open) {
  const form = root.querySelector(`[data-correction-for="${id}"]`);
  const button = root.querySelector(`[data-correct="${id}"]`);
  if (!form) return;
  form.hidden = !open;
  if (button) button.setAttribute("aria-expanded", String(open));
  if (open) form.querySelector("input[name=minute]").focus();
  else if (button) button.focus();
}

function onClick(event) {
  const kind = event.target.closest("[data-kind]");
  const correct = event.target.closest("[data-correct]");
  const cancel = event.target.closest("[data-cancel]");
  if (kind) {
    event.preventDefault();
    openEntry(kind.dataset.kind);
  } else if (correct) {
    event.preventDefault();
    const form = root.querySelector(`[data-correction-for="${correct.dataset.correct}"]`);
    toggleCorrection(correct.dataset.correct, form && form.hidden);
  } else if (cancel) {
    event.preventDefault();
    const form = cancel.closest("form");
    if (form.dataset.entryPanel) closeEntry(form.dataset.entryPanel);
    else toggleCorrection(form.dataset.correctionFor, false);
  }
}

// ---- Team and player pickers --------------------------------------------------------------------

function filterPlayers(form, teamId) {
  for (const option of form.querySelectorAll("select[data-picker] option[data-team]")) {
    const other = Boolean(teamId) && option.dataset.team !== teamId;
    option.hidden = other;
    option.disabled = other;
    if (other && option.selected) option.closest("select").value = "";
  }
  for (const group of form.querySelectorAll("select[data-picker] optgroup[data-team]")) {
    group.hidden = Boolean(teamId) && group.dataset.team !== teamId;
  }
}

function onChange(event) {
  const field = event.target;
  const form = field.form;
  if (!form) return;
  if (field.name === "team" && field.type === "radio") {
    filterPlayers(form, field.value);
  } else if (field.matches("select[name=player], select[name=player_in], select[name=assist]") && form.dataset.entryPanel) {
    const option = field.selectedOptions[0];
    const radio = option && option.dataset.team && form.querySelector(`input[name=team][value="${option.dataset.team}"]`);
    if (radio && !radio.checked) {
      radio.checked = true;
      filterPlayers(form, radio.value);
    }
  } else if (field.name === "reverses") {
    const option = field.selectedOptions[0];
    if (option && option.dataset.decision) form.elements.namedItem("var_decision").value = option.dataset.decision;
  }
}

function onInput(event) {
  if (event.target.matches("[data-live-minute], [data-live-added]")) event.target.form.dataset.minuteTouched = "1";
}

// ---- The clock ----------------------------------------------------------------------------------

// The period's minutes and kick-off time come with the state part, which the server renders anew.
function minuteNow(state) {
  const first = Number(state.dataset.periodFirst);
  const period = first ? { first, last: Number(state.dataset.periodLast) } : null;
  return liveMinute(period, state.dataset.periodStartedAt, Date.now());
}

function tick() {
  const state = document.getElementById("console-state");
  const live = state && minuteNow(state);
  for (const input of root.querySelectorAll("[data-entry-period]")) input.value = (state && state.dataset.shootout) || "";
  if (!live) return;
  const clock = state.querySelector("[data-clock]");
  if (clock) clock.textContent = minuteLabel(live);
  for (const form of root.querySelectorAll("form[data-entry-panel]")) {
    const minute = form.elements.namedItem("minute");
    const added = form.elements.namedItem("added_minute");
    const editing = document.activeElement === minute || document.activeElement === added;
    if (editing || form.dataset.minuteTouched || form.getAttribute("aria-busy") === "true") continue;
    minute.value = live[0];
    added.value = live[1];
  }
}

// ---- Live sync ----------------------------------------------------------------------------------

let fetching = false;
let again = false;
let againMine = false;

// `mine`: after this console's own write, whose result the editor is waiting to see.
async function refresh(mine = false) {
  if (fetching) {
    again = true;
    againMine = againMine || mine;
    return;
  }
  fetching = true;
  try {
    const response = await fetch(root.dataset.fragmentUrl, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "text/html" },
    });
    if (response.ok && !response.redirected) swap(await response.text(), mine);
  } catch (error) {
    // The next change, or the socket reconnecting, fetches again.
  } finally {
    fetching = false;
    if (again) {
      const wasMine = againMine;
      again = againMine = false;
      refresh(wasMine);
    }
  }
}

// Where the focus was, as a selector that finds the same control in the swapped-in part.
function focusSelector() {
  const active = document.activeElement;
  const part = active && active.closest("[data-swap]");
  if (!part) return null;
  const row = active.closest("[data-event-id]");
  const scope = `#${part.id}` + (row ? ` [data-event-id="${row.dataset.eventId}"]` : "");
  if (active.dataset.status) return `${scope} [data-status="${active.dataset.status}"]`;
  if (active.dataset.action) return `${scope} [data-action="${active.dataset.action}"]`;
  if (active.dataset.correct) return `${scope} [data-correct="${active.dataset.correct}"]`;
  if (active.name) return `${scope} [name="${active.name}"]`;
  return null;
}

// Correction forms an editor has open keep what was typed, and the version it was based on.
function keepOpenCorrections(fresh) {
  for (const form of root.querySelectorAll("[data-correction-for]:not([hidden]):not([data-stale])")) {
    const replacement = fresh.querySelector(`[data-correction-for="${form.dataset.correctionFor}"]`);
    if (!replacement) continue;
    replacement.replaceWith(form);
    const button = fresh.querySelector(`[data-correct="${form.dataset.correctionFor}"]`);
    if (button) button.setAttribute("aria-expanded", "true");
  }
}

function swap(html, mine) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const state = doc.getElementById("console-state");
  const seq = state ? Number(state.dataset.seq) : 0;
  if (seq < lastSeq) return;
  lastSeq = seq;
  const focus = focusSelector();
  for (const part of doc.querySelectorAll("[data-swap]")) {
    const current = document.getElementById(part.id);
    if (!current) continue;
    const fresh = document.adoptNode(part);
    if (part.id === "console-events" && !mine && pointerIsOver(current)) hold(current, fresh);
    else place(current, fresh);
  }
  refreshPickers();
  tick();
  const target = focus && document.querySelector(focus);
  if (target) target.focus();
}

function place(current, fresh) {
  if (fresh.id === "console-events") {
    keepOpenCorrections(fresh);
    held = null;
    clearTimeout(heldTimer);
  }
  current.replaceWith(fresh);
}

// Another editor's change must not move the row under this editor's pointer just as they
// click it (a Delete landing on the next event): while the mouse is over the events list,
// the new list waits, said so, until the pointer leaves, the notice is pressed, or HOLD_MS.
let held = null;
let heldTimer = 0;
let pointerType = "";

function pointerIsOver(part) {
  return pointerType === "mouse" && part.matches(":hover");
}

function hold(current, fresh) {
  held = fresh;
  const notice = current.querySelector("[data-held]");
  if (notice) notice.hidden = false;
  if (!current.dataset.holding) {
    current.dataset.holding = "1";
    current.addEventListener("pointerleave", release, { once: true });
  }
  clearTimeout(heldTimer);
  heldTimer = setTimeout(release, HOLD_MS);
}

function release() {
  const current = document.getElementById("console-events");
  if (!held || !current) return;
  const focus = focusSelector();
  place(current, held);
  refreshPickers();
  const target = focus && document.querySelector(focus);
  if (target) target.focus();
}

function onHeldClick(event) {
  if (event.target.closest("[data-held]")) release();
}

function refreshPickers() {
  for (const template of document.querySelectorAll("#console-pickers template[data-picker-options]")) {
    for (const select of root.querySelectorAll(`select[data-picker="${template.dataset.pickerOptions}"]`)) {
      if (select === document.activeElement) continue;
      const chosen = select.value;
      select.replaceChildren(template.content.cloneNode(true));
      // An optional picker (the assist) says what its empty choice means.
      if (select.dataset.emptyLabel && select.options.length) select.options[0].textContent = select.dataset.emptyLabel;
      select.value = chosen;
      if (select.value !== chosen) select.value = "";
      const team = select.form.querySelector("input[name=team]:checked");
      filterPlayers(select.form, team ? team.value : "");
    }
  }
}

function showSync(live) {
  const sync = root.querySelector("[data-sync]");
  sync.hidden = false;
  sync.classList.toggle("is-live", live);
  sync.classList.toggle("is-down", !live);
  root.querySelector("[data-sync-state]").textContent = live ? "on" : "reconnecting…";
}

// Any higher sequence number means something changed: what this console missed while it was
// away (asked for with `since` on each connection), a snapshot, or a change.
function onSocketMessage(message) {
  if (typeof message.seq === "number" && message.seq > lastSeq) refresh();
}

function start() {
  root.classList.add("has-js");
  lastSeq = Number(root.dataset.seq) || 0;
  root.addEventListener("submit", onSubmit);
  root.addEventListener("click", onClick);
  root.addEventListener("click", onHeldClick);
  root.addEventListener("change", onChange);
  root.addEventListener("input", onInput);
  document.addEventListener("pointermove", (event) => { pointerType = event.pointerType; }, { passive: true });
  setInterval(tick, TICK_MS);
  tick();
  liveSocket(root.dataset.socketPath, {
    since: () => lastSeq,
    onOpen: () => showSync(true),
    onMessage: onSocketMessage,
    onClose: () => showSync(false),
  });
}

if (root) start();
