/* Match-page polls: votes without a page reload, and the numbers a live push brings.
 *
 * Without this script the poll's form posts and the server redirects back to the page.
 * With it, the same form is sent with fetch (CSRF token from the form, URL-encoded) and
 * the answer, the poll's JSON payload, redraws the poll in place.
 * applyTally(tally) takes the payload of polls.selectors.poll_tally, as the match
 * websocket pushes it (static/fixtures_app/live.js).
 */

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
    row.querySelector(".poll__fill").style.width = percent;
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
  form.closest("section.poll").querySelector(".poll__message").textContent = text;
}

function submitWithoutScript(form, value) {
  const input = document.createElement("input");
  input.type = "hidden";
  input.name = "option";
  input.value = value;
  form.appendChild(input);
  HTMLFormElement.prototype.submit.call(form);
}

async function send(form, button) {
  const fields = new FormData(form);
  fields.set("option", button.value);
  const answers = form.querySelector(".poll__answers");
  answers.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      // Sent URL-encoded, as the form itself would be: the server reads it far faster than multipart.
      body: new URLSearchParams(fields),
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
    });
    if (!(response.headers.get("Content-Type") || "").includes("application/json")) throw new Error("not json");
    const data = await response.json();
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
