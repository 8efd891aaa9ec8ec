/* Match-page polls: votes without a page reload, and the numbers a live push brings.
 *
 * Without this script the poll's form posts and the server redirects back to the page.
 * With it, the same form is sent with fetch (CSRF token from the form, or this browser's own
 * from static/site/csrf.js on a page every reader shares; URL-encoded) and
 * the answer, the poll's JSON payload, redraws the poll in place.
 * applyTally(tally) takes the payload of polls.selectors.poll_tally, as the match
 * websocket pushes it (static/fixtures_app/live.js). A page may hold several polls: each
 * section is found by its poll's id.
 *
 * A vote whose answer is lost is sent again, so it carries an identity made before the first
 * send: the fan's ballot id, made once on this device and kept in localStorage, sent with
 * every vote (the retries and the form post fallback included). The server takes it as the
 * fan's identity until the fan has its voter cookie (polls/voters.py): a vote sent twice is
 * one vote, answered the same both times.
 */

import { withCsrfToken } from "../site/csrf.js";

const BALLOT_KEY = "matchcentre.ballot";
const BALLOT_ID = /^[0-9a-f]{32}$/; // as polls/voters.py checks it
const RETRY_DELAYS = [500, 1500]; // ms before each send again of a vote whose answer was lost
let ballot = null;

function newBallotId() {
  if (!window.crypto || !window.crypto.getRandomValues) return "";
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/* The fan's ballot id: kept on this device, or for this page alone where storage is blocked;
 * "" where the browser cannot make one (the server then gives the fan an identity itself). */
export function ballotId() {
  if (ballot !== null) return ballot;
  try {
    const kept = window.localStorage.getItem(BALLOT_KEY);
    if (kept && BALLOT_ID.test(kept)) return (ballot = kept);
  } catch (error) {
    // Storage blocked (privacy settings): the id lives as long as the page, which covers retries.
  }
  ballot = newBallotId();
  try {
    if (ballot) window.localStorage.setItem(BALLOT_KEY, ballot);
  } catch (error) {
    // As above.
  }
  return ballot;
}

function votesLabel(total) {
  if (!total) return "No votes yet.";
  return total.toLocaleString("en-GB") + (total === 1 ? " vote" : " votes");
}

function sectionFor(pollId) {
  return document.querySelector(`section.poll[data-poll="${pollId}"]`);
}

export function applyTally(tally) {
  const section = sectionFor(tally.id);
  if (!section) return;
  for (const option of tally.options) {
    const row = section.querySelector(`[data-option="${option.id}"]`);
    if (!row) continue;
    const percent = `${option.percent.toFixed(1)}%`;
    row.querySelector(".poll__percent").textContent = percent;
    row.querySelector(".poll__fill rect").setAttribute("width", option.percent.toFixed(1));
  }
  section.querySelector(".poll__total").textContent = votesLabel(tally.total);
  if (!tally.is_open) {
    section.classList.add("poll--closed");
    section.querySelector(".poll__answers").disabled = true;
    section.querySelector(".poll__state").textContent = "Voting has closed.";
  }
}

function applyChoice(poll) {
  const section = sectionFor(poll.id);
  if (!section || !poll.choice) return;
  for (const option of poll.options) {
    const row = section.querySelector(`[data-option="${option.id}"]`);
    if (!row) continue;
    row.classList.toggle("poll__option--chosen", option.chosen);
    row.querySelector(".poll__choose").setAttribute("aria-pressed", String(option.chosen));
    row.querySelector(".poll__yours").hidden = !option.chosen;
  }
  section.querySelector(".poll__answers").disabled = true;
  if (poll.is_open) section.querySelector(".poll__state").textContent = "Thanks for voting.";
}

function say(form, text) {
  const section = form.closest("section.poll");
  section.querySelector(".poll__message").textContent = text;
  // The message stands for the state line ("Thanks for voting."): one line, not two thank-yous.
  section.querySelector(".poll__state").hidden = text !== "";
}

function hidden(form, name, value) {
  const input = document.createElement("input");
  input.type = "hidden";
  input.name = name;
  input.value = value;
  form.appendChild(input);
}

function submitWithoutScript(form, value) {
  hidden(form, "option", value);
  // The same ballot: if a send before this one was counted, this is that vote again.
  if (ballotId()) hidden(form, "ballot", ballotId());
  HTMLFormElement.prototype.submit.call(form);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/* The server's JSON answer to the vote, sending it again (the same body, the same ballot) while
 * no answer comes back or the answer is not the server's JSON (a proxy's error page). */
async function post(url, body) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
      });
      if ((response.headers.get("Content-Type") || "").includes("application/json")) {
        return { response, data: await response.json() };
      }
    } catch (error) {
      // No answer (the connection dropped): the vote may or may not have been counted.
    }
    if (attempt >= RETRY_DELAYS.length) throw new Error("no answer");
    await pause(RETRY_DELAYS[attempt]);
  }
}

async function send(form, button) {
  // With a token the vote takes the fast lane in front of Django (polls/endpoint.py).
  const fields = withCsrfToken(new FormData(form));
  fields.set("option", button.value);
  if (ballotId()) fields.set("ballot", ballotId());
  const answers = form.querySelector(".poll__answers");
  answers.disabled = true;
  try {
    // Sent URL-encoded, as the form itself would be: the server reads it far faster than multipart.
    const { response, data } = await post(form.action, new URLSearchParams(fields));
    if (data.poll) {
      applyTally(data.poll);
      applyChoice(data.poll);
    } else {
      answers.disabled = response.status === 409; // 409: the poll has closed.
    }
    say(form, data.message || data.error || "");
  } catch (error) {
    answers.disabled = false;
    submitWithoutScript(form, button.value);
  }
}

function vote(event) {
  const form = event.target;
  if (!form.matches || !form.matches("form.poll__form") || !window.fetch) return;
  const button = event.submitter;
  if (!button || button.name !== "option") return;
  event.preventDefault();
  send(form, button);
}

document.addEventListener("submit", vote);
