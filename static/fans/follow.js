/* Follow buttons (a club's page, a match's header) and a signed-in fan's follows.

   Without an account the browser keeps what the fan follows (store.js). Signed in, each follow
   and unfollow is also sent to the account (/me/follows/), and the first page the fan sees
   signed in in this browser merges the browser's follows into the account's: the account keeps
   the union and so does the browser (/me/follows/merge/). Later pages take the account's list,
   so a club unfollowed in another browser is unfollowed here too. */
import { withCsrfToken } from "../site/csrf.js";
import { followed, isFollowed, replaceFollowed, setFollowed } from "./store.js";

const FOLLOWS_URL = "/me/follows/";
const panel = document.querySelector("[data-fan-panel]");
const signedInAs = panel && panel.dataset.fan ? panel.dataset.fan : null;

function showButton(button) {
  const on = isFollowed(button.dataset.follow, button.dataset.followId);
  button.hidden = false;
  button.setAttribute("aria-pressed", String(on));
  button.classList.toggle("is-following", on);
  button.querySelector("[data-follow-label]").textContent = on ? "Following" : "Follow";
}

function showButtons() {
  document.querySelectorAll("[data-follow]").forEach(showButton);
}

async function send(method, fields) {
  const token = withCsrfToken(new FormData()).get("csrfmiddlewaretoken") || "";
  const options = { method, headers: { Accept: "application/json", "X-CSRFToken": token } };
  let url = FOLLOWS_URL;
  if (method === "POST") options.body = fields;
  else url += `?${new URLSearchParams(fields)}`;
  const response = await fetch(url, options);
  return response.ok ? response.json() : null;
}

async function toggle(button) {
  const kind = button.dataset.follow;
  const on = !isFollowed(kind, button.dataset.followId);
  setFollowed(kind, button.dataset.followId, on);
  if (!signedInAs) return;
  const fields = new FormData();
  fields.set(kind, button.dataset.followId);
  try {
    const answer = await send(on ? "POST" : "DELETE", fields);
    if (answer) replaceFollowed(answer, signedInAs);
  } catch (error) {
    // Kept in this browser; the next signed-in page merges it into the account.
  }
}

/* Signed in: the first time in this browser, merge; afterwards, the account's list. */
async function syncWithAccount() {
  const kept = followed();
  if (!signedInAs) {
    if (kept.user) replaceFollowed(kept, null); // signed out: keep the union, merge at next sign-in
    return;
  }
  try {
    let response;
    if (kept.user === signedInAs) {
      response = await fetch(FOLLOWS_URL, { headers: { Accept: "application/json" } });
    } else {
      const fields = new FormData();
      fields.set("teams", kept.teams.join(","));
      fields.set("matches", kept.matches.join(","));
      const token = withCsrfToken(new FormData()).get("csrfmiddlewaretoken") || "";
      response = await fetch(`${FOLLOWS_URL}merge/`, {
        method: "POST",
        body: fields,
        headers: { Accept: "application/json", "X-CSRFToken": token },
      });
    }
    if (response.ok) replaceFollowed(await response.json(), signedInAs);
  } catch (error) {
    // Tried again on the next page.
  }
}

export function startFollowing() {
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-follow]");
    if (button) toggle(button);
  });
  document.addEventListener("matchcentre:follows", showButtons);
  showButtons();
  return syncWithAccount();
}
