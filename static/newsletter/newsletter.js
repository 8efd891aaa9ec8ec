/* Newsletter sign-up without a page reload.
 *
 * Without this script the form posts and the server redirects back to the page with a
 * message. With it, the same form (CSRF token included: the form's, or this browser's own from
 * static/site/csrf.js on a page every reader shares) is sent with fetch, asking for JSON, and
 * the answer's message is shown in the box's status line, which screen readers
 * announce. If anything but JSON comes back, the form is posted the ordinary way.
 */

import { withCsrfToken } from "../site/csrf.js";

function say(form, text, ok) {
  const box = form.closest("section.newsletter").querySelector(".newsletter__message");
  const line = document.createElement("span");
  line.className = `newsletter__says newsletter__says--${ok ? "success" : "error"}`;
  line.textContent = text;
  box.replaceChildren(line);
}

async function send(form) {
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: withCsrfToken(new FormData(form)),
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
    });
    if (!(response.headers.get("Content-Type") || "").includes("application/json")) throw new Error("not json");
    const data = await response.json();
    say(form, data.message || "", Boolean(data.ok));
    if (data.ok) form.querySelector("input[type=email]").value = "";
    button.disabled = false;
  } catch (error) {
    button.disabled = false;
    HTMLFormElement.prototype.submit.call(form);
  }
}

function submit(event) {
  const form = event.target;
  if (!form.matches || !form.matches("form.newsletter__form") || !window.fetch) return;
  event.preventDefault();
  send(form);
}

document.addEventListener("submit", submit);
